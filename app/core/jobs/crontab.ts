// Every recurring job in one place (times in UTC). Written as cron items rather than
// crontab text because graphile-worker's crontab syntax does not allow the dots in our
// task names (`users.prune-sessions`). Never rename a task: names are a contract.
import type { CronItem } from "graphile-worker";

export const CRON_ITEMS: CronItem[] = [
  // Database sessions past their idle or absolute expiry (Redis expires its own).
  { task: "users.prune-sessions", match: "0 * * * *", options: { backfillPeriod: 0, maxAttempts: 3 } },
  // Daily at 04:17: every link in published pages, boxes and menus, for the broken-links report.
  { task: "pages.check-links", match: "17 4 * * *", options: { backfillPeriod: 0, maxAttempts: 2 } },
];

/** The cron items whose task is registered in this process (a domain may be switched off). */
export function buildCronItems(knownTasks: ReadonlySet<string>, items: CronItem[] = CRON_ITEMS): CronItem[] {
  return items.filter((item) => knownTasks.has(item.task));
}
