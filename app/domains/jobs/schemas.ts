// zod schemas of the job board: the job form (legacy apps/jobs/forms.py JobForm), review
// comments and moderation actions, and the query strings of the public lists.
import { z } from "zod";
import { dbIdTextSchema } from "../../core/http/ids.ts";
import { optionalUrlSchema } from "../../core/http/url-schema.ts";

/** Legacy Job.STATUS_CHOICES (apps/jobs/models.py). */
export const JOB_STATUSES = ["draft", "review", "approved", "rejected", "archived", "removed", "expired"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Statuses in which the creator may still edit a job (legacy Job.editable). */
export const EDITABLE_STATUSES: readonly JobStatus[] = ["draft", "review", "rejected"];

/** What a job admin may do on the review and moderation pages (legacy JobReview.post). */
export const MODERATION_ACTIONS = ["approve", "reject", "remove", "archive"] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

const text = (max: number, required?: string) => {
  const base = z.string().trim().max(max, `Ensure this value has at most ${max} characters.`);
  return required ? base.min(1, required) : base.default("");
};
const flag = z.preprocess((value) => value === true || value === "on" || value === "true" || value === "1", z.boolean());

/** The job form: what a company submits and a job admin may edit. Markup fields are Markdown. */
export const JobInputSchema = z.object({
  jobTitle: text(100, "This field is required."),
  companyName: text(100, "This field is required."),
  categoryId: dbIdTextSchema("Select a valid category."),
  jobTypeIds: z.preprocess(
    (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
    z.array(dbIdTextSchema("Select a valid job type.")).max(20),
  ),
  otherJobType: text(100),
  city: text(100, "This field is required."),
  region: text(100),
  country: text(100, "This field is required."),
  description: text(20_000, "This field is required."),
  requirements: text(20_000, "This field is required."),
  companyDescription: text(20_000),
  contact: text(100),
  email: z.string().trim().max(254).pipe(z.email("Enter a valid email address.")),
  url: optionalUrlSchema({ max: 200 }),
  telecommuting: flag.default(false),
  agencies: flag.default(true),
});
export type JobInput = z.infer<typeof JobInputSchema>;

/** The fields a job admin may set besides the form (admin only). */
export const JobAdminInputSchema = JobInputSchema.extend({
  status: z.enum(JOB_STATUSES, { error: "Select a valid status." }),
  isFeatured: flag.default(false),
  expires: z.preprocess((value) => (value === "" || value === null ? undefined : value), z.coerce.date({ error: "Enter a valid date and time." }).optional()),
});
export type JobAdminInput = z.infer<typeof JobAdminInputSchema>;

/** A review comment, optionally approving or rejecting (legacy JobReviewCommentForm). */
export const ReviewCommentInputSchema = z.object({
  jobId: dbIdTextSchema("Select a valid job."),
  comment: z.string().trim().min(1, "This field is required.").max(10_000),
  action: z.enum(["comment", "approve", "reject"]).default("comment"),
});
export type ReviewCommentInput = z.infer<typeof ReviewCommentInputSchema>;

/** A job type or category (admin). */
export const JobTaxonomyInputSchema = z.object({
  name: text(200, "This field is required."),
  slug: z
    .string()
    .trim()
    .min(1, "This field is required.")
    .max(200)
    .regex(/^[-a-zA-Z0-9_]+$/, "Enter a valid slug: letters, numbers, underscores or hyphens."),
  active: flag.default(true),
});
export type JobTaxonomyInput = z.infer<typeof JobTaxonomyInputSchema>;

/** `?page=N` or `?page=last` (Django's paginator); anything else is a 404 like an out-of-range page. */
export const PageParamSchema = z.union([z.literal("last"), z.coerce.number().int().min(1).max(100_000)]).optional();

/** `/jobs/<slug>/` style slugs. */
export const SlugSchema = z
  .string()
  .max(350)
  .regex(/^[-a-zA-Z0-9_]+$/);

/** Query of the v3 jobs list. */
export const JobListQuerySchema = z
  .object({
    type: SlugSchema.optional(),
    category: SlugSchema.optional(),
    location: SlugSchema.optional(),
    telecommute: z
      .enum(["true", "false"])
      .transform((value) => value === "true")
      .optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
  })
  .strict();
export type JobListQuery = z.infer<typeof JobListQuerySchema>;

/** Django's slugify: ASCII letters, digits, hyphens and underscores; spaces become hyphens. */
export function slugify(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[^\x00-\x7f]/g, "")
    .toLowerCase()
    .replace(/[^\w\s-]/g, "")
    .trim()
    .replace(/[-\s]+/g, "-")
    .replace(/^[-_]+|[-_]+$/g, "");
}

/** Legacy Job.save: `location_slug = slugify(" ".join([city, region, country]))`, `country_slug = slugify(country)`. */
export function locationSlugs(job: { city: string; region: string; country: string }): { locationSlug: string; countrySlug: string } {
  return { locationSlug: slugify([job.city, job.region, job.country].join(" ")).slice(0, 350), countrySlug: slugify(job.country).slice(0, 100) };
}
