// `/api/v1/pages/page/` (legacy tastypie PageResource, apps/pages/api.py): GET list and
// detail for everyone (drafts for staff only), POST (create) and DELETE (detail) for staff
// authenticated by API key. The tastypie envelope, errors and auth are app/core/api/tastypie.ts.
import { Hono, type Context } from "hono";
import {
  apiKeyUser,
  methodNotAllowed,
  readTastypieBody,
  requireApiKeyStaff,
  resourceUri,
  tastypieErrors,
  tastypieJson,
  tastypieList,
  tastypiePaging,
  tastypieSchema,
  withResourceErrors,
} from "../../../core/api/tastypie.ts";
import { apiAudit } from "../../../core/api/writes.ts";
import { AppError } from "../../../core/errors.ts";
import type { AppEnv } from "../../../core/http/env.ts";
import { parseDbId } from "../../../core/http/ids.ts";
import { canSeeDrafts } from "../policies.ts";
import type { PagesService } from "../service.ts";
import { PAGE_V1_SPEC, parseV1Filters } from "./filters.ts";
import { fromV1Body, toV1Page, V1_FIELD_NAMES, V1_LIST } from "./serializers.ts";

/** Route path inside the /api sub-app. */
const V1_ROUTE = "/v1/pages/page/";
const LIST_METHODS = ["GET", "POST"];
const DETAIL_METHODS = ["GET", "DELETE"];

/** The detail id; anything that names no possible row (beyond the id range too) is a 404. */
function pageId(c: Context): number {
  const id = parseDbId(c.req.param("id"));
  if (id === undefined) throw new AppError("NOT_FOUND", "Not found.");
  return id;
}

export function pagesApiV1(pages: PagesService) {
  const app = new Hono<AppEnv>({ strict: true });
  app.onError(tastypieErrors);

  app.get(V1_ROUTE, async (c) => {
    const page = tastypiePaging(c);
    const filters = parseV1Filters(c.req.query());
    const { items, total } = await pages.listPagesForApi({ filters, includeDrafts: canSeeDrafts(apiKeyUser(c)), ...page });
    return tastypieList(c, V1_LIST, page, total, items.map(toV1Page));
  });

  app.post(V1_ROUTE, async (c) => {
    const user = requireApiKeyStaff(c, "pages.add_page");
    const body = await readTastypieBody(c);
    const saved = await withResourceErrors("pages/page", () => pages.savePage({ input: fromV1Body(body), actorId: user.id, onWrite: apiAudit(c, user, "pages.page") }), {
      fieldName: (name) => V1_FIELD_NAMES[name] ?? name,
      codes: ["VALIDATION", "CONFLICT"],
    });
    return c.body(null, 201, { Location: new URL(resourceUri(V1_LIST, saved.id), c.req.url).toString() });
  });

  app.get(`${V1_ROUTE}schema/`, (c) => tastypieJson(c, tastypieSchema(PAGE_V1_SPEC, { list: LIST_METHODS, detail: DETAIL_METHODS })));

  app.get(`${V1_ROUTE}:id/`, async (c) => {
    const page = await pages.getPageById({ id: pageId(c), includeDrafts: true });
    // Legacy OnlyPublishedAuthorization.read_detail refuses a draft to non-staff: tastypie answers 401.
    if (!page.isPublished && !canSeeDrafts(apiKeyUser(c))) throw new AppError("UNAUTHENTICATED", "Unauthorized.");
    return tastypieJson(c, toV1Page(page));
  });

  app.delete(`${V1_ROUTE}:id/`, async (c) => {
    const user = requireApiKeyStaff(c, "pages.delete_page");
    await pages.deletePage({ id: pageId(c), onWrite: apiAudit(c, user, "pages.page") });
    return c.body(null, 204);
  });

  app.on(["PUT", "PATCH", "DELETE"], V1_ROUTE, (c) => methodNotAllowed(c, LIST_METHODS));
  app.on(["PUT", "PATCH", "POST"], `${V1_ROUTE}:id/`, (c) => methodNotAllowed(c, DETAIL_METHODS));
  return app;
}
