// Menu editing at the legacy addresses /admin/sitetree/tree/ and /admin/sitetree/treeitem/
// (django-sitetree's admin, whose permissions legacy groups hold): trees, and items with
// their parent, URL or URL name, visibility flags, access rules and order. "Move up" and
// "Move down" reorder items among their siblings; every save refreshes the menus at once.
import { defineAdminResource } from "../../../core/admin/index.ts";
import type { NavItemView, NavTreeView } from "../service/navigation-editor.ts";
import { type NavItemInput, NavItemInputSchema, type NavTreeInput, NavTreeInputSchema } from "../schemas.ts";
import type { PagesService } from "../service.ts";

export function navTreesAdmin(pages: PagesService) {
  return defineAdminResource<NavTreeView, NavTreeInput>({
    appLabel: "sitetree",
    model: "tree",
    verboseName: "menu tree",
    verboseNamePlural: "menu trees",
    listColumns: [
      { name: "alias", label: "Alias", value: (tree) => tree.alias, sortable: true },
      { name: "title", label: "Title", value: (tree) => tree.title },
    ],
    searchFields: [],
    filters: [],
    defaultOrdering: "alias",
    perPage: 50,
    form: {
      schema: NavTreeInputSchema,
      fields: [
        { name: "alias", label: "Alias", widget: "text", required: true, maxLength: 80, help: "Templates read the tree called main; its top-level items are the network bar." },
        { name: "title", label: "Title", widget: "text", maxLength: 100 },
      ],
    },
    async list() {
      const rows = await pages.listTrees();
      return { rows, total: rows.length };
    },
    load: ({ id }) => pages.getTree({ id }),
    create: ({ input, onWrite }) => pages.saveTree({ input, onWrite }),
    update: ({ id, input, onWrite }) => pages.saveTree({ id, input, onWrite }),
    delete: ({ id, onWrite }) => pages.deleteTree({ id, onWrite }),
    toFormValues: (tree) => ({ alias: tree.alias, title: tree.title }),
    idOf: (tree) => tree.id,
    toRepr: (tree) => tree.alias,
    toAuditSnapshot: (tree) => ({ alias: tree.alias, title: tree.title }),
  });
}

const SORTS = ["sortOrder", "title", "url"] as const;
const sortField = (field: string) => ((SORTS as readonly string[]).includes(field) ? (field as (typeof SORTS)[number]) : "sortOrder");

const flag = (name: keyof NavItemInput, label: string, help?: string) => ({ name, label, widget: "checkbox" as const, ...(help ? { help } : {}) });

