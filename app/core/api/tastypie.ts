// The tastypie conventions every legacy v1 resource follows (tastypie 0.15 as configured in
// legacy pydotorg/resources.py): limit/offset paging with a `meta` envelope, relative
// `resource_uri`s, `ApiKey`-only writes for staff, errors as `{"error": …}` /
// `{"error_message": …}` / empty bodies, 405 with an Allow header, the `/schema/` document
// and the API root. Domains keep their own fields, filters and serializers.
import type { Context, ErrorHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AppError, toAppError, type FieldErrors } from "../errors.ts";
import type { AppEnv, CurrentUser } from "../http/env.ts";
import { MAX_DB_ID } from "../http/ids.ts";
import { mayWriteThroughApi } from "./writes.ts";

export const TASTYPIE_DEFAULT_LIMIT = 20;
const MAX_LIMIT = 1000;

/** A 400 answered as tastypie's BadRequest: `{"error": message}`. */
export class TastypieBadRequest extends Error {
  override name = "TastypieBadRequest";
}

/** A write refused as a whole resource's validation failure: 400 keyed by resource name. */
export class TastypieValidationError extends Error {
  override name = "TastypieValidationError";
  constructor(
    readonly resource: string,
    readonly fields: FieldErrors,
  ) {
    super("validation failed");
  }
}

export function tastypieJson(c: Context, body: unknown, status = 200): Response {
  return c.body(JSON.stringify(body), status as ContentfulStatusCode, { "Content-Type": "application/json; charset=utf-8" });
}

/** A relative resource URI, `/api/v1/<resource>/<id>/`. */
export const resourceUri = (listPath: string, id: number) => `${listPath}${id}/`;

function pagingNumber(c: Context, name: "limit" | "offset", fallback: number, notNumber: string): number {
  const raw = c.req.query(name);
  if (raw === undefined) return fallback;
  if (!/^\s*[-+]?\d+\s*$/.test(raw)) throw new TastypieBadRequest(`Invalid ${name} '${raw}' provided. Please provide ${notNumber}.`);
  const value = Number(raw);
  if (value < 0) throw new TastypieBadRequest(`Invalid ${name} '${raw}' provided. Please provide a positive integer >= 0.`);
  // Legacy passed any size on to PostgreSQL, which failed (500); no table holds more rows
  // than an `integer` id can number, so a larger offset is refused as out of range.
  if (name === "offset" && value > MAX_DB_ID) throw new TastypieBadRequest(`Invalid ${name} '${raw}' provided. Please provide an integer no larger than ${MAX_DB_ID}.`);
  return value;
}

/** tastypie Paginator.get_limit / get_offset: `limit=0` (or over the maximum) is the maximum. */
export function tastypiePaging(c: Context): { limit: number; offset: number } {
  const limit = pagingNumber(c, "limit", TASTYPIE_DEFAULT_LIMIT, "a positive integer");
  return { limit: limit === 0 || limit > MAX_LIMIT ? MAX_LIMIT : limit, offset: pagingNumber(c, "offset", 0, "an integer") };
}

/** The `meta` of a list: `next`/`previous` repeat the request's parameters with a new offset. */
export function tastypieMeta(c: Context, listPath: string, page: { limit: number; offset: number }, total: number) {
  const link = (offset: number) => {
    const params = new URLSearchParams();
    for (const [key, values] of Object.entries(c.req.queries())) params.set(key, values[values.length - 1]!);
    params.set("limit", String(page.limit));
    params.set("offset", String(offset));
    return `${listPath}?${params.toString()}`;
  };
  return {
    limit: page.limit,
    next: page.offset + page.limit >= total ? null : link(page.offset + page.limit),
    offset: page.offset,
    previous: page.offset - page.limit < 0 ? null : link(page.offset - page.limit),
    total_count: total,
  };
}

/** A list answer: `{"meta": …, "objects": […]}`. */
export function tastypieList(c: Context, listPath: string, page: { limit: number; offset: number }, total: number, objects: unknown[]): Response {
  return tastypieJson(c, { meta: tastypieMeta(c, listPath, page, total), objects });
}

/** The v1 API user: only `ApiKey` credentials count (legacy ApiKeyOrGuestAuthentication). */
export function apiKeyUser(c: Context<AppEnv>): CurrentUser | null {
  const user = c.get("user");
  return user && c.get("authMethod") === "api-key" ? user : null;
}

/**
 * Staff authenticated by API key, as legacy StaffAuthorization requires for writes; else 401.
 * With API_WRITE_PERMISSIONS=model the user also needs `permission` (e.g. `downloads.add_release`).
 */
export function requireApiKeyStaff(c: Context<AppEnv>, permission?: string): CurrentUser {
  const user = apiKeyUser(c);
  if (!user || !(user.isStaff || user.isSuperuser)) throw new AppError("UNAUTHENTICATED", "Operation restricted to staff users.");
  if (!mayWriteThroughApi(c, user, permission)) throw new AppError("UNAUTHENTICATED", `Operation requires the ${permission} permission.`);
  return user;
}

