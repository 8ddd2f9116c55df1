// Recurring jobs come from the modules (DomainModule.cron, times in UTC), written as
// cron items rather than crontab text because graphile-worker's crontab syntax does not
// allow the dots in our task names (`users.prune-sessions`). Never rename a task.
import type { CronItem } from "graphile-worker";

/** The cron items whose task is registered in this process; an unknown task is a wiring error. */
export function buildCronItems(knownTasks: ReadonlySet<string>, items: readonly CronItem[]): CronItem[] {
  const unknown = items.filter((item) => !knownTasks.has(item.task));
  if (unknown.length > 0) throw new Error(`cron items name unregistered tasks: ${unknown.map((item) => item.task).join(", ")}`);
  return [...items];
}
