import { z } from "zod";
import { urlSchema } from "../../core/http/url-schema.ts";

export const BannerInputSchema = z.object({
  title: z.string().trim().min(1, "Enter a title.").max(1024),
  message: z.string().trim().min(1, "Enter a message.").max(2048),
  // Legacy Banner.link is a CharField: site paths are allowed as well as http(s) URLs.
  link: urlSchema({ max: 1024, sitePath: true, required: "Enter a link." }),
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
