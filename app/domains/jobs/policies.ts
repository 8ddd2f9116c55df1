// Who may do what on the job board (legacy apps/jobs/views.py JobMixin and
// has_jobs_board_admin_access): a "job admin" is staff, a superuser, a member of the
// "Job Board Admin" group or a holder of jobs.can_moderate_jobs. Creators see and edit
// their own jobs while they are draft, review or rejected.
import { AppError } from "../../core/errors.ts";
import type { CurrentUser } from "../../core/http/env.ts";
import { EDITABLE_STATUSES, type JobStatus } from "./schemas.ts";

export const JOB_ADMIN_GROUP = "Job Board Admin";
export const MODERATE_PERMISSION = "jobs.can_moderate_jobs";

/** The person acting: a signed-in user, or the system (seed, migration, cron). */
export type JobActor = Pick<CurrentUser, "id" | "isStaff" | "isSuperuser" | "groups" | "permissions">;

interface OwnedJob {
  status: string;
  creatorId: number | null;
  submittedById: number | null;
}

/** True for staff, superusers, the "Job Board Admin" group and holders of jobs.can_moderate_jobs. */
export function isJobAdmin(user: JobActor | null | undefined): boolean {
  if (!user) return false;
  return user.isStaff || user.isSuperuser || user.groups.includes(JOB_ADMIN_GROUP) || user.permissions.has(MODERATE_PERMISSION);
}

/** True when `user` created or submitted the job. */
export function isJobOwner(user: JobActor | null | undefined, job: OwnedJob): boolean {
  if (!user) return false;
  return job.creatorId === user.id || job.submittedById === user.id;
}

/** Job admins edit any job; creators only their own while it is draft, review or rejected. */
export function canEditJob(user: JobActor | null | undefined, job: OwnedJob): boolean {
  if (isJobAdmin(user)) return true;
  return isJobOwner(user, job) && EDITABLE_STATUSES.includes(job.status as JobStatus);
}

/** The creator and job admins may comment; nobody else (legacy JobReviewCommentCreate). */
export function canCommentOnJob(user: JobActor | null | undefined, job: OwnedJob): boolean {
  return isJobAdmin(user) || isJobOwner(user, job);
}

export function assertJobAdmin(user: JobActor | null | undefined): void {
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to review jobs.");
  if (!isJobAdmin(user)) throw new AppError("FORBIDDEN", "Only job board admins can review jobs.");
}
