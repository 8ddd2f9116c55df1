// tastypie's filtering (ModelResource.build_filters / check_filtering, tastypie 0.15) over
// the allowlists of legacy apps/downloads/api.py: `field` or `field__lookup`, relations
// followed through the related resource's allowlist; names that are not fields are
// ignored, a disallowed field or lookup is a 400. Values a column cannot hold are a 400
// too (legacy answered 500).
import { TastypieBadRequest } from "../../../../core/api/tastypie.ts";
import type { DateFilter, FileQuery, NumberFilter, OsQuery, ReleaseQuery, TextFilter } from "../../queries.ts";
import { fitIntFilter } from "../../../../core/http/ids.ts";
import { parseBoolean, parseDateTime, parseInteger } from "../common.ts";

/** Django's lookups; a trailing one of these is the filter type. */
const QUERY_TERMS = new Set([
  "exact",
  "iexact",
  "contains",
  "icontains",
  "in",
  "gt",
  "gte",
  "lt",
  "lte",
  "startswith",
  "istartswith",
  "endswith",
  "iendswith",
  "range",
  "year",
  "month",
  "day",
  "week_day",
  "isnull",
  "search",
  "regex",
  "iregex",
  "date",
  "time",
  "hour",
  "minute",
  "second",
  "quarter",
  "week",
  "iso_year",
  "iso_week_day",
]);

type Kind = "text" | "bool" | "int" | "date" | "uri" | { relation: ResourceName };
export type ResourceName = "downloads/os" | "downloads/release" | "downloads/release_file";
type Allowed = readonly string[] | "ALL" | "ALL_WITH_RELATIONS";

interface FilterSpec {
  fields: Record<string, Kind>;
  filtering: Record<string, Allowed>;
}

export const FILTER_SPECS: Record<ResourceName, FilterSpec> = {
  "downloads/os": {
    fields: { name: "text", slug: "text", resource_uri: "uri" },
    filtering: { name: ["exact"], slug: ["exact"] },
  },
  "downloads/release": {
    fields: {
      name: "text",
      slug: "text",
      version: "int",
      is_published: "bool",
      is_latest: "bool",
      release_date: "date",
      pre_release: "bool",
      release_page: "uri",
      release_notes_url: "text",
      show_on_download_page: "bool",
      resource_uri: "uri",
    },
    filtering: { name: ["exact"], slug: ["exact"], is_published: ["exact"], pre_release: ["exact"], version: ["exact", "startswith"], release_date: "ALL" },
  },
  "downloads/release_file": {
    fields: {
      name: "text",
      slug: "text",
      os: { relation: "downloads/os" },
      release: { relation: "downloads/release" },
      description: "text",
      is_source: "bool",
      url: "text",
      gpg_signature_file: "text",
      md5_sum: "text",
      sha256_sum: "text",
      filesize: "int",
      download_button: "bool",
      sigstore_signature_file: "text",
      sigstore_cert_file: "text",
      sigstore_bundle_file: "text",
      sbom_spdx2_file: "text",
      resource_uri: "uri",
    },
    filtering: { name: ["exact"], slug: ["exact"], os: "ALL_WITH_RELATIONS", release: "ALL_WITH_RELATIONS", description: ["contains"] },
  },
};

/** One accepted filter: the field path (relations first), the lookup and the raw values. */
export interface Condition {
  path: string[];
  kinds: Kind[];
  lookup: string;
  values: string[];
}

/** tastypie check_filtering: the field path of an allowed filter, or TastypieBadRequest. */
function checkFiltering(resource: ResourceName, field: string, lookup: string, rest: string[]): { path: string[]; kinds: Kind[] } {
  const spec = FILTER_SPECS[resource];
  const allowed = spec.filtering[field];
  if (allowed === undefined) throw new TastypieBadRequest(`The '${field}' field does not allow filtering.`);
  if (allowed !== "ALL" && allowed !== "ALL_WITH_RELATIONS" && !allowed.includes(lookup)) {
    throw new TastypieBadRequest(`'${lookup}' is not an allowed filter on the '${field}' field.`);
  }
  const kind = spec.fields[field]!;
  if (rest.length === 0) return { path: [field], kinds: [kind] };
  if (typeof kind !== "object") throw new TastypieBadRequest(`The '${field}' field does not support relations.`);
  if (allowed !== "ALL_WITH_RELATIONS") throw new TastypieBadRequest(`Lookups are not allowed more than one level deep on the '${field}' field.`);
  const inner = checkFiltering(kind.relation, rest[0]!, lookup, rest.slice(1));
  return { path: [field, ...inner.path], kinds: [kind, ...inner.kinds] };
}

/** The filters of a request (`queries` as Hono's c.req.queries() gives them). */
export function parseConditions(resource: ResourceName, queries: Record<string, string[]>): Condition[] {
  const conditions: Condition[] = [];
  for (const [expression, all] of Object.entries(queries)) {
    const bits = expression.split("__");
    const field = bits.shift()!;
    if (!(field in FILTER_SPECS[resource].fields)) continue;
    const lookup = bits.length > 0 && QUERY_TERMS.has(bits[bits.length - 1]!) ? bits.pop()! : "exact";
    const { path, kinds } = checkFiltering(resource, field, lookup, bits);
    const values = lookup === "in" || lookup === "range" ? all.flatMap((value) => (value === "" ? [] : value.split(","))) : [all[all.length - 1]!];
    conditions.push({ path, kinds, lookup, values });
  }
  return conditions;
}

function invalid(field: string, value: string, expected: string): never {
  throw new TastypieBadRequest(`Invalid value '${value}' for the '${field}' filter: expected ${expected}.`);
}

