// Path and query parameters of the events pages; anything malformed is a 404, as
// Django's URL patterns would not match it.
import { AppError } from "../../../core/errors.ts";
import { parseDbId } from "../../../core/http/ids.ts";
import { SlugSchema } from "../schemas.ts";

export function slugParam(value: string | undefined): string {
  const parsed = SlugSchema.max(200).safeParse(value);
  if (!parsed.success) throw new AppError("NOT_FOUND", "There is no such page.");
  return parsed.data;
}

export function idParam(value: string | undefined): number {
  const id = parseDbId(value);
  if (id === undefined) throw new AppError("NOT_FOUND", "There is no such page.");
  return id;
}

/** `date/YYYY/MM/DD/` as a UTC midnight; impossible dates (02/31) are 404 (legacy answered 500). */
export function dateParam(year: string, month: string, day: string): Date {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day) || Number(year) < 1) {
    throw new AppError("NOT_FOUND", "There is no such date.");
  }
  return date;
}
