// Small pure template filters (legacy Django template tags rewritten).
const monthDay = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

function toDate(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === "string" || typeof value === "number") {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  return undefined;
}

/** `2025-10-07` (UTC), for <time datetime> and the home page lists. */
export function isoDate(value: unknown): string {
  return toDate(value)?.toISOString().slice(0, 10) ?? "";
}

/** Full ISO timestamp for machine-readable attributes. */
export function isoDateTime(value: unknown): string {
  return toDate(value)?.toISOString() ?? "";
}

/** `Oct. 7, 2025`, python.org's long date style. */
export function longDate(value: unknown): string {
  const date = toDate(value);
  if (!date) return "";
  return monthDay.format(date).replace(/^(Jan|Feb|Aug|Sep|Oct|Nov|Dec) /, "$1. ");
}

/** The current year, for the copyright line. */
export function currentYear(now: Date = new Date()): number {
  return now.getUTCFullYear();
}
