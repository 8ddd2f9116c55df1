// Submitting a job (legacy JobCreate → JobPreview → thanks), editing it (JobEdit),
// withdrawing it (JobRemove, a GET in legacy) and "my jobs" (JobListMine). Every page here
// needs a signed-in user; a failed form re-renders with its values and errors (422).
import type { Context, Hono } from "hono";
import { requireUser } from "../../../core/auth/guards.ts";
import { AppError, toAppError, type FieldErrors } from "../../../core/errors.ts";
import type { AppEnv, CurrentUser } from "../../../core/http/env.ts";
import { addFlash } from "../../../core/http/flash.ts";
import { parseDbId } from "../../../core/http/ids.ts";
import { isJobAdmin } from "../policies.ts";
import type { JobView } from "../presenters.ts";
import { pageParam } from "./public.ts";
import { readForm, renderJobsPage, safeNext, type JobsRouteDeps } from "./shared.ts";

type FormValues = Record<string, string | string[]>;

function jobId(c: Context<AppEnv>): number {
  const id = parseDbId(c.req.param("id"));
  if (id === undefined) throw new AppError("NOT_FOUND", "There is no such job.");
  return id;
}

/** The form values of a saved job. */
function valuesOf(job: JobView): FormValues {
  return {
    jobTitle: job.jobTitle,
    companyName: job.companyName,
    categoryId: String(job.category.id),
    jobTypeIds: job.jobTypes.map((type) => String(type.id)),
    otherJobType: job.otherJobType,
    city: job.city,
    region: job.region,
    country: job.country,
    description: job.description,
    requirements: job.requirements,
    companyDescription: job.companyDescription,
    contact: job.contact,
    email: job.email,
    url: job.website,
    telecommuting: job.telecommuting ? "on" : "",
    agencies: job.agencies ? "on" : "",
  };
}

export function registerSubmitPages(app: Hono<AppEnv>, deps: JobsRouteDeps): void {
  const { jobs } = deps;
  const signedIn = (c: Context<AppEnv>) => c.get("user") as CurrentUser;

  const renderForm = async (c: Context<AppEnv>, options: { values: FormValues; errors?: FieldErrors; job?: JobView; next?: string }) => {
    const choices = await jobs.formChoices();
    c.status(options.errors && Object.keys(options.errors).length > 0 ? 422 : 200);
    c.header("Cache-Control", "private, no-store");
    return renderJobsPage(c, deps, "jobs/job_form.njk", {
      title: options.job ? `Edit ${options.job.jobTitle}` : "Post a Job",
      choices,
      values: options.values,
      errors: options.errors ?? {},
      job: options.job,
      next: options.next ?? "",
    });
  };

  /** Runs a form write; a VALIDATION error re-renders the form (422) instead of failing. */
  const submitForm = async (c: Context<AppEnv>, form: FormValues, save: () => Promise<Response>, job?: JobView) => {
    try {
      return await save();
    } catch (error) {
      const appError = toAppError(error);
      if (appError?.code !== "VALIDATION") throw error;
      return renderForm(c, { values: form, errors: appError.fields ?? { _form: [appError.message] }, job, next: typeof form.next === "string" ? form.next : "" });
    }
  };

  app.use("/jobs/create/", requireUser());
  app.use("/jobs/mine/", requireUser());
  app.use("/jobs/:id{[0-9]+}/preview/", requireUser());
  app.use("/jobs/:id{[0-9]+}/edit/", requireUser());
  app.use("/jobs/:id{[0-9]+}/remove/", requireUser());

  app.get("/jobs/create/", (c) => renderForm(c, { values: { agencies: "on" } }));

  app.post("/jobs/create/", async (c) => {
    const form = await readForm(c);
    return submitForm(c, form, async () => {
      const job = await jobs.createJob({ input: form, actor: signedIn(c) });
      // Job admins skip the preview (legacy JobCreate.get_success_url).
      return c.redirect(isJobAdmin(signedIn(c)) ? `/jobs/${job.id}/` : `/jobs/${job.id}/preview/`, 303);
    });
  });

  /** The job as it will be shown, with the submit button; NOT_FOUND unless the user may edit it. */
  const editableJob = async (c: Context<AppEnv>) => {
    const job = await jobs.getViewableJob({ id: jobId(c), viewer: signedIn(c) }).catch(() => null);
    const detail = job ? await jobs.getJobPage({ id: job.id, viewer: signedIn(c) }) : null;
    if (!detail || !detail.canEdit) throw new AppError("NOT_FOUND", "There is no such job you can edit.");
    return detail;
  };

  app.get("/jobs/:id{[0-9]+}/preview/", async (c) => {
    const detail = await editableJob(c);
    c.header("Cache-Control", "private, no-store");
    return renderJobsPage(c, deps, "jobs/job_detail.njk", { title: `Preview: ${detail.job.jobTitle}`, detail, preview: true });
  });

  app.post("/jobs/:id{[0-9]+}/preview/", async (c) => {
    const form = await readForm(c);
    const detail = await editableJob(c);
    if (form.action !== "review") return c.redirect(`/jobs/${detail.job.id}/preview/`, 303);
    await jobs.submitForReview({ id: detail.job.id, actor: signedIn(c) });
    return c.redirect("/jobs/thanks/", 303);
  });

  app.get("/jobs/:id{[0-9]+}/edit/", async (c) => {
    const detail = await editableJob(c);
    return renderForm(c, { values: valuesOf(detail.job), job: detail.job, next: safeNext(c.req.query("next"), "") });
  });

  app.post("/jobs/:id{[0-9]+}/edit/", async (c) => {
    const form = await readForm(c);
    const detail = await editableJob(c);
    return submitForm(
      c,
      form,
      async () => {
        await jobs.updateJob({ id: detail.job.id, input: form, actor: signedIn(c) });
        addFlash(c, { level: "success", text: "Your job was saved." }, deps.flash);
        return c.redirect(safeNext(form.next, `/jobs/${detail.job.id}/preview/`), 303);
      },
      detail.job,
    );
  });

  // Legacy JobRemove is a GET; kept, with the creator check in the service.
  app.get("/jobs/:id{[0-9]+}/remove/", async (c) => {
    await jobs.removeOwnJob({ id: jobId(c), actor: signedIn(c) });
    addFlash(c, { level: "success", text: "Your job has been removed." }, deps.flash);
    return c.redirect("/jobs/mine/", 302);
  });

  app.get("/jobs/mine/", async (c) => {
    const page = await jobs.listMyJobs({ user: signedIn(c), page: pageParam(c) });
    c.header("Cache-Control", "private, no-store");
    return renderJobsPage(c, deps, "jobs/job_list.njk", { title: "My Jobs", heading: "My Jobs", page, mine: true });
  });
}
