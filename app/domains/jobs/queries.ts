// Prisma selects and where clauses of the job board.
import type { Prisma } from "../../core/db/client.ts";

export const JOBS_PER_PAGE = 25;
export const REVIEW_PER_PAGE = 20;
/** Jobs created longer ago than this leave the review queue (legacy JobReview: 120 days). */
export const REVIEW_WINDOW_DAYS = 120;
/** A job is "new" for this long after it was created (legacy job_list.html). */
export const NEW_BADGE_DAYS = 30;
export const FEED_SIZE = 20;

export const jobSelect = {
  id: true,
  jobTitle: true,
  companyName: true,
  companyDescription: true,
  companyDescriptionMarkupType: true,
  companyDescriptionRendered: true,
  categoryId: true,
  otherJobType: true,
  city: true,
  region: true,
  country: true,
  locationSlug: true,
  countrySlug: true,
  description: true,
  descriptionMarkupType: true,
  descriptionRendered: true,
  requirements: true,
  requirementsMarkupType: true,
  requirementsRendered: true,
  contact: true,
  email: true,
  url: true,
  status: true,
  telecommuting: true,
  agencies: true,
  isFeatured: true,
  expires: true,
  submittedById: true,
  creatorId: true,
  lastModifiedById: true,
  created: true,
  updated: true,
  category: { select: { id: true, name: true, slug: true } },
  jobTypes: { select: { jobType: { select: { id: true, name: true, slug: true } } }, orderBy: { jobTypeId: "asc" } },
} as const satisfies Prisma.JobSelect;

export type JobRow = Prisma.JobGetPayload<{ select: typeof jobSelect }>;

/** The columns a list row shows (no long texts). */
export const jobSummarySelect = {
  id: true,
  jobTitle: true,
  companyName: true,
  city: true,
  region: true,
  country: true,
  locationSlug: true,
  status: true,
  telecommuting: true,
  isFeatured: true,
  expires: true,
  created: true,
  creatorId: true,
  submittedById: true,
  otherJobType: true,
  category: { select: { id: true, name: true, slug: true } },
  jobTypes: { select: { jobType: { select: { id: true, name: true, slug: true } } }, orderBy: { jobTypeId: "asc" } },
} as const satisfies Prisma.JobSelect;

export type JobSummaryRow = Prisma.JobGetPayload<{ select: typeof jobSummarySelect }>;

/** Publicly visible: approved and not yet expired (legacy JobQuerySet.visible: expires >= now). */
export function visibleWhere(now: Date): Prisma.JobWhereInput {
  return { status: "approved", expires: { gte: now } };
}

/** Legacy ordering of public lists: newest first (Job.Meta.ordering = ("-created",)). */
export const listOrder: Prisma.JobOrderByWithRelationInput[] = [{ created: "desc" }, { id: "desc" }];
