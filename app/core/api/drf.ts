// The Django REST Framework conventions every legacy v2 resource follows (DRF as configured
// in legacy pydotorg/settings and pydotorg/drf.py): bare JSON, absolute `resource_uri`s,
// `Token`-only authentication with IsStaffOrReadOnly, `{"detail": …}` errors, field errors
// keyed by field, BaseFilterSet's refusal of unknown filters, and the API root.
import type { Context, ErrorHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AppError, toAppError, type FieldErrors } from "../errors.ts";
import type { AppEnv, CurrentUser } from "../http/env.ts";
import { mayWriteThroughApi } from "./writes.ts";

export function drfJson(c: Context, body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify(body), status as ContentfulStatusCode, { "Content-Type": "application/json", ...headers });
}

/** An absolute resource URL (HyperlinkedModelSerializer with URL_FIELD_NAME "resource_uri"). */
export const drfUrl = (siteUrl: string, listPath: string, id: number) => new URL(`${listPath}${id}/`, siteUrl).toString();

/** Filters refused as a whole: 400 `{"error": [message, …]}`. */
export class DrfFilterError extends Error {
  override name = "DrfFilterError";
  constructor(readonly messages: string[]) {
    super(messages.join(" "));
  }
}

/** pydotorg/drf.py BaseFilterSet: one message for every parameter that is not a filter, sorted. */
export function checkKnownFilters(params: Iterable<string>, known: ReadonlySet<string>): void {
  const messages = [...params]
    .filter((param) => !known.has(param))
    .sort()
    .map((param) => {
      const index = param.lastIndexOf("__");
      const [field, lookup] = index === -1 ? [param, "exact"] : [param.slice(0, index), param.slice(index + 2)];
      return `'${lookup}' is not an allowed filter on the '${field}' field.`;
    });
  if (messages.length > 0) throw new DrfFilterError(messages);
}

/** The v2 API user: only `Token` credentials count (there is no session authentication). */
export function tokenUser(c: Context<AppEnv>): CurrentUser | null {
  const user = c.get("user");
  return user && c.get("authMethod") === "token" ? user : null;
}

/**
 * DRF IsStaffOrReadOnly with TokenAuthentication: 401 without a token, 403 for non-staff.
 * With API_WRITE_PERMISSIONS=model the user also needs `permission` (e.g. `downloads.change_release`), else 403.
 */
export function requireTokenStaff(c: Context<AppEnv>, permission?: string): CurrentUser {
  const user = tokenUser(c);
  if (!user) throw new AppError("UNAUTHENTICATED", "Authentication credentials were not provided.");
  if (!(user.isStaff || user.isSuperuser) || !mayWriteThroughApi(c, user, permission)) {
    throw new AppError("FORBIDDEN", "You do not have permission to perform this action.");
  }
  return user;
}

/** DRF's 405: `{"detail": "Method \"X\" not allowed."}` with the Allow header. */
export function drfMethodNotAllowed(c: Context, allow: string): Response {
  return drfJson(c, { detail: `Method "${c.req.method}" not allowed.` }, 405, { Allow: allow });
}

/** Reads a JSON object body; anything else is DRF's parse error. */
export async function readDrfBody(c: Context): Promise<Record<string, unknown>> {
  const body: unknown = await c.req.json().catch(() => undefined);
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new AppError("BAD_REQUEST", "JSON parse error - the body must be a JSON object.");
  return body as Record<string, unknown>;
}

/**
 * DRF's answers to failures: `{"detail": …}` (401 with `WWW-Authenticate: Token`), field
 * errors as `{"field": [message]}` 400 (names mapped by `fieldName`), canned 500.
 */
export function drfErrors(options: { fieldName?: (name: string) => string } = {}): ErrorHandler<AppEnv> {
  const rename = options.fieldName ?? ((name: string) => name);
  return (error, c) => {
    if (error instanceof DrfFilterError) return drfJson(c, { error: error.messages }, 400);
    const appError = toAppError(error);
    if (!appError) {
      c.get("logger")?.error({ err: error, path: c.req.path }, "unhandled error in API v2");
      return drfJson(c, { detail: "A server error occurred." }, 500);
    }
    if (appError.code === "NOT_FOUND") return drfJson(c, { detail: "Not found." }, 404);
    if (appError.code === "UNAUTHENTICATED") return drfJson(c, { detail: appError.message }, 401, { "WWW-Authenticate": "Token" });
    if (appError.code === "FORBIDDEN") return drfJson(c, { detail: "You do not have permission to perform this action." }, 403);
    if (appError.fields) return drfJson(c, renameFields(appError.fields, rename), 400);
    return drfJson(c, { detail: appError.message }, appError.status === 422 || appError.status === 409 ? 400 : appError.status);
  };
}

function renameFields(fields: FieldErrors, rename: (name: string) => string): FieldErrors {
  return Object.fromEntries(Object.entries(fields).map(([name, messages]) => [rename(name), messages]));
}

/** `GET /api/v2/` (DRF DefaultRouter's API root): resource name → absolute list URL. */
export function drfRoot(siteUrl: string, listPaths: Record<string, string>) {
  return Object.fromEntries(Object.entries(listPaths).map(([name, path]) => [name, new URL(path, siteUrl).toString()]));
}
