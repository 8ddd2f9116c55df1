import { z } from "zod";

export const BannerInputSchema = z.object({
  title: z.string().trim().min(1, "Enter a title.").max(1024),
  message: z.string().trim().min(1, "Enter a message.").max(2048),
  link: z
    .string()
    .trim()
    .max(1024)
    .refine((value) => /^(https?:\/\/|\/)/.test(value), "Use an http(s) URL or a site path starting with /."),
  active: z.boolean().default(false),
  psfPagesOnly: z.boolean().default(true),
});
export type BannerInput = z.infer<typeof BannerInputSchema>;

export const BannerListQuerySchema = z.object({
  active: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional(),
});

export const BANNER_SORT_FIELDS = ["title", "active", "psfPagesOnly", "id"] as const;
export type BannerSortField = (typeof BANNER_SORT_FIELDS)[number];

/** One page of the admin's banner list. */
export interface BannerSearch {
  q?: string;
  active?: boolean;
  psfPagesOnly?: boolean;
  orderBy: { field: BannerSortField; direction: "asc" | "desc" };
  offset: number;
  limit: number;
}
