// django-filter as legacy apps/downloads/api.py configures it: exact filters on the
// listed fields; values a filter cannot parse are a 400 keyed by filter; unknown
// parameters are ignored, except on release files, whose BaseFilterSet
// (pydotorg/drf.py) rejects every parameter that is not a filter.
import { checkKnownFilters } from "../../../../core/api/drf.ts";
import { AppError, type FieldErrors } from "../../../../core/errors.ts";
import { fitIntFilter, parseDbId } from "../../../../core/http/ids.ts";
import type { FileQuery, OsQuery, ReleaseQuery } from "../../queries.ts";
import { parseBoolean, parseDateTime } from "../common.ts";

const FILE_FILTERS = new Set(["name", "slug", "description__contains", "os", "release"]);

function invalid(fields: FieldErrors): never {
  throw new AppError("BAD_REQUEST", "Some filters are not valid.", { fields });
}

/** The last non-empty value of a parameter (django-filter skips empty values). */
function value(queries: Record<string, string[]>, name: string): string | undefined {
  const values = queries[name];
  const last = values?.[values.length - 1];
  return last === undefined || last === "" ? undefined : last;
}

export function osFilters(queries: Record<string, string[]>): OsQuery {
  const name = value(queries, "name");
  const slug = value(queries, "slug");
  return { ...(name !== undefined ? { name: { equals: name } } : {}), ...(slug !== undefined ? { slug: { equals: slug } } : {}) };
}

export function releaseFilters(queries: Record<string, string[]>): ReleaseQuery {
  const query: ReleaseQuery = {};
  const errors: FieldErrors = {};
  const name = value(queries, "name");
  const slug = value(queries, "slug");
  if (name !== undefined) query.name = { equals: name };
  if (slug !== undefined) query.slug = { equals: slug };
  // BooleanFilter (NullBooleanField) ignores values it does not recognise.
  const published = parseBoolean(value(queries, "is_published"));
  const preRelease = parseBoolean(value(queries, "pre_release"));
  if (published !== undefined) query.isPublished = published;
  if (preRelease !== undefined) query.preRelease = preRelease;
  const version = value(queries, "version");
  if (version !== undefined) {
    const number = Number(version.trim());
    if (version.trim() === "" || !Number.isFinite(number)) errors.version = ["Enter a number."];
    else query.version = Number.isInteger(number) ? fitIntFilter({ equals: number }) : { in: [] };
  }
  const date = value(queries, "release_date");
  if (date !== undefined) {
    const parsed = /T|\s\d/.test(date) ? parseDateTime(date) : undefined;
    if (!parsed) errors.release_date = ["Enter a valid date/time."];
    else query.releaseDate = { equals: parsed };
  }
  if (Object.keys(errors).length > 0) invalid(errors);
  return query;
}

/** Resolves `os` and `release` ids (ModelChoiceFilter): a value that names no row is a 400. */
export async function fileFilters(queries: Record<string, string[]>, exists: { os(id: number): Promise<boolean>; release(id: number): Promise<boolean> }): Promise<FileQuery> {
  checkKnownFilters(Object.keys(queries), FILE_FILTERS);
  const query: FileQuery = {};
  const errors: FieldErrors = {};
  for (const name of ["name", "slug"] as const) {
    const given = value(queries, name);
    if (given !== undefined) query[name] = { equals: given };
  }
  const contains = value(queries, "description__contains");
  if (contains !== undefined) query.description = { contains };
  for (const relation of ["os", "release"] as const) {
    const given = value(queries, relation);
    if (given === undefined) continue;
    const id = parseDbId(given);
    if (id === undefined || !(await exists[relation](id))) {
      errors[relation] = ["Select a valid choice. That choice is not one of the available choices."];
    } else {
      query[relation] = { id: { equals: id } };
    }
  }
  if (Object.keys(errors).length > 0) invalid(errors);
  return query;
}
