// Every recurring job in one place (graphile-worker crontab syntax, times in UTC).
// Domains add their lines here in their own issues; never rename a task.
// Format: m h dom mon dow task ?opts {payload}
export const CRONTAB_LINES: string[] = [
  // Hourly: database sessions past their idle or absolute expiry (Redis expires its own).
  "0 * * * * users.prune-sessions",
];

export function buildCrontab(knownTasks: ReadonlySet<string>): string {
  return CRONTAB_LINES.filter((line) => knownTasks.has(line.split(/\s+/)[5] ?? "")).join("\n");
}
