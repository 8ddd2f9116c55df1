// The job board's HTML pages (legacy apps/jobs/urls.py), mounted at the site root.
import { Hono } from "hono";
import type { AppEnv } from "../../core/http/env.ts";
import { registerPublicPages } from "./routes/public.ts";
import { registerReviewPages } from "./routes/review.ts";
import type { JobsRouteDeps } from "./routes/shared.ts";
import { registerSubmitPages } from "./routes/submit.ts";

export function jobsRoutes(deps: JobsRouteDeps) {
  const app = new Hono<AppEnv>({ strict: true });
  registerSubmitPages(app, deps);
  registerReviewPages(app, deps);
  registerPublicPages(app, deps);
  return app;
}
