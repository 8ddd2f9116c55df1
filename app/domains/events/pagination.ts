// Django's ListView paginator as the legacy event pages use it: `?page=N` or `?page=last`,
// an empty first page allowed, any other page out of range (or not a number) a 404.
import { AppError } from "../../core/errors.ts";

export interface PageOf<T> {
  items: T[];
  number: number;
  numPages: number;
  total: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

/** Parses `?page=`: undefined means 1; anything but a positive number or `last` is NOT_FOUND. */
export function parsePageParam(raw: string | undefined): number | "last" {
  if (raw === undefined || raw === "") return 1;
  if (raw === "last") return "last";
  if (!/^[1-9][0-9]{0,8}$/.test(raw)) throw new AppError("NOT_FOUND", "Invalid page.");
  return Number(raw);
}

/** The requested page of `items`, or NOT_FOUND when it is out of range. */
export function pageOf<T>(items: readonly T[], page: number | "last", perPage: number): PageOf<T> {
  const numPages = Math.max(1, Math.ceil(items.length / perPage));
  const number = page === "last" ? numPages : page;
  if (number > numPages) throw new AppError("NOT_FOUND", "That page contains no results.");
  return {
    items: items.slice((number - 1) * perPage, number * perPage),
    number,
    numPages,
    total: items.length,
    hasPrevious: number > 1,
    hasNext: number < numPages,
  };
}
