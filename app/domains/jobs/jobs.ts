// Background tasks of the job board. Task names are a public contract: never rename.
// Legacy ran `expire_jobs` daily and `jobs_monthly_report` on the 27th (celery beat).
import { z } from "zod";
import { defineTask, type TaskDefinition } from "../../core/jobs/types.ts";
import type { JobsService } from "./service.ts";

/** Cron jobs carry only graphile-worker's `_cron` metadata; nothing else is read. */
export const CronPayloadSchema = z.object({
  _cron: z.object({ ts: z.string(), backfilled: z.boolean().optional() }).optional(),
});

export const EXPIRE_JOBS_TASK = "jobs.expire-jobs";
export const MONTHLY_REPORT_TASK = "jobs.send-monthly-report";

export function jobsTasks(jobs: Pick<JobsService, "expireJobs" | "sendMonthlyReport">): TaskDefinition[] {
  return [
    defineTask({
      name: EXPIRE_JOBS_TASK,
      payload: CronPayloadSchema,
      async run(_payload, context) {
        const expired = await jobs.expireJobs();
        if (expired > 0) context.logger.info({ expired }, "expired jobs");
      },
    }),
    defineTask({
      name: MONTHLY_REPORT_TASK,
      payload: CronPayloadSchema,
      async run(_payload, context) {
        const report = await jobs.sendMonthlyReport();
        context.logger.info(report, "sent the monthly jobs report");
      },
    }),
  ];
}
