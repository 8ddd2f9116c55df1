// The jobs domain as one module: the job board with its submission, review and expiry
// workflow, its feed, API, admin, search source and legacy migrator.
import { defineModule } from "../../core/modules/index.ts";
import { jobsAdmin } from "./admin.ts";
import { jobsApi } from "./api.ts";
import { jobsOpenApi } from "./openapi.ts";
import { BOXES_PORT } from "../boxes/index.ts";
import { EXPIRE_JOBS_TASK, jobsTasks, MONTHLY_REPORT_TASK } from "./jobs.ts";
import { jobsLegacyMigrator } from "./legacy.ts";
import { jobsRoutes } from "./routes.ts";
import { jobsSearchSource } from "./search.ts";
import { seedJobsDemo } from "./seed.ts";
import { createJobsService } from "./service.ts";

export const jobsModule = defineModule({
  name: "jobs",
  uses: [BOXES_PORT],
  createService: ({ deps }) =>
    createJobsService({
      db: deps.db,
      cache: deps.cache,
      jobs: deps.jobs,
      clock: deps.clock,
      mailer: deps.mailer,
      settings: { jobsEmail: deps.config.JOBS_EMAIL, thresholdDays: deps.config.JOB_THRESHOLD_DAYS, reportRecipients: deps.config.JOBS_REPORT_RECIPIENTS },
    }),
  routes: ({ service, web, use }) => [
    { path: "/", app: jobsRoutes({ jobs: service, boxes: use(BOXES_PORT), siteUrl: web.siteUrl, flash: { secret: web.secret, secureCookies: web.secureCookies } }) },
  ],
  api: { routes: ({ service, web }) => jobsApi(service, { siteUrl: web.siteUrl }), openApi: { v3: jobsOpenApi } },
  admin: ({ service }) => jobsAdmin(service),
  search: ({ service }) => [jobsSearchSource(service)],
  tasks: ({ service }) => jobsTasks(service),
  cron: [
    // Legacy expire_jobs ran daily; the report went out on the 27th (legacy jobs_monthly_report).
    { task: EXPIRE_JOBS_TASK, match: "15 3 * * *", options: { backfillPeriod: 0, maxAttempts: 3 } },
    { task: MONTHLY_REPORT_TASK, match: "0 8 27 * *", options: { backfillPeriod: 0, maxAttempts: 3 } },
  ],
  legacy: { migrators: [jobsLegacyMigrator] },
  seed: ({ service }) => seedJobsDemo(service),
  templates: "jobs",
  // The busiest page, its feed and the API list.
  bench: { paths: ["/jobs/", "/jobs/feed/rss/", "/api/v3/jobs/"] },
});
