// The job status workflow (legacy apps/jobs/models.py Job.review/approve/reject/archive/
// remove/expire), review comments, and the mail each step sends (legacy apps/jobs/
// listeners.py): the jobs address receives every message; approve and reject also go to
// the job's contact address; a reviewer's comment goes to the contact address too, a
// creator's comment only to the jobs address. Every transition is written to the audit
// log in the transaction that makes it, and its mail is queued in the same transaction.
import { z } from "zod";
import { writeAuditEntry } from "../../../core/admin/audit.ts";
import { createdBy, modifiedBy } from "../../../core/content/content-manageable.ts";
import type { Tx } from "../../../core/db/write-hook.ts";
import { AppError, toAppError } from "../../../core/errors.ts";
import { fieldErrors } from "../../../core/http/validate.ts";
import { renderMarkup } from "../../../core/markup/render.ts";
import { enqueueIndexing } from "../../../core/search/jobs.ts";
import { canCommentOnJob, canEditJob, isJobAdmin, isJobOwner, type JobActor } from "../policies.ts";
import type { JobView } from "../presenters.ts";
import {
  JOB_STATUSES,
  JobAdminInputSchema,
  JobInputSchema,
  locationSlugs,
  ReviewCommentInputSchema,
  type JobAdminInput,
  type JobInput,
  type JobStatus,
  type ModerationAction,
} from "../schemas.ts";
import type { JobsDeps } from "../service.ts";

export const JOB_SEARCH_TYPE = "job";
const DAY_MS = 24 * 60 * 60 * 1000;
const Address = z.email();

/** Parses `input` or throws VALIDATION with messages per field. */
function parse<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError("VALIDATION", "Please correct the errors below.", { fields: fieldErrors(result.error) });
  return result.data;
}

/** The status each moderation action leads to. */
const ACTION_STATUS: Record<ModerationAction, JobStatus> = { approve: "approved", reject: "rejected", remove: "removed", archive: "archived" };

/** The columns the job form writes, with the markup rendered and the location slugs derived. */
function formData(input: JobInput) {
  return {
    jobTitle: input.jobTitle,
    companyName: input.companyName,
    categoryId: input.categoryId,
    otherJobType: input.otherJobType,
    city: input.city,
    region: input.region,
    country: input.country,
    ...locationSlugs(input),
    description: input.description,
    descriptionMarkupType: "markdown",
    descriptionRendered: renderMarkup(input.description, "markdown").html,
    requirements: input.requirements,
    requirementsMarkupType: "markdown",
    requirementsRendered: renderMarkup(input.requirements, "markdown").html,
    companyDescription: input.companyDescription,
    companyDescriptionMarkupType: "markdown",
    companyDescriptionRendered: renderMarkup(input.companyDescription, "markdown").html,
    contact: input.contact,
    email: input.email,
    url: input.url,
    telecommuting: input.telecommuting,
    agencies: input.agencies,
  };
}

