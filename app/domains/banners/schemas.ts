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
  active: z.enum(["true", "false"]).transform((value) => value === "true").optional(),
});
