// `/admin/<app>/<model>/`: the change list with search, filters, column ordering,
// pagination and, for users who may run them, bulk-action checkboxes.
import { Hono } from "hono";
import type { AppEnv, CurrentUser } from "../../http/env.ts";
import { allowedActions, can } from "../access.ts";
import { columnViews, filterViews, listHref, type ListState, pageViews, parseListState } from "../list-query.ts";
import type { AnyAdminResource, CellValue } from "../types.ts";
import { viewOnSiteHref } from "../view-on-site.ts";
import { type AdminDeps, adminUrls, capfirst, resourceFor } from "./shared.ts";

export const DELETE_SELECTED = "delete_selected";

/** Bulk actions this user may run on the resource, "delete selected" included. */
export function availableBulkActions(user: CurrentUser, resource: AnyAdminResource): Array<{ name: string; label: string }> {
  const actions = (resource.bulkActions ?? []).filter((action) => can(user, resource, action.permission)).map(({ name, label }) => ({ name, label }));
  if (can(user, resource, "delete")) actions.push({ name: DELETE_SELECTED, label: `Delete selected ${resource.verboseNamePlural}` });
  return actions;
}

/** A cell as text: Yes/No for booleans, UTC minutes for dates, a dash for nothing. */
export function formatCell(value: CellValue): { text: string; kind: string } {
  if (value === null || value === "") return { text: "—", kind: "empty" };
  if (typeof value === "boolean") return { text: value ? "Yes" : "No", kind: value ? "yes" : "no" };
  if (value instanceof Date) return { text: `${value.toISOString().slice(0, 16).replace("T", " ")} UTC`, kind: "date" };
  return { text: String(value), kind: typeof value };
}

async function loadPage(resource: AnyAdminResource, user: CurrentUser, state: ListState) {
  const query = (page: number) => ({
    search: state.search || undefined,
    filters: state.filters,
    ordering: state.ordering,
    offset: (page - 1) * resource.perPage,
    limit: resource.perPage,
  });
  let result = await resource.list({ user, query: query(state.page) });
  const lastPage = Math.max(1, Math.ceil(result.total / resource.perPage));
  // A page past the end (a stale link after deletions) shows the last page instead.
  if (state.page > lastPage) {
    state.page = lastPage;
    result = await resource.list({ user, query: query(lastPage) });
  }
  return result;
}

export function listRoutes(deps: AdminDeps) {
  const app = new Hono<AppEnv>({ strict: true });
  app.get("/:app/:model/", async (c) => {
    const { resource, user } = resourceFor(c, deps, "view");
    const urls = adminUrls(resource);
    const state = parseListState(resource, c.req.query());
    const { rows, total } = await loadPage(resource, user, state);
    const actions = availableBulkActions(user, resource);
    return c.render("admin/list.njk", {
      title: `${capfirst(resource.verboseNamePlural)} | Python.org admin`,
      resource: { appLabel: resource.appLabel, model: resource.model, verboseName: resource.verboseName, verboseNamePlural: resource.verboseNamePlural },
      urls: { list: urls.list, add: urls.add, action: urls.action },
      allowed: allowedActions(user, resource),
      search: state.search,
      searchFields: resource.searchFields.join(", "),
      columns: columnViews(resource, urls.list, state),
      hasViewOnSite: resource.viewOnSite !== undefined,
      filters: filterViews(resource, urls.list, state),
      hiddenFilters: Object.entries(state.filters).map(([name, value]) => ({ name, value })),
      ordering: `${state.ordering.direction === "desc" ? "-" : ""}${state.ordering.field}`,
      rows: rows.map((row) => ({
        id: resource.idOf(row),
        repr: resource.toRepr(row),
        href: urls.change(resource.idOf(row)),
        cells: resource.listColumns.map((column) => formatCell(column.value(row))),
        siteHref: viewOnSiteHref(resource, row),
      })),
      total,
      pages: pageViews(urls.list, state, total, resource.perPage),
      actions,
      returnQuery: listHref(urls.list, state).split("?")[1] ?? "",
    });
  });
  return app;
}
