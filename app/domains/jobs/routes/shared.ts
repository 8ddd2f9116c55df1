// What every job page shares: the "<N> jobs on the Python Job Board" header, the jobs
// navigation (review links for job admins), the sidebar boxes (legacy jobs/base.html:
// `jobs-subscribe` and `jobs-getfeatured`), and reading the job form.
import type { Context } from "hono";
import type { AppEnv } from "../../../core/http/env.ts";
import type { BoxesService } from "../../boxes/index.ts";
import { isJobAdmin } from "../policies.ts";
import type { JobsService } from "../service.ts";

export interface JobsRouteDeps {
  jobs: JobsService;
  boxes: Pick<BoxesService, "getBoxesHtml">;
  siteUrl: string;
  flash: { secret: string; secureCookies: boolean };
}

export const SIDEBAR_BOXES = ["jobs-subscribe", "jobs-getfeatured"];

/** Renders a jobs template inside the jobs frame. */
export async function renderJobsPage(c: Context<AppEnv>, deps: JobsRouteDeps, template: string, context: Record<string, unknown>) {
  const [count, boxes] = await Promise.all([deps.jobs.countVisibleJobs(), deps.boxes.getBoxesHtml({ labels: SIDEBAR_BOXES })]);
  if (!c.res.headers.get("Surrogate-Key")) c.header("Surrogate-Key", "jobs");
  return c.render(template, {
    body_class: "jobs",
    section: "jobs",
    jobs_count: count,
    jobs_admin: isJobAdmin(c.get("user")),
    boxes,
    ...context,
  });
}

/** The posted form as strings, with repeated fields (the job types) as arrays. */
export async function readForm(c: Context<AppEnv>): Promise<Record<string, string | string[]>> {
  const body = await c.req.parseBody({ all: true });
  const values: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === "string") values[name] = value;
    else if (Array.isArray(value)) values[name] = value.filter((item): item is string => typeof item === "string");
  }
  // Checkbox groups are lists even with one box ticked, so templates can test membership.
  if (typeof values.jobTypeIds === "string") values.jobTypeIds = [values.jobTypeIds];
  return values;
}

/** A path on this site to go back to after a form, or the fallback. */
export function safeNext(value: unknown, fallback: string): string {
  return typeof value === "string" && /^\/(?![/\\])[^\s]*$/.test(value) ? value : fallback;
}