export function methodNotAllowed(c: Context, allowed: string[]): Response {
  return c.body(null, 405, { Allow: allowed.join(",") });
}

/** Reads a JSON object body; anything else is a 400 in tastypie's shape. */
export async function readTastypieBody(c: Context): Promise<Record<string, unknown>> {
  const type = c.req.header("content-type") ?? "application/json";
  if (!/^application\/json\b/i.test(type)) throw new TastypieBadRequest("Send the object as JSON (Content-Type: application/json).");
  const body: unknown = await c.req.json().catch(() => undefined);
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new TastypieBadRequest("The request body must be a JSON object.");
  return body as Record<string, unknown>;
}

/**
 * Runs a write and turns the service's field errors (`codes`, VALIDATION by default) into a
 * TastypieValidationError for `resource`, with field names as the API spells them.
 */
export async function withResourceErrors<T>(
  resource: string,
  write: () => Promise<T>,
  options: { fieldName?: (name: string) => string; codes?: readonly string[] } = {},
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const appError = toAppError(error);
    if (!appError || !(options.codes ?? ["VALIDATION"]).includes(appError.code)) throw error;
    const rename = options.fieldName ?? ((name: string) => name);
    const fields = Object.entries(appError.fields ?? { _: [appError.message] }).map(([name, messages]) => [rename(name), messages]);
    throw new TastypieValidationError(resource, Object.fromEntries(fields));
  }
}

/** tastypie's answers to failures: 400 with `error`, empty 401/404, canned 500. */
export const tastypieErrors: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof TastypieBadRequest) return tastypieJson(c, { error: error.message }, 400);
  if (error instanceof TastypieValidationError) return tastypieJson(c, { [error.resource]: error.fields }, 400);
  const appError = toAppError(error);
  if (appError?.code === "NOT_FOUND") return c.body(null, 404);
  if (appError?.code === "UNAUTHENTICATED" || appError?.code === "FORBIDDEN") return c.body(null, 401);
  if (appError?.code === "BAD_REQUEST" || appError?.code === "CONFLICT" || appError?.code === "VALIDATION") return tastypieJson(c, { error: appError.message }, 400);
  if (appError) return tastypieJson(c, { error_message: appError.message }, appError.status);
  c.get("logger")?.error({ err: error, path: c.req.path }, "unhandled error in API v1");
  return tastypieJson(c, { error_message: "Sorry, this request could not be processed. Please try again later." }, 500);
};

/** A field kind of a resource: its tastypie type, or a to-one relation to another resource. */
export type TastypieKind = "text" | "bool" | "int" | "date" | "uri" | { relation: string };
export type TastypieAllowed = readonly string[] | "ALL" | "ALL_WITH_RELATIONS";

/** A resource's fields and its `filtering` allowlist (tastypie Meta.filtering). */
export interface TastypieResourceSpec {
  fields: Record<string, TastypieKind>;
  filtering: Record<string, TastypieAllowed>;
  nullable?: readonly string[];
  unique?: readonly string[];
}

const SCHEMA_TYPES: Record<string, string> = { text: "string", bool: "boolean", int: "integer", date: "datetime", uri: "string" };

/** `/api/v1/<resource>/schema/` (tastypie Resource.build_schema): ALL as 1, ALL_WITH_RELATIONS as 2. */
export function tastypieSchema(spec: TastypieResourceSpec, methods: { list: string[]; detail: string[] }) {
  const fields = Object.fromEntries(
    Object.entries(spec.fields).map(([field, kind]) => [
      field,
      {
        blank: false,
        default: "",
        help_text:
          typeof kind === "object"
            ? "A single related resource. Can be either a URI or set of nested resource data."
            : field === "resource_uri"
              ? 'Unicode string data. Ex: "Hello World"'
              : "",
        nullable: spec.nullable?.includes(field) ?? false,
        primary_key: false,
        readonly: field === "resource_uri",
        type: typeof kind === "object" ? "related" : (SCHEMA_TYPES[kind] ?? "string"),
        unique: spec.unique?.includes(field) ?? false,
        verbose_name: field.replaceAll("_", " "),
        ...(typeof kind === "object" ? { related_type: "to_one" } : {}),
      },
    ]),
  );
  const filtering = Object.fromEntries(Object.entries(spec.filtering).map(([field, allowed]) => [field, allowed === "ALL" ? 1 : allowed === "ALL_WITH_RELATIONS" ? 2 : allowed]));
  return {
    allowed_detail_http_methods: methods.detail.map((method) => method.toLowerCase()),
    allowed_list_http_methods: methods.list.map((method) => method.toLowerCase()),
    default_format: "application/json",
    default_limit: TASTYPIE_DEFAULT_LIMIT,
    fields,
    filtering,
  };
}

/** `GET /api/v1/` (tastypie Api.top_level): every resource, sorted, with its list and schema URLs. */
export function tastypieRoot(prefix: string, names: readonly string[]) {
  return Object.fromEntries([...names].sort().map((name) => [name, { list_endpoint: `${prefix}${name}/`, schema: `${prefix}${name}/schema/` }]));
}
