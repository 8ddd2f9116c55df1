// `/admin/<app>/<model>/<id>/history/`: the object's audit entries with their diffs.
// It also works for deleted objects, whose entries outlive them.
import { Hono } from "hono";
import type { AppEnv } from "../../http/env.ts";
import { auditModel, listAuditHistory } from "../audit.ts";
import { type AdminDeps, adminUrls, parseObjectId, resourceFor } from "./shared.ts";

const HISTORY_LIMIT = 200;

export function historyRoutes(deps: AdminDeps) {
  const app = new Hono<AppEnv>({ strict: true });
  app.get("/:app/:model/:id/history/", async (c) => {
    const { resource, user } = resourceFor(c, deps, "view");
    const id = parseObjectId(c.req.param("id"));
    const [row, entries] = await Promise.all([resource.load({ user, id }), listAuditHistory(deps.db, { model: auditModel(resource), objectId: String(id), limit: HISTORY_LIMIT })]);
    const urls = adminUrls(resource);
    return c.render("admin/history.njk", {
      title: `History of ${resource.verboseName} ${id} | Python.org admin`,
      resource: { appLabel: resource.appLabel, model: resource.model, verboseName: resource.verboseName, verboseNamePlural: resource.verboseNamePlural },
      urls: { list: urls.list, change: row ? urls.change(id) : "" },
      objectRepr: row ? resource.toRepr(row) : (entries[0]?.objectRepr ?? `#${id}`),
      entries,
    });
  });
  return app;
}