function unsupported(field: string, lookup: string): never {
  throw new TastypieBadRequest(`'${lookup}' is not supported on the '${field}' field.`);
}

const isNone = (value: string) => ["nil", "none", "None"].includes(value);

function textFilter(field: string, lookup: string, values: string[]): TextFilter {
  const value = values[0] ?? "";
  const insensitive = lookup.startsWith("i") && lookup !== "in" && lookup !== "isnull";
  switch (lookup) {
    case "exact":
    case "iexact":
      return isNone(value) ? { in: [] } : { equals: value, insensitive };
    case "contains":
    case "icontains":
      return { contains: value, insensitive };
    case "startswith":
    case "istartswith":
      return { startsWith: value, insensitive };
    case "endswith":
    case "iendswith":
      return { endsWith: value, insensitive };
    case "in":
      return { in: values };
    case "isnull":
      return parseBoolean(value) ? { in: [] } : {};
    default:
      return unsupported(field, lookup);
  }
}

function number(field: string, value: string): number {
  return parseInteger(value) ?? invalid(field, value, "a whole number");
}

/** An integer filter; numbers the column cannot hold match as Django 5 makes them (core/http/ids.ts). */
function numberFilter(field: string, lookup: string, values: string[]): NumberFilter & { startsWith?: string } {
  const filter = integerFilter(field, lookup, values);
  return "startsWith" in filter ? filter : fitIntFilter(filter);
}

function integerFilter(field: string, lookup: string, values: string[]): NumberFilter & { startsWith?: string } {
  const value = values[0] ?? "";
  switch (lookup) {
    case "exact":
      return isNone(value) ? { in: [] } : { equals: number(field, value) };
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return { [lookup]: number(field, value) };
    case "in":
      return { in: values.map((item) => number(field, item)) };
    case "range":
      return values.length === 2 ? { gte: number(field, values[0]!), lte: number(field, values[1]!) } : invalid(field, values.join(","), "two numbers");
    case "startswith":
      return { startsWith: value };
    case "isnull":
      return parseBoolean(value) ? { in: [] } : {};
    default:
      return unsupported(field, lookup);
  }
}

function date(field: string, value: string): Date {
  return parseDateTime(value) ?? invalid(field, value, "a date such as 2025-10-07 or 2025-10-07T14:07:00");
}

function dateFilter(field: string, lookup: string, values: string[]): DateFilter {
  const value = values[0] ?? "";
  switch (lookup) {
    case "exact":
      return isNone(value) ? { in: [] } : { equals: date(field, value) };
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return { [lookup]: date(field, value) };
    case "in":
      return { in: values.map((item) => date(field, item)) };
    case "range":
      return values.length === 2 ? { gte: date(field, values[0]!), lte: date(field, values[1]!) } : invalid(field, values.join(","), "two dates");
    case "year":
    case "month":
    case "day":
      return { [lookup]: number(field, value) };
    case "isnull":
      return parseBoolean(value) ? { in: [] } : {};
    default:
      return unsupported(field, lookup);
  }
}

function boolValue(field: string, lookup: string, value: string): boolean {
  if (lookup !== "exact") unsupported(field, lookup);
  return parseBoolean(value) ?? invalid(field, value, "true or false");
}

/** A filter on a related resource itself compares its id. */
function relationIdFilter(field: string, lookup: string, values: string[]): { id: NumberFilter } {
  if (!["exact", "in", "gt", "gte", "lt", "lte", "range", "isnull"].includes(lookup)) unsupported(field, lookup);
  return { id: numberFilter(field, lookup, values) };
}

type AnyQuery = Record<string, unknown>;

const QUERY_FIELDS: Record<string, string> = {
  is_published: "isPublished",
  pre_release: "preRelease",
  is_latest: "isLatest",
  show_on_download_page: "showOnDownloadPage",
  release_date: "releaseDate",
};

/** Merges one condition into a query object (conditions on one field combine). */
function apply(query: AnyQuery, path: string[], kinds: Kind[], lookup: string, values: string[]): void {
  const [field, ...rest] = path as [string, ...string[]];
  const kind = kinds[0]!;
  const key = QUERY_FIELDS[field] ?? field;
  if (typeof kind === "object") {
    const nested = ((query[key] as AnyQuery | undefined) ?? {}) as AnyQuery;
    if (rest.length === 0) Object.assign(nested, relationIdFilter(field, lookup, values));
    else apply(nested, rest, kinds.slice(1), lookup, values);
    query[key] = nested;
    return;
  }
  const existing = (query[key] as AnyQuery | undefined) ?? {};
  if (kind === "text") query[key] = { ...existing, ...textFilter(field, lookup, values) };
  else if (kind === "int") query[key] = { ...existing, ...numberFilter(field, lookup, values) };
  else if (kind === "date") query[key] = { ...existing, ...dateFilter(field, lookup, values) };
  else if (kind === "bool") query[key] = boolValue(field, lookup, values[0] ?? "");
}

/** The domain query for a resource's filters. */
export function toQuery(conditions: Condition[]): AnyQuery {
  const query: AnyQuery = {};
  for (const condition of conditions) apply(query, condition.path, condition.kinds, condition.lookup, condition.values);
  return query;
}

export const osQuery = (queries: Record<string, string[]>) => toQuery(parseConditions("downloads/os", queries)) as OsQuery;
export const releaseQuery = (queries: Record<string, string[]>) => toQuery(parseConditions("downloads/release", queries)) as ReleaseQuery;
export const fileQuery = (queries: Record<string, string[]>) => toQuery(parseConditions("downloads/release_file", queries)) as FileQuery;
