// The tastypie conventions every v1 resource follows (tastypie 0.15 as configured in
// legacy pydotorg/resources.py): limit/offset paging with a `meta` envelope, errors as
// `{"error": …}` / `{"error_message": …}` / empty bodies, and 405 with an Allow header.
import type { Context, ErrorHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AppError, toAppError } from "../../../../core/errors.ts";
import type { AppEnv, CurrentUser } from "../../../../core/http/env.ts";
import { apiUser } from "../../policies.ts";
import { apiFieldErrors } from "../common.ts";
import { V1BadRequest } from "./filters.ts";

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 1000;

/** A write refused as a whole resource's validation failure: 400 keyed by resource name. */
export class V1ValidationError extends Error {
  override name = "V1ValidationError";
  constructor(
    readonly resource: string,
    readonly fields: Record<string, string[]>,
  ) {
    super("validation failed");
  }
}

export function json(c: Context, body: unknown, status = 200): Response {
  return c.body(JSON.stringify(body), status as ContentfulStatusCode, { "Content-Type": "application/json; charset=utf-8" });
}

/** tastypie Paginator.get_limit / get_offset. */
export function paging(c: Context): { limit: number; offset: number } {
  const rawLimit = c.req.query("limit");
  const rawOffset = c.req.query("offset");
  let limit = DEFAULT_LIMIT;
  if (rawLimit !== undefined) {
    if (!/^\s*[-+]?\d+\s*$/.test(rawLimit)) throw new V1BadRequest(`Invalid limit '${rawLimit}' provided. Please provide a positive integer.`);
    limit = Number(rawLimit);
    if (limit < 0) throw new V1BadRequest(`Invalid limit '${rawLimit}' provided. Please provide a positive integer >= 0.`);
  }
  if (limit === 0 || limit > MAX_LIMIT) limit = MAX_LIMIT;
  let offset = 0;
  if (rawOffset !== undefined) {
    if (!/^\s*[-+]?\d+\s*$/.test(rawOffset)) throw new V1BadRequest(`Invalid offset '${rawOffset}' provided. Please provide an integer.`);
    offset = Number(rawOffset);
    if (offset < 0) throw new V1BadRequest(`Invalid offset '${rawOffset}' provided. Please provide a positive integer >= 0.`);
  }
  return { limit, offset };
}

/** The `meta` of a list: `next`/`previous` repeat the request's parameters with a new offset. */
export function meta(c: Context, listPath: string, page: { limit: number; offset: number }, total: number) {
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

/** The v1 API user: only `ApiKey` credentials count (legacy ApiKeyOrGuestAuthentication). */
export function v1User(c: Context<AppEnv>): CurrentUser | null {
  return apiUser(c.get("user"), c.get("authMethod"), "api-key");
}

/** Staff authenticated by API key, as legacy StaffAuthorization requires for writes; else 401. */
export function requireV1Staff(c: Context<AppEnv>): CurrentUser {
  const user = v1User(c);
  if (!user || !(user.isStaff || user.isSuperuser)) throw new AppError("UNAUTHENTICATED", "Operation restricted to staff users.");
  return user;
}

export function methodNotAllowed(c: Context, allowed: string[]): Response {
  return c.body(null, 405, { Allow: allowed.join(",") });
}

/** Reads a JSON object body; anything else is a 400 in tastypie's shape. */
export async function readBody(c: Context): Promise<Record<string, unknown>> {
  const type = c.req.header("content-type") ?? "application/json";
  if (!/^application\/json\b/i.test(type)) throw new V1BadRequest("Send the object as JSON (Content-Type: application/json).");
  const body: unknown = await c.req.json().catch(() => undefined);
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new V1BadRequest("The request body must be a JSON object.");
  return body as Record<string, unknown>;
}

/** tastypie's answers to failures: 400 with `error`, empty 401/404, canned 500. */
export const tastypieErrors: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof V1BadRequest) return json(c, { error: error.message }, 400);
  if (error instanceof V1ValidationError) return json(c, { [error.resource]: apiFieldErrors(error.fields) }, 400);
  const appError = toAppError(error);
  if (appError?.code === "NOT_FOUND") return c.body(null, 404);
  if (appError?.code === "UNAUTHENTICATED" || appError?.code === "FORBIDDEN") return c.body(null, 401);
  if (appError?.code === "BAD_REQUEST" || appError?.code === "CONFLICT" || appError?.code === "VALIDATION") return json(c, { error: appError.message }, 400);
  if (appError) return json(c, { error_message: appError.message }, appError.status);
  c.get("logger")?.error({ err: error, path: c.req.path }, "unhandled error in API v1");
  return json(c, { error_message: "Sorry, this request could not be processed. Please try again later." }, 500);
};
