// `/api/v2/pages/page/` (legacy DRF PageViewSet, a read-only viewset with IsStaffOrReadOnly
// and token authentication): bare JSON arrays of every match, drafts for staff only,
// strict filters, `{"detail": …}` errors. Writes are checked for permission before the
// method, as DRF does: anonymous → 401, non-staff → 403, staff → 405.
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { toAppError } from "../../../core/errors.ts";
import type { AppEnv } from "../../../core/http/env.ts";
import { apiUser, canSeeDrafts } from "../policies.ts";
import type { PagesService } from "../service.ts";
import { FilterError, parseV2Filters } from "./filters.ts";
import { toV2Page, V2_LIST } from "./serializers.ts";

const ID = /^[1-9][0-9]{0,9}$/;
/** Route path inside the /api sub-app. */
const V2_ROUTE = "/v2/pages/page/";

const json = (c: Context, body: unknown, status = 200) => c.body(JSON.stringify(body), status as ContentfulStatusCode, { "Content-Type": "application/json" });
const v2User = (c: Context<AppEnv>) => apiUser(c.get("user"), c.get("authMethod"), "token");

function v2Errors(error: Error, c: Context<AppEnv>): Response {
  if (error instanceof FilterError) return json(c, { error: error.messages }, 400);
  const appError = toAppError(error);
  if (appError?.code === "NOT_FOUND") return json(c, { detail: "Not found." }, 404);
  if (appError) return json(c, { detail: appError.message }, appError.status);
  c.get("logger")?.error({ err: error, path: c.req.path }, "unhandled error in pages API v2");
  return json(c, { detail: "A server error occurred." }, 500);
}

function refuseWrite(c: Context<AppEnv>): Response {
  const user = v2User(c);
  if (!user) return json(c, { detail: "Authentication credentials were not provided." }, 401);
  if (!canSeeDrafts(user)) return json(c, { detail: "You do not have permission to perform this action." }, 403);
  c.header("Allow", "GET, HEAD, OPTIONS");
  return json(c, { detail: `Method "${c.req.method}" not allowed.` }, 405);
}

export function pagesApiV2(pages: PagesService, options: { siteUrl: string }) {
  const app = new Hono<AppEnv>({ strict: true });
  app.onError(v2Errors);

  app.get(V2_ROUTE, async (c) => {
    const { items } = await pages.listPagesForApi({ filters: parseV2Filters(c.req.query()), includeDrafts: canSeeDrafts(v2User(c)) });
    return json(c, items.map((page) => toV2Page(page, options.siteUrl)));
  });

  app.get(`${V2_ROUTE}:id/`, async (c) => {
    const raw = c.req.param("id");
    if (!ID.test(raw)) return json(c, { detail: "Not found." }, 404);
    const page = await pages.getPageById({ id: Number(raw), includeDrafts: canSeeDrafts(v2User(c)) });
    return json(c, toV2Page(page, options.siteUrl));
  });

  app.on(["POST", "PUT", "PATCH", "DELETE"], [V2_ROUTE, `${V2_ROUTE}:id/`], refuseWrite);
  return app;
}