export function navItemsAdmin(pages: PagesService) {
  return defineAdminResource<NavItemView, NavItemInput>({
    appLabel: "sitetree",
    model: "treeitem",
    verboseName: "menu item",
    verboseNamePlural: "menu items",
    listColumns: [
      { name: "title", label: "Item", value: (item) => `${item.treeAlias}: ${item.trail}`, sortable: true },
      { name: "url", label: "URL", value: (item) => (item.urlAsPattern ? `${item.url} (URL name)` : item.url), sortable: true },
      { name: "sortOrder", label: "Order", value: (item) => item.sortOrder, sortable: true },
      { name: "hidden", label: "Hidden", value: (item) => item.hidden },
    ],
    searchFields: ["title", "URL"],
    filters: [],
    defaultOrdering: "sortOrder",
    perPage: 200,
    form: {
      schema: NavItemInputSchema,
      fields: [
        { name: "treeId", label: "Tree", widget: "select", required: true },
        { name: "parentId", label: "Parent", widget: "select", help: "Leave empty for a top-level item." },
        {
          name: "title",
          label: "Title",
          widget: "text",
          required: true,
          maxLength: 100,
          help: "{{ request.user.username }} is replaced by the visitor's user name; no other template code is allowed.",
        },
        { name: "hint", label: "Hint", widget: "text", maxLength: 200, help: "Shown as the link's tooltip." },
        {
          name: "url",
          label: "URL",
          widget: "text",
          required: true,
          maxLength: 200,
          help: "A path such as /about/apps/, a full URL, or a legacy URL name such as jobs:job_list when “URL as pattern” is ticked.",
        },
        flag("urlAsPattern", "URL as pattern", "The URL is a legacy URL name with optional arguments, e.g. users:user_detail request.user.username."),
        {
          name: "alias",
          label: "Alias",
          widget: "text",
          maxLength: 80,
          help: "Unique in the tree; python-meta and psf-meta are the main menus, python-footer appears in the footer only.",
        },
        { name: "description", label: "Description", widget: "textarea" },
        { name: "sortOrder", label: "Sort order", widget: "number", help: "Smaller numbers come first among siblings." },
        flag("hidden", "Hidden", "Hidden items appear nowhere."),
        flag("inMenu", "Show in menus"),
        flag("inBreadcrumbs", "Show in breadcrumbs"),
        flag("inSitemap", "Show in the site map"),
        flag("accessLoggedIn", "Signed-in visitors only"),
        flag("accessGuest", "Guests only"),
        flag("accessRestricted", "Restrict by permissions"),
        {
          name: "accessPermType",
          label: "Permissions needed",
          widget: "select",
          choices: [
            { value: "1", label: "Any of them" },
            { value: "2", label: "All of them" },
          ],
        },
        { name: "permissions", label: "Permissions", widget: "checkboxes" },
      ],
    },
    initialValues: { inMenu: true, inBreadcrumbs: true, inSitemap: true, accessPermType: "1", sortOrder: "0" },
    bulkActions: [
      { name: "move_up", label: "Move up among siblings", permission: "change", run: ({ ids, onWrite }) => countMoves(pages, ids, "up", onWrite) },
      { name: "move_down", label: "Move down among siblings", permission: "change", run: ({ ids, onWrite }) => countMoves(pages, ids, "down", onWrite) },
    ],
    async loadChoices() {
      const choices = await pages.itemChoices();
      return { treeId: choices.trees, parentId: choices.parents, permissions: choices.permissions };
    },
    async list({ query }) {
      const { items, total } = await pages.searchItems({
        q: query.search,
        offset: query.offset,
        limit: query.limit,
        orderBy: { field: sortField(query.ordering.field), direction: query.ordering.direction },
      });
      return { rows: items, total };
    },
    load: ({ id }) => pages.getItem({ id }),
    create: ({ input, onWrite }) => pages.saveItem({ input, onWrite }),
    update: ({ id, input, onWrite }) => pages.saveItem({ id, input, onWrite }),
    delete: ({ id, onWrite }) => pages.deleteItem({ id, onWrite }),
    toFormValues: (item) => ({
      treeId: String(item.treeId),
      parentId: item.parentId === null ? "" : String(item.parentId),
      title: item.title,
      hint: item.hint,
      url: item.url,
      urlAsPattern: item.urlAsPattern,
      alias: item.alias ?? "",
      description: item.description,
      sortOrder: String(item.sortOrder),
      hidden: item.hidden,
      inMenu: item.inMenu,
      inBreadcrumbs: item.inBreadcrumbs,
      inSitemap: item.inSitemap,
      accessLoggedIn: item.accessLoggedIn,
      accessGuest: item.accessGuest,
      accessRestricted: item.accessRestricted,
      accessPermType: String(item.accessPermType),
      permissions: item.permissions,
    }),
    idOf: (item) => item.id,
    toRepr: (item) => item.trail.slice(0, 200),
    toAuditSnapshot: ({ trail: _trail, treeAlias: _alias, ...item }) => item,
  });
}

async function countMoves(pages: PagesService, ids: number[], direction: "up" | "down", onWrite: Parameters<PagesService["moveItem"]>[0]["onWrite"]): Promise<number> {
  let moved = 0;
  for (const id of ids) if (await pages.moveItem({ id, direction, onWrite })) moved += 1;
  return moved;
}
