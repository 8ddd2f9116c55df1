// `/admin/<app>/<model>/<id>/delete/`: GET asks for confirmation, POST deletes through
// the domain service (audited) and redirects to the list.
import { Hono } from "hono";
import type { AppEnv, CurrentUser } from "../../http/env.ts";
import { runAudited } from "../audit.ts";
import type { AnyAdminResource } from "../types.ts";
import { type AdminDeps, adminUrls, capfirst, flashRedirect, loadObject, resourceFor } from "./shared.ts";

export function deleteRoutes(deps: AdminDeps) {
  const app = new Hono<AppEnv>({ strict: true });

  app.get("/:app/:model/:id/delete/", async (c) => {
    const { resource, user } = resourceFor(c, deps, "delete");
    const { id, row } = await loadObject(c, resource, user);
    const urls = adminUrls(resource);
    return c.render("admin/delete.njk", {
      title: `Delete ${resource.verboseName} | Python.org admin`,
      resource: { appLabel: resource.appLabel, model: resource.model, verboseName: resource.verboseName, verboseNamePlural: resource.verboseNamePlural },
      urls: { list: urls.list, change: urls.change(id), delete: urls.delete(id) },
      objectRepr: resource.toRepr(row),
    });
  });

  app.post("/:app/:model/:id/delete/", async (c) => {
    const { resource, user } = resourceFor(c, deps, "delete");
    const { id, row } = await loadObject(c, resource, user);
    await deleteAudited(deps, resource, user, { id, row });
    return flashRedirect(c, deps, adminUrls(resource).list, `${capfirst(resource.verboseName)} “${resource.toRepr(row)}” was deleted.`);
  });

  return app;
}

/** Deletes one loaded object with an audit entry (the row itself when the resource reports no change). */
export function deleteAudited(deps: AdminDeps, resource: AnyAdminResource, user: CurrentUser, object: { id: number; row: unknown }) {
  return runAudited({
    db: deps.db,
    resource,
    actorId: user.id,
    action: "delete",
    write: (onWrite) => resource.delete({ user, id: object.id, onWrite }),
    fallback: async () => [{ before: object.row, after: null }],
  });
}
