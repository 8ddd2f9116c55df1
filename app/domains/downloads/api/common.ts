// Small pieces the v1, v2 and v3 download APIs share: field-name mapping, value parsing
// and the legacy date formats.
import type { FieldErrors } from "../../../core/errors.ts";
import { parseDbId } from "../../../core/http/ids.ts";

/** Service input field → API field name, where they differ beyond camelCase. */
const API_FIELD_NAMES: Record<string, string> = { osId: "os", releaseId: "release", releasePageId: "release_page" };

export const toSnake = (name: string) => API_FIELD_NAMES[name] ?? name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** Field errors keyed by API field names. */
export function apiFieldErrors(fields: FieldErrors = {}): FieldErrors {
  return Object.fromEntries(Object.entries(fields).map(([name, messages]) => [toSnake(name), messages]));
}

/** Django's BooleanField.to_python: true/false in the spellings Django accepts; undefined otherwise. */
export function parseBoolean(value: unknown): boolean | undefined {
  if (value === true || value === false) return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value !== "string") return undefined;
  if (["true", "True", "t", "1"].includes(value)) return true;
  if (["false", "False", "f", "0"].includes(value)) return false;
  return undefined;
}

/** A whole number written in decimal, as Django's IntegerField accepts it; undefined otherwise. */
export function parseInteger(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value !== "string" || !/^\s*[-+]?\d{1,15}\s*$/.test(value)) return undefined;
  return Number(value.trim());
}

/** ISO 8601 dates and date-times; a value without an offset is UTC (the legacy site's zone). */
export function parseDateTime(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day, hour = "00", minute = "00", second = "00", fraction = "", zone = "Z"] = match;
  const offset = zone === "Z" ? "Z" : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${fraction.slice(0, 4)}${offset}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The id at the end of a resource URI such as `/api/v1/downloads/os/3/` (absolute URLs too); undefined beyond the id range. */
export function idFromUri(value: unknown, resourcePath: string): number | undefined {
  if (typeof value !== "string") return undefined;
  let path = value;
  if (/^https?:\/\//i.test(value)) {
    if (!URL.canParse(value)) return undefined;
    path = new URL(value).pathname;
  }
  const match = new RegExp(`^${resourcePath.replace(/[/.]/g, "\\$&")}([0-9]+)/$`).exec(path);
  return parseDbId(match?.[1]);
}

/** Python's isoformat of a naive UTC datetime (tastypie): `2025-10-07T14:07:00`, microseconds when set. */
export function tastypieDate(date: Date): string {
  const iso = date.toISOString();
  const millis = iso.slice(20, 23);
  return millis === "000" ? iso.slice(0, 19) : `${iso.slice(0, 19)}.${millis}000`;
}

/** DRF's DateTimeField output: ISO 8601 in UTC with `Z`. */
export function drfDate(date: Date): string {
  const iso = date.toISOString();
  return iso.slice(20, 23) === "000" ? `${iso.slice(0, 19)}Z` : `${iso.slice(0, 23)}000Z`;
}

/** A JSON object with its keys sorted, as tastypie's serializer writes (`sort_keys=True`). */
export function sortedKeys<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) as T;
}
