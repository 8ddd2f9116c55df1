// The reviewers' pages (legacy JobReview, JobModerateList, JobReviewCommentCreate): the
// review queue, the moderation list of every other job, and the one POST for comments
// (which may also approve or reject). Job admins only, except that a job's creator may
// comment on it.
import type { Context, Hono, MiddlewareHandler } from "hono";
import { requireUser } from "../../../core/auth/guards.ts";
import { AppError, toAppError } from "../../../core/errors.ts";
import type { AppEnv, CurrentUser } from "../../../core/http/env.ts";
import { addFlash } from "../../../core/http/flash.ts";
import { parseDbId } from "../../../core/http/ids.ts";
import { isJobAdmin } from "../policies.ts";
import { MODERATION_ACTIONS, type ModerationAction } from "../schemas.ts";
import { pageParam } from "./public.ts";
import { readForm, renderJobsPage, safeNext, type JobsRouteDeps } from "./shared.ts";

const requireJobAdmin = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  if (!isJobAdmin(c.get("user"))) throw new AppError("FORBIDDEN", "Only job board admins can review jobs.");
  await next();
};

const DONE: Record<ModerationAction, string> = { approve: "approved", reject: "rejected", remove: "removed", archive: "archived" };

export function registerReviewPages(app: Hono<AppEnv>, deps: JobsRouteDeps): void {
  const { jobs } = deps;
  const user = (c: Context<AppEnv>) => c.get("user") as CurrentUser;

  for (const path of ["/jobs/review/", "/jobs/moderate/"]) app.use(path, requireUser(), requireJobAdmin());

  /** POST job_id + action (approve, reject, remove, archive) → back to the list; anything else is a 404. */
  const moderate = async (c: Context<AppEnv>, back: string) => {
    const form = await readForm(c);
    const id = parseDbId(typeof form.job_id === "string" ? form.job_id : undefined);
    const action = MODERATION_ACTIONS.find((candidate) => candidate === form.action);
    if (id === undefined || !action) throw new AppError("NOT_FOUND", "Unknown job or action.");
    const job = await jobs.moderateJob({ id, action, actor: user(c) });
    addFlash(c, { level: "success", text: `'${job.jobTitle}' ${DONE[action]}.` }, deps.flash);
    return c.redirect(back, 302);
  };

  app.get("/jobs/review/", async (c) => {
    const page = await jobs.listReviewQueue({ viewer: user(c), page: pageParam(c) });
    c.header("Cache-Control", "private, no-store");
    return renderJobsPage(c, deps, "jobs/job_review.njk", { title: "Review queue", heading: "Jobs awaiting review", page, actionPath: "/jobs/review/" });
  });
  app.post("/jobs/review/", (c) => moderate(c, "/jobs/review/"));

  app.get("/jobs/moderate/", async (c) => {
    const q = (c.req.query("q") ?? "").slice(0, 100);
    const page = await jobs.listModeration({ viewer: user(c), q, page: pageParam(c) });
    c.header("Cache-Control", "private, no-store");
    return renderJobsPage(c, deps, "jobs/job_review.njk", { title: "Moderate jobs", heading: "Moderate job posts", page, q, moderate: true, actionPath: "/jobs/moderate/" });
  });
  app.post("/jobs/moderate/", (c) => moderate(c, "/jobs/moderate/"));

  // Legacy answers a plain-text 401 to posters who are neither the creator nor a job admin.
  app.post("/jobs/create-review-comment/", requireUser(), async (c) => {
    const form = await readForm(c);
    try {
      const { jobId } = await jobs.addReviewComment({ input: { jobId: form.job, comment: form.comment, action: form.action || undefined }, actor: user(c) });
      addFlash(c, { level: "success", text: "Your comment was added." }, deps.flash);
      return c.redirect(safeNext(form.next, `/jobs/${jobId}/`), 302);
    } catch (error) {
      const appError = toAppError(error);
      if (appError?.code === "FORBIDDEN") return c.text(appError.message, 401);
      if (appError?.code === "VALIDATION" && appError.fields?.jobId) throw new AppError("NOT_FOUND", "There is no such job.");
      if (appError?.code === "VALIDATION") {
        addFlash(c, { level: "error", text: "Write a comment first." }, deps.flash);
        const id = parseDbId(typeof form.job === "string" ? form.job : undefined);
        return c.redirect(id === undefined ? "/jobs/" : `/jobs/${id}/`, 302);
      }
      throw error;
    }
  });
}
