// The jobs service: every read and write of the job board (pages, API, admin, cron,
// migration, seed go through it). Reads live here; the status workflow, comments and mail
// in service/workflow.ts; type and category upkeep in service/taxonomy.ts.
import type { Cache } from "../../core/cache/types.ts";
import type { Clock } from "../../core/clock/clock.ts";
import type { Db, Prisma } from "../../core/db/client.ts";
import { AppError } from "../../core/errors.ts";
import type { JobQueue } from "../../core/jobs/types.ts";
import type { Mailer } from "../../core/mail/index.ts";
import { sanitizeMarkupHtml } from "../../core/markup/sanitize.ts";
import { isJobAdmin, canCommentOnJob, canEditJob, isJobOwner, type JobActor } from "./policies.ts";
import { toJobSummaryView, toJobView, type JobSummaryView, type JobView, type JobTypeView } from "./presenters.ts";
import { FEED_SIZE, JOBS_PER_PAGE, jobSelect, jobSummarySelect, listOrder, REVIEW_PER_PAGE, REVIEW_WINDOW_DAYS, visibleWhere } from "./queries.ts";
import { createSearchDocuments } from "./service/search-documents.ts";
import { createTaxonomy } from "./service/taxonomy.ts";
import { createWorkflow } from "./service/workflow.ts";

export interface JobsSettings {
  /** The jobs team's address: it receives every message (legacy DEFAULT_JOBS_EMAIL). */
  jobsEmail: string;
  /** Days an approved job stays up (legacy JOB_THRESHOLD_DAYS). */
  thresholdDays: number;
  /** Who receives the monthly report. */
  reportRecipients: string[];
}

export interface JobsDeps {
  db: Db;
  cache: Cache;
  jobs: JobQueue;
  clock: Clock;
  mailer: Mailer;
  settings: JobsSettings;
}

/** Cache tag of every job page and cached read; any jobs write invalidates it. */
export const JOBS_CACHE_TAG = "jobs";
const DAY_MS = 24 * 60 * 60 * 1000;

export const JOB_SORT_FIELDS = ["id", "jobTitle", "companyName", "status", "created", "expires"] as const;

/** One page of the admin's job list. */
export interface JobSearch {
  q?: string;
  status?: string;
  categoryId?: number;
  isFeatured?: boolean;
  orderBy: { field: (typeof JOB_SORT_FIELDS)[number]; direction: "asc" | "desc" };
  offset: number;
  limit: number;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pages: number;
  perPage: number;
}

/** One page of a list as Django's paginator has it: page 1 always exists; past the last is NOT_FOUND. */
export function pageOf(total: number, requested: number | "last" | undefined, perPage: number): { page: number; pages: number; skip: number } {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const page = requested === "last" ? pages : (requested ?? 1);
  if (page > pages) throw new AppError("NOT_FOUND", "That page contains no results.");
  return { page, pages, skip: (page - 1) * perPage };
}

/** A public list filter (legacy JobList, JobTypeView, JobCategoryView, JobLocationView, JobTelecommute). */
export type JobFilter = { typeSlug: string } | { categorySlug: string } | { locationSlug: string } | { telecommute: true } | Record<string, never>;

function filterWhere(filter: JobFilter): Prisma.JobWhereInput {
  if ("typeSlug" in filter) return { jobTypes: { some: { jobType: { slug: filter.typeSlug } } } };
  if ("categorySlug" in filter) return { category: { slug: filter.categorySlug } };
  if ("locationSlug" in filter) return { locationSlug: filter.locationSlug };
  if ("telecommute" in filter) return { telecommuting: true };
  return {};
}