export function createWorkflow(deps: JobsDeps & { getJob(options: { id: number }): Promise<JobView> }) {
  const { db, cache, mailer, settings } = deps;
  const now = () => deps.clock.now();

  /** Runs a write in one transaction as coded errors, then drops every cached job page. */
  async function write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await db.$transaction(work);
    } catch (error) {
      throw toAppError(error) ?? error;
    }
    await cache.invalidateTags(["jobs"]);
    return result;
  }

  async function checkChoices(tx: Tx, input: JobInput): Promise<void> {
    const [category, types] = await Promise.all([
      tx.jobCategory.findUnique({ where: { id: input.categoryId }, select: { id: true } }),
      tx.jobType.count({ where: { id: { in: input.jobTypeIds } } }),
    ]);
    const fields: Record<string, string[]> = {};
    if (!category) fields.categoryId = ["Select a valid category."];
    if (types !== new Set(input.jobTypeIds).size) fields.jobTypeIds = ["Select a valid job type."];
    if (Object.keys(fields).length > 0) throw new AppError("VALIDATION", "Please correct the errors below.", { fields });
  }

  async function setTypes(tx: Tx, jobId: number, typeIds: number[]): Promise<void> {
    await tx.jobTypeLink.deleteMany({ where: { jobId } });
    if (typeIds.length > 0) await tx.jobTypeLink.createMany({ data: [...new Set(typeIds)].map((jobTypeId) => ({ jobId, jobTypeId })) });
  }

  async function logTransition(tx: Tx, job: { id: number; jobTitle: string }, actor: JobActor | null, action: string, from: string, to: string): Promise<void> {
    await writeAuditEntry(tx, {
      actorId: actor?.id ?? null,
      action,
      model: "jobs.job",
      objectId: String(job.id),
      objectRepr: job.jobTitle,
      before: { status: from },
      after: { status: to },
      via: "jobs",
    });
  }

  /** Queues one message to the given addresses (invalid legacy contact addresses are left out). */
  async function mail(tx: Tx, template: string, to: Array<string | null | undefined>, context: Record<string, unknown>): Promise<void> {
    const recipients = [...new Set(to.filter((address): address is string => typeof address === "string" && Address.safeParse(address).success))];
    if (recipients.length === 0) return;
    await mailer.sendWith(tx, { to: recipients, template, context });
  }

  const jobContext = (job: { id: number; jobTitle: string; companyName: string | null; status?: string }) => ({
    job: { id: job.id, jobTitle: job.jobTitle, companyName: job.companyName ?? "", path: `/jobs/${job.id}/`, status: job.status ?? "" },
  });

  async function effects(tx: Tx, jobId: number): Promise<void> {
    await enqueueIndexing(deps.jobs, { type: JOB_SEARCH_TYPE, id: jobId }, tx);
  }

  async function loadForWrite(tx: Tx, id: number) {
    const job = await tx.job.findUnique({
      where: { id },
      select: { id: true, jobTitle: true, companyName: true, status: true, email: true, creatorId: true, submittedById: true },
    });
    if (!job) throw new AppError("NOT_FOUND", "There is no such job.");
    return job;
  }

  /** Saves a new job as a draft by `actor` (legacy JobCreate); the creator previews it next. */
  async function createJob(options: { input: unknown; actor: JobActor }): Promise<JobView> {
    const input = parse(JobInputSchema, options.input);
    const id = await write(async (tx) => {
      await checkChoices(tx, input);
      const job = await tx.job.create({
        data: { ...formData(input), status: "draft", submittedById: options.actor.id, ...createdBy(options.actor.id), created: now(), updated: now() },
        select: { id: true },
      });
      await setTypes(tx, job.id, input.jobTypeIds);
      return job.id;
    });
    return deps.getJob({ id });
  }

  /** Changes a job's form fields: job admins any job, creators their draft, review or rejected ones (NOT_FOUND otherwise). */
  async function updateJob(options: { id: number; input: unknown; actor: JobActor }): Promise<JobView> {
    const input = parse(JobInputSchema, options.input);
    await write(async (tx) => {
      const job = await loadForWrite(tx, options.id);
      if (!canEditJob(options.actor, job)) throw new AppError("NOT_FOUND", "There is no such job you can edit.");
      await checkChoices(tx, input);
      await tx.job.update({ where: { id: job.id }, data: { ...formData(input), ...modifiedBy(options.actor.id) } });
      await setTypes(tx, job.id, input.jobTypeIds);
      await effects(tx, job.id);
    });
    return deps.getJob({ id: options.id });
  }

  /** Sends a draft (or rejected) job to the review queue and mails the jobs address (legacy JobPreview action=review). */
  async function submitForReview(options: { id: number; actor: JobActor }): Promise<JobView> {
    await write(async (tx) => {
      const job = await loadForWrite(tx, options.id);
      if (!canEditJob(options.actor, job)) throw new AppError("NOT_FOUND", "There is no such job you can submit.");
      await tx.job.update({ where: { id: job.id }, data: { status: "review", ...modifiedBy(options.actor.id) } });
      await logTransition(tx, job, options.actor, "review", job.status, "review");
      await mail(tx, "jobs/job-submitted", [settings.jobsEmail], jobContext({ ...job, status: "review" }));
    });
    return deps.getJob({ id: options.id });
  }

  /** Approves, rejects, removes or archives a job (job admins only); approval sets `expires` to now + the threshold. */
  async function moderateJob(options: { id: number; action: ModerationAction; actor: JobActor | null }): Promise<JobView> {
    if (!isJobAdmin(options.actor)) throw new AppError("FORBIDDEN", "Only job board admins can review jobs.");
    await write((tx) => applyModeration(tx, options.id, options.action, options.actor));
    return deps.getJob({ id: options.id });
  }

  async function applyModeration(tx: Tx, id: number, action: ModerationAction, actor: JobActor | null): Promise<void> {
    const job = await loadForWrite(tx, id);
    const status = ACTION_STATUS[action];
    const expires = action === "approve" ? new Date(now().getTime() + settings.thresholdDays * DAY_MS) : undefined;
    await tx.job.update({ where: { id }, data: { status, ...(expires ? { expires } : {}), ...modifiedBy(actor?.id ?? null) } });
    await logTransition(tx, job, actor, action, job.status, status);
    if (action === "approve") await mail(tx, "jobs/job-approved", [job.email, settings.jobsEmail], jobContext({ ...job, status }));
    if (action === "reject") await mail(tx, "jobs/job-rejected", [job.email, settings.jobsEmail], jobContext({ ...job, status }));
    await effects(tx, id);
  }

  /** The creator withdraws their own job (legacy JobRemove); any status but removed. */
  async function removeOwnJob(options: { id: number; actor: JobActor }): Promise<void> {
    await write(async (tx) => {
      const job = await loadForWrite(tx, options.id);
      if (!isJobOwner(options.actor, job)) throw new AppError("NOT_FOUND", "There is no such job of yours.");
      if (job.status === "removed") return;
      await tx.job.update({ where: { id: job.id }, data: { status: "removed", ...modifiedBy(options.actor.id) } });
      await logTransition(tx, job, options.actor, "remove", job.status, "removed");
      await effects(tx, job.id);
    });
  }

  /**
   * Adds a review comment by the creator or a job admin (FORBIDDEN for others) and mails the
   * other party; `approve` / `reject` also moderate the job, for job admins only.
   */
  async function addReviewComment(options: { input: unknown; actor: JobActor }): Promise<{ jobId: number; commentId: number }> {
    const input = parse(ReviewCommentInputSchema, options.input);
    return write(async (tx) => {
      const job = await loadForWrite(tx, input.jobId);
      if (!canCommentOnJob(options.actor, job)) throw new AppError("FORBIDDEN", "You may not comment on this job.");
      if (input.action !== "comment" && !isJobAdmin(options.actor)) throw new AppError("FORBIDDEN", "Only job board admins can approve or reject jobs.");
      const comment = await tx.jobReviewComment.create({
        data: {
          jobId: job.id,
          comment: input.comment,
          commentMarkupType: "markdown",
          commentRendered: renderMarkup(input.comment, "markdown").html,
          ...createdBy(options.actor.id),
          created: now(),
        },
        select: { id: true },
      });
      const byReviewer = isJobAdmin(options.actor) && !isJobOwner(options.actor, job);
      await mail(tx, "jobs/job-comment", byReviewer ? [job.email, settings.jobsEmail] : [settings.jobsEmail], { ...jobContext(job), comment: input.comment, byReviewer });
      if (input.action !== "comment") await applyModeration(tx, job.id, input.action, options.actor);
      return { jobId: job.id, commentId: comment.id };
    });
  }

  /** Expires approved jobs whose `expires` has passed (fixing legacy's doubled 90-day threshold); returns how many. */
  async function expireJobs(): Promise<number> {
    const at = now();
    const due = await db.job.findMany({ where: { status: "approved", expires: { lt: at } }, select: { id: true, jobTitle: true } });
    if (due.length === 0) return 0;
    await write(async (tx) => {
      await tx.job.updateMany({ where: { id: { in: due.map((job) => job.id) }, status: "approved" }, data: { status: "expired" } });
      for (const job of due) {
        await logTransition(tx, job, null, "expire", "approved", "expired");
        await effects(tx, job.id);
      }
    });
    return due.length;
  }

  /** Creates or changes a job from the admin, status, featured flag and expiry included (job admins only). */
  async function saveJobAsAdmin(options: { id?: number; input: unknown; actor: JobActor | "system" }): Promise<JobView> {
    if (options.actor !== "system" && !isJobAdmin(options.actor)) throw new AppError("FORBIDDEN", "Only job board admins can edit jobs here.");
    const actorId = options.actor === "system" ? null : options.actor.id;
    const input: JobAdminInput = parse(JobAdminInputSchema, options.input);
    const id = await write(async (tx) => {
      await checkChoices(tx, input);
      const data = { ...formData(input), status: input.status, isFeatured: input.isFeatured, expires: input.expires ?? null };
      let jobId: number;
      if (options.id === undefined) {
        jobId = (await tx.job.create({ data: { ...data, submittedById: actorId, ...createdBy(actorId), created: now() }, select: { id: true } })).id;
      } else {
        const before = await loadForWrite(tx, options.id);
        await tx.job.update({ where: { id: before.id }, data: { ...data, ...modifiedBy(actorId) } });
        if (before.status !== input.status) await logTransition(tx, before, options.actor === "system" ? null : options.actor, "change_status", before.status, input.status);
        jobId = before.id;
      }
      await setTypes(tx, jobId, input.jobTypeIds);
      await effects(tx, jobId);
      return jobId;
    });
    return deps.getJob({ id });
  }

  /** Deletes a job and its comments (admin). */
  async function deleteJob(options: { id: number }): Promise<void> {
    await write(async (tx) => {
      await loadForWrite(tx, options.id);
      await tx.job.delete({ where: { id: options.id } });
      await effects(tx, options.id);
    });
  }

  /** Sets the status of several jobs at once (admin bulk actions); returns how many changed. */
  async function moderateJobs(options: { ids: number[]; action: ModerationAction; actor: JobActor }): Promise<number> {
    if (!isJobAdmin(options.actor)) throw new AppError("FORBIDDEN", "Only job board admins can review jobs.");
    const status = ACTION_STATUS[options.action];
    return write(async (tx) => {
      const jobs = await tx.job.findMany({ where: { id: { in: options.ids }, status: { not: status } }, select: { id: true }, orderBy: { id: "asc" } });
      for (const job of jobs) await applyModeration(tx, job.id, options.action, options.actor);
      return jobs.length;
    });
  }

  /** Mails the monthly report: jobs created this month and last month, by status (legacy jobs_monthly_report). */
  async function sendMonthlyReport(): Promise<{ thisMonth: Record<string, number>; lastMonth: Record<string, number> }> {
    const at = now();
    const thisStart = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
    const lastStart = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - 1, 1));
    const counts = async (from: Date, to: Date) => {
      const rows = await db.job.groupBy({ by: ["status"], where: { created: { gte: from, lt: to } }, _count: { _all: true } });
      return Object.fromEntries(rows.map((row) => [row.status, row._count._all]));
    };
    const report = { thisMonth: await counts(thisStart, new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1))), lastMonth: await counts(lastStart, thisStart) };
    const recipients = settings.reportRecipients.length > 0 ? settings.reportRecipients : [settings.jobsEmail];
    await mailer.send({
      to: recipients,
      template: "jobs/monthly-report",
      context: { ...report, statuses: JOB_STATUSES, month: thisStart.toISOString().slice(0, 7), lastMonthName: lastStart.toISOString().slice(0, 7) },
    });
    return report;
  }

  return { createJob, updateJob, submitForReview, moderateJob, moderateJobs, removeOwnJob, addReviewComment, expireJobs, saveJobAsAdmin, deleteJob, sendMonthlyReport };
}
