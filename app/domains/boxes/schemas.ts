import { z } from "zod";
import { MARKUP_TYPES } from "../../core/markup/render.ts";

/** Box labels are slugs, as in legacy (SlugField, 100 characters). */
export const BoxLabelSchema = z
  .string()
  .trim()
  .min(1, "Enter a label.")
  .max(100, "Use at most 100 characters.")
  .regex(/^[A-Za-z0-9_-]+$/, "Use only letters, digits, hyphens and underscores.");

export const BoxInputSchema = z.object({
  label: BoxLabelSchema,
  content: z.string().max(200_000, "The content is too long (200,000 characters at most)."),
  contentMarkupType: z.enum(MARKUP_TYPES, { error: "Choose a markup type." }),
});
export type BoxInput = z.infer<typeof BoxInputSchema>;

export const BoxListQuerySchema = z.object({
  label: z.string().max(100).optional(),
  label__startswith: z.string().max(100).optional(),
});
export type BoxListQuery = z.infer<typeof BoxListQuerySchema>;

export const BOX_SORT_FIELDS = ["label", "contentMarkupType", "updated"] as const;
export type BoxSortField = (typeof BOX_SORT_FIELDS)[number];

/** One page of the admin's box list. */
export interface BoxSearch {
  q?: string;
  orderBy: { field: BoxSortField; direction: "asc" | "desc" };
  offset: number;
  limit: number;
}