export function createJobsService(deps: JobsDeps) {
  const { db, clock } = deps;
  const now = () => clock.now();

  async function pageOfJobs(where: Prisma.JobWhereInput, requested: number | "last" | undefined, perPage: number, orderBy = listOrder): Promise<Paged<JobSummaryView>> {
    const total = await db.job.count({ where });
    const { page, pages, skip } = pageOf(total, requested, perPage);
    const rows = total === 0 ? [] : await db.job.findMany({ where, orderBy, skip, take: perPage, select: jobSummarySelect });
    const at = now();
    return { items: rows.map((row) => toJobSummaryView(row, at)), total, page, pages, perPage };
  }

  /** One page (25) of publicly visible jobs, newest first, optionally filtered; NOT_FOUND past the last page. */
  async function listVisibleJobs(options: { filter?: JobFilter; page?: number | "last" } = {}): Promise<Paged<JobSummaryView>> {
    return pageOfJobs({ AND: [visibleWhere(now()), filterWhere(options.filter ?? {})] }, options.page, JOBS_PER_PAGE);
  }

  /** The same page as listVisibleJobs with every field of each job (the API), in two queries. */
  async function listVisibleJobDetails(options: { filter?: JobFilter; page?: number | "last" } = {}): Promise<Paged<JobView>> {
    const where = { AND: [visibleWhere(now()), filterWhere(options.filter ?? {})] };
    const total = await db.job.count({ where });
    const { page, pages, skip } = pageOf(total, options.page, JOBS_PER_PAGE);
    const rows = total === 0 ? [] : await db.job.findMany({ where, orderBy: listOrder, skip, take: JOBS_PER_PAGE, select: jobSelect });
    const at = now();
    return { items: rows.map((row) => toJobView(row, at)), total, page, pages, perPage: JOBS_PER_PAGE };
  }

  /** How many jobs are visible now (the "<N> jobs on the Python Job Board" header). */
  async function countVisibleJobs(): Promise<number> {
    return db.job.count({ where: visibleWhere(now()) });
  }

  /** The 20 newest approved jobs for the RSS feed (legacy JobFeed: the expiry date is not checked). */
  async function listFeedJobs(): Promise<JobView[]> {
    const rows = await db.job.findMany({ where: { status: "approved" }, orderBy: listOrder, take: FEED_SIZE, select: jobSelect });
    const at = now();
    return rows.map((row) => toJobView(row, at));
  }

  /** Job types or categories that have visible jobs, by name (legacy JobTypes / JobCategories). */
  async function listTypesWithJobs(): Promise<JobTypeView[]> {
    return db.jobType.findMany({
      where: { jobs: { some: { job: visibleWhere(now()) } } },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true, slug: true },
    });
  }

  async function listCategoriesWithJobs(): Promise<JobTypeView[]> {
    return db.jobCategory.findMany({ where: { jobs: { some: visibleWhere(now()) } }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, slug: true } });
  }

  /** Distinct locations of visible jobs, by country then city (legacy JobLocations). */
  async function listLocations(): Promise<Array<{ city: string; region: string; country: string; locationSlug: string }>> {
    return db.job.findMany({
      where: { AND: [visibleWhere(now()), { locationSlug: { not: "" } }] },
      distinct: ["locationSlug"],
      orderBy: [{ locationSlug: "asc" }],
      select: { city: true, region: true, country: true, locationSlug: true },
    });
  }

  /** A job type or category by slug, or NOT_FOUND. */
  async function getJobType(options: { slug: string }): Promise<JobTypeView> {
    const found = await db.jobType.findUnique({ where: { slug: options.slug }, select: { id: true, name: true, slug: true } });
    if (!found) throw new AppError("NOT_FOUND", "There is no such job type.");
    return found;
  }

  async function getJobCategory(options: { slug: string }): Promise<JobTypeView> {
    const found = await db.jobCategory.findUnique({ where: { slug: options.slug }, select: { id: true, name: true, slug: true } });
    if (!found) throw new AppError("NOT_FOUND", "There is no such job category.");
    return found;
  }

  /** A job as stored, for any caller that already checked the policy (admin, API, workflow). */
  async function getJob(options: { id: number }): Promise<JobView> {
    const row = await db.job.findUnique({ where: { id: options.id }, select: jobSelect });
    if (!row) throw new AppError("NOT_FOUND", `There is no job ${options.id}.`);
    return toJobView(row, now());
  }

  function isVisible(job: { status: string; expires: Date | null }): boolean {
    return job.status === "approved" && job.expires !== null && job.expires.getTime() >= now().getTime();
  }

  /** A job the viewer may see: visible ones to all, hidden ones to their creator and job admins; NOT_FOUND otherwise. */
  async function getViewableJob(options: { id: number; viewer: JobActor | null }): Promise<JobView> {
    const job = await getJob(options).catch((error: unknown) => {
      throw error instanceof AppError ? new AppError("NOT_FOUND", "There is no such job.") : error;
    });
    if (!isVisible(job) && !isJobAdmin(options.viewer) && !isJobOwner(options.viewer, job)) throw new AppError("NOT_FOUND", "There is no such job.");
    return job;
  }

  /** The detail page: the job, 5 more visible jobs of its category, previous/next visible jobs, comments and what the viewer may do. */
  async function getJobPage(options: { id: number; viewer: JobActor | null }) {
    const job = await getViewableJob(options);
    const visible = visibleWhere(now());
    const [sameCategory, previous, next, comments] = await Promise.all([
      db.job.findMany({ where: { AND: [visible, { categoryId: job.category.id, id: { not: job.id } }] }, orderBy: listOrder, take: 5, select: jobSummarySelect }),
      db.job.findFirst({ where: { AND: [visible, { created: { lt: job.created } }] }, orderBy: listOrder, select: { id: true, jobTitle: true } }),
      db.job.findFirst({ where: { AND: [visible, { created: { gt: job.created } }] }, orderBy: [{ created: "asc" }, { id: "asc" }], select: { id: true, jobTitle: true } }),
      canCommentOnJob(options.viewer, job) ? listComments({ jobId: job.id }) : Promise.resolve([]),
    ]);
    const at = now();
    return {
      job,
      visible: isVisible(job),
      sameCategory: sameCategory.map((row) => toJobSummaryView(row, at)),
      previous,
      next,
      comments,
      canEdit: canEditJob(options.viewer, job),
      canComment: canCommentOnJob(options.viewer, job),
      isAdmin: isJobAdmin(options.viewer),
    };
  }

  /** Review comments of a job, oldest first, with their authors' names. */
  async function listComments(options: { jobId: number }) {
    const rows = await db.jobReviewComment.findMany({
      where: { jobId: options.jobId },
      orderBy: [{ created: "asc" }, { id: "asc" }],
      select: { id: true, comment: true, commentRendered: true, created: true, creatorId: true, creator: { select: { username: true } } },
    });
    return rows.map((row) => ({
      id: row.id,
      comment: row.comment,
      commentHtml: sanitizeMarkupHtml(row.commentRendered),
      created: row.created,
      creatorId: row.creatorId,
      author: row.creator?.username ?? "",
    }));
  }

  /** The user's own jobs in any status, newest first (legacy JobListMine). */
  async function listMyJobs(options: { user: JobActor; page?: number | "last" }): Promise<Paged<JobSummaryView>> {
    return pageOfJobs({ OR: [{ creatorId: options.user.id }, { submittedById: options.user.id }] }, options.page, JOBS_PER_PAGE);
  }

  /** Jobs waiting for review created in the last 120 days, oldest first, 20 a page (job admins only). */
  async function listReviewQueue(options: { viewer: JobActor | null; page?: number | "last" }): Promise<Paged<JobSummaryView>> {
    if (!isJobAdmin(options.viewer)) throw new AppError("FORBIDDEN", "Only job board admins can review jobs.");
    const since = new Date(now().getTime() - REVIEW_WINDOW_DAYS * DAY_MS);
    return pageOfJobs({ status: "review", created: { gte: since } }, options.page, REVIEW_PER_PAGE, [{ created: "asc" }, { id: "asc" }]);
  }

  /** Every job not in review, newest first, optionally by title (legacy JobModerateList `q`), 20 a page (job admins only). */
  async function listModeration(options: { viewer: JobActor | null; q?: string; page?: number | "last" }): Promise<Paged<JobSummaryView>> {
    if (!isJobAdmin(options.viewer)) throw new AppError("FORBIDDEN", "Only job board admins can moderate jobs.");
    const q = options.q?.trim();
    return pageOfJobs({ status: { not: "review" }, ...(q ? { jobTitle: { contains: q, mode: "insensitive" as const } } : {}) }, options.page, REVIEW_PER_PAGE);
  }

  /** One page of every job for the admin: search on title and company, filters by status and category. */
  async function searchJobs(options: JobSearch): Promise<{ items: JobView[]; total: number }> {
    const q = options.q?.trim();
    const where: Prisma.JobWhereInput = {
      ...(options.status ? { status: options.status } : {}),
      ...(options.categoryId ? { categoryId: options.categoryId } : {}),
      ...(options.isFeatured === undefined ? {} : { isFeatured: options.isFeatured }),
      ...(q ? { OR: (["jobTitle", "companyName", "city", "country", "email"] as const).map((field) => ({ [field]: { contains: q, mode: "insensitive" as const } })) } : {}),
    };
    const [rows, total] = await Promise.all([
      db.job.findMany({
        where,
        orderBy: [{ [options.orderBy.field]: options.orderBy.direction }, { id: "desc" }],
        skip: options.offset,
        take: options.limit,
        select: jobSelect,
      }),
      db.job.count({ where }),
    ]);
    const at = now();
    return { items: rows.map((row) => toJobView(row, at)), total };
  }

  /** Active job types and categories for the form. */
  async function formChoices() {
    const [jobTypes, categories] = await Promise.all([
      db.jobType.findMany({ where: { active: true }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, slug: true } }),
      db.jobCategory.findMany({ where: { active: true }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, slug: true } }),
    ]);
    return { jobTypes, categories };
  }

  const workflow = createWorkflow({ ...deps, getJob });
  return {
    listVisibleJobs,
    listVisibleJobDetails,
    countVisibleJobs,
    listFeedJobs,
    listTypesWithJobs,
    listCategoriesWithJobs,
    listLocations,
    getJobType,
    getJobCategory,
    getJob,
    getViewableJob,
    getJobPage,
    listComments,
    listMyJobs,
    listReviewQueue,
    listModeration,
    formChoices,
    searchJobs,
    isVisible,
    now,
    ...workflow,
    ...createTaxonomy(deps),
    ...createSearchDocuments({ db, now }),
  };
}

export type JobsService = ReturnType<typeof createJobsService>;
