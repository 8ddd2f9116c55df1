// `/api/v2/pages/page/` (legacy DRF PageViewSet, a read-only viewset with IsStaffOrReadOnly
// and token authentication): bare JSON arrays of every match, drafts for staff only,
// strict filters, `{"detail": …}` errors. Writes are checked for permission before the
// method, as DRF does: anonymous → 401, non-staff → 403, staff → 405.
import { Hono } from "hono";
import { drfErrors, drfJson, drfMethodNotAllowed, requireTokenStaff, tokenUser } from "../../../core/api/drf.ts";
import { AppError } from "../../../core/errors.ts";
import type { AppEnv } from "../../../core/http/env.ts";
import { parseDbId } from "../../../core/http/ids.ts";
import { canSeeDrafts } from "../policies.ts";
import type { PagesService } from "../service.ts";
import { parseV2Filters } from "./filters.ts";
import { toV2Page, V2_LIST } from "./serializers.ts";

/** Route path inside the /api sub-app. */
const V2_ROUTE = "/v2/pages/page/";

/** The resources of `GET /api/v2/`. */
export const PAGES_V2_RESOURCES = { "pages/page": V2_LIST };

export function pagesApiV2(pages: PagesService, options: { siteUrl: string }) {
  const app = new Hono<AppEnv>({ strict: true });
  app.onError(drfErrors());

  app.get(V2_ROUTE, async (c) => {
    const { items } = await pages.listPagesForApi({ filters: parseV2Filters(c.req.query()), includeDrafts: canSeeDrafts(tokenUser(c)) });
    return drfJson(
      c,
      items.map((page) => toV2Page(page, options.siteUrl)),
    );
  });

  app.get(`${V2_ROUTE}:id/`, async (c) => {
    // Anything that names no possible row, an id beyond the id range too, is a 404.
    const id = parseDbId(c.req.param("id"));
    if (id === undefined) throw new AppError("NOT_FOUND", "Not found.");
    const page = await pages.getPageById({ id, includeDrafts: canSeeDrafts(tokenUser(c)) });
    return drfJson(c, toV2Page(page, options.siteUrl));
  });

  app.on(["POST", "PUT", "PATCH", "DELETE"], [V2_ROUTE, `${V2_ROUTE}:id/`], (c) => {
    requireTokenStaff(c);
    return drfMethodNotAllowed(c, "GET, HEAD, OPTIONS");
  });
  return app;
}
