// `POST /admin/<app>/<model>/action/`: a bulk action on the ticked rows. The first post
// shows a confirmation page listing the objects; its "Yes" posts again with
// `confirm=yes`, which runs the action, audits each changed object and redirects.
import { Hono } from "hono";
import type { AppEnv, CurrentUser } from "../../http/env.ts";
import { parseDbId } from "../../http/ids.ts";
import { assertCan } from "../access.ts";
import { runAudited } from "../audit.ts";
import type { AnyAdminResource, BulkAction } from "../types.ts";
import { deleteAudited } from "./delete.ts";
import { availableBulkActions, DELETE_SELECTED } from "./list.ts";
import { type AdminDeps, adminUrls, bodyString, capfirst, flashRedirect, readBody, resourceFor } from "./shared.ts";
import type { RawBody } from "../forms.ts";

const MAX_SELECTED = 1000;

function selectedIds(body: RawBody): number[] {
  const raw = body.ids;
  const list = (Array.isArray(raw) ? raw : [raw]).filter((value): value is string => typeof value === "string");
  const ids = list.map(parseDbId).filter((id): id is number => id !== undefined);
  return [...new Set(ids)].slice(0, MAX_SELECTED);
}

/** The list URL with the list's own query string (only re-encoded, never trusted as a path). */
function backToList(resource: AnyAdminResource, body: RawBody): string {
  const query = new URLSearchParams(bodyString(body, "return") ?? "").toString();
  return `${adminUrls(resource).list}${query ? `?${query}` : ""}`;
}

async function loadRows(resource: AnyAdminResource, user: CurrentUser, ids: number[]) {
  const rows: Array<{ id: number; row: unknown }> = [];
  for (const id of ids) {
    const row: unknown = await resource.load({ user, id });
    if (row !== null && row !== undefined) rows.push({ id, row });
  }
  return rows;
}

async function deleteEach(deps: AdminDeps, resource: AnyAdminResource, user: CurrentUser, rows: Array<{ id: number; row: unknown }>) {
  for (const object of rows) await deleteAudited(deps, resource, user, object);
  return rows.length;
}

async function runAction(deps: AdminDeps, resource: AnyAdminResource, user: CurrentUser, action: BulkAction<unknown>, rows: Array<{ id: number; row: unknown }>) {
  return runAudited({
    db: deps.db,
    resource,
    actorId: user.id,
    action: action.name,
    write: (onWrite) => action.run({ user, ids: rows.map((entry) => entry.id), onWrite }),
    fallback: async () => {
      const after = await loadRows(
        resource,
        user,
        rows.map((entry) => entry.id),
      );
      return rows.map(({ id, row }) => ({ before: row, after: after.find((entry) => entry.id === id)?.row ?? null }));
    },
  });
}

export function bulkRoutes(deps: AdminDeps) {
  const app = new Hono<AppEnv>({ strict: true });
  app.post("/:app/:model/action/", async (c) => {
    const { resource, user } = resourceFor(c, deps, "view");
    const body = await readBody(c);
    const back = backToList(resource, body);
    const name = bodyString(body, "action") ?? "";
    const choice = availableBulkActions(user, resource).find((action) => action.name === name);
    if (!choice) return flashRedirect(c, deps, back, "Choose an action you may run.", "warning");
    const custom = resource.bulkActions?.find((action) => action.name === name);
    assertCan(user, resource, custom ? custom.permission : "delete");
    const rows = await loadRows(resource, user, selectedIds(body));
    if (rows.length === 0) return flashRedirect(c, deps, back, `Select at least one ${resource.verboseName} first.`, "warning");
    if (bodyString(body, "confirm") !== "yes") {
      return c.render("admin/bulk_confirm.njk", {
        title: `${choice.label} | Python.org admin`,
        resource: { appLabel: resource.appLabel, model: resource.model, verboseName: resource.verboseName, verboseNamePlural: resource.verboseNamePlural },
        urls: adminUrls(resource),
        action: choice,
        destructive: name === DELETE_SELECTED,
        objects: rows.map(({ id, row }) => ({ id, repr: resource.toRepr(row), href: adminUrls(resource).change(id) })),
        returnQuery: back.split("?")[1] ?? "",
      });
    }
    const count = custom ? await runAction(deps, resource, user, custom, rows) : await deleteEach(deps, resource, user, rows);
    const noun = count === 1 ? resource.verboseName : resource.verboseNamePlural;
    return flashRedirect(c, deps, back, `${capfirst(choice.label)}: done for ${count} ${noun}.`);
  });
  return app;
}
