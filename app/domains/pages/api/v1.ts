// `/api/v1/pages/page/` (legacy tastypie PageResource, apps/pages/api.py): GET list and
// detail for everyone (drafts for staff only), POST (create) and DELETE (detail) for staff
// authenticated by API key. Errors follow tastypie: `{"error": …}` for a bad request,
// empty 401 and 404, and 405 with Allow.
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AppError, toAppError } from "../../../core/errors.ts";
import type { AppEnv, CurrentUser } from "../../../core/http/env.ts";
import { apiUser, canSeeDrafts } from "../policies.ts";
import type { PagesService } from "../service.ts";
import { FilterError, parseV1Filters } from "./filters.ts";
import { fromV1Body, toV1Page, V1_FIELD_NAMES, V1_LIST } from "./serializers.ts";

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 1000;
const ID = /^[1-9][0-9]{0,9}$/;
/** Route path inside the /api sub-app. */
const V1_ROUTE = "/v1/pages/page/";

const json = (c: Context, body: unknown, status = 200) => c.body(JSON.stringify(body), status as ContentfulStatusCode, { "Content-Type": "application/json; charset=utf-8" });

/** tastypie Paginator: `limit` (0 = the maximum) and `offset`. */
function paging(query: Record<string, string>): { limit: number; offset: number } {
  const number = (name: string, fallback: number) => {
    const raw = query[name];
    if (raw === undefined) return fallback;
    if (!/^\d{1,9}$/.test(raw.trim())) throw new FilterError([`Invalid ${name} '${raw}' provided. Please provide a positive integer >= 0.`]);
    return Number(raw);
  };
  const limit = number("limit", DEFAULT_LIMIT);
  return { limit: limit === 0 || limit > MAX_LIMIT ? MAX_LIMIT : limit, offset: number("offset", 0) };
}

function meta(query: Record<string, string>, page: { limit: number; offset: number }, total: number) {
  const link = (offset: number) => `${V1_LIST}?${new URLSearchParams({ ...query, limit: String(page.limit), offset: String(offset) }).toString()}`;
  return {
    limit: page.limit,
    next: page.offset + page.limit >= total ? null : link(page.offset + page.limit),
    offset: page.offset,
    previous: page.offset - page.limit < 0 ? null : link(page.offset - page.limit),
    total_count: total,
  };
}

const v1User = (c: Context<AppEnv>) => apiUser(c.get("user"), c.get("authMethod"), "api-key");

function requireStaffKey(c: Context<AppEnv>): CurrentUser {
  const user = v1User(c);
  if (!user || !canSeeDrafts(user)) throw new AppError("UNAUTHENTICATED", "Operation restricted to staff users.");
  return user;
}

function pageId(c: Context): number {
  const raw = c.req.param("id") ?? "";
  if (!ID.test(raw)) throw new AppError("NOT_FOUND", "Not found.");
  return Number(raw);
}

function v1Errors(error: Error, c: Context<AppEnv>): Response {
  if (error instanceof FilterError) return json(c, { error: error.message }, 400);
  const appError = toAppError(error);
  if (appError?.code === "VALIDATION" || appError?.code === "CONFLICT") {
    const fields = Object.fromEntries(Object.entries(appError.fields ?? { _: [appError.message] }).map(([name, messages]) => [V1_FIELD_NAMES[name] ?? name, messages]));
    return json(c, { "pages/page": fields }, 400);
  }
  if (appError?.code === "NOT_FOUND") return c.body(null, 404);
  if (appError?.code === "UNAUTHENTICATED" || appError?.code === "FORBIDDEN") return c.body(null, 401);
  if (appError) return json(c, { error_message: appError.message }, appError.status);
  c.get("logger")?.error({ err: error, path: c.req.path }, "unhandled error in pages API v1");
  return json(c, { error_message: "Sorry, this request could not be processed. Please try again later." }, 500);
}

export function pagesApiV1(pages: PagesService) {
  const app = new Hono<AppEnv>({ strict: true });
  app.onError(v1Errors);

  app.get(V1_ROUTE, async (c) => {
    const query = c.req.query();
    const page = paging(query);
    const { items, total } = await pages.listPagesForApi({ filters: parseV1Filters(query), includeDrafts: canSeeDrafts(v1User(c)), ...page });
    return json(c, { meta: meta(query, page, total), objects: items.map(toV1Page) });
  });

  app.post(V1_ROUTE, async (c) => {
    const user = requireStaffKey(c);
    const body: unknown = await c.req.json().catch(() => undefined);
    if (typeof body !== "object" || body === null || Array.isArray(body)) throw new FilterError(["The request body must be a JSON object."]);
    const saved = await pages.savePage({ input: fromV1Body(body as Record<string, unknown>), actorId: user.id });
    return c.body(null, 201, { Location: new URL(`${V1_LIST}${saved.id}/`, c.req.url).toString() });
  });

  app.get(`${V1_ROUTE}:id/`, async (c) => {
    const user = v1User(c);
    const page = await pages.getPageById({ id: pageId(c), includeDrafts: true });
    // Legacy OnlyPublishedAuthorization.read_detail refuses a draft to non-staff: tastypie answers 401.
    if (!page.isPublished && !canSeeDrafts(user)) throw new AppError("UNAUTHENTICATED", "Unauthorized.");
    return json(c, toV1Page(page));
  });

  app.delete(`${V1_ROUTE}:id/`, async (c) => {
    requireStaffKey(c);
    await pages.deletePage({ id: pageId(c) });
    return c.body(null, 204);
  });

  app.on(["PUT", "PATCH", "DELETE"], V1_ROUTE, (c) => c.body(null, 405, { Allow: "GET,POST" }));
  app.on(["PUT", "PATCH", "POST"], `${V1_ROUTE}:id/`, (c) => c.body(null, 405, { Allow: "GET,DELETE" }));
  return app;
}
