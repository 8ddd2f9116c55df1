// Legacy migrator for django-sitetree 1.18 (sitetree_tree, sitetree_treeitem and its
// access_permissions M2M): ids, parents, sort order, visibility flags and url-as-pattern
// are kept as they are; the new site maps pattern URLs to its routes when rendering.
import { LEGACY_PERMISSION_NAMES, permissionName, resolvePermissionIds, unresolvedPermissionReason } from "../../../core/legacy/permissions.ts";
import { existingIds, syncRows, takenByOthers, type TargetRow } from "../../../core/legacy/sync.ts";
import type { BatchContext, LegacyRow, MigrationStep } from "../../../core/legacy/types.ts";

const ITEM_COLUMNS = [
  "tree_id",
  "title",
  "hint",
  "url",
  "url_as_pattern",
  "hidden",
  "alias",
  "description",
  "in_menu",
  "in_breadcrumbs",
  "in_sitemap",
  "access_logged_in",
  "access_guest",
  "access_restricted",
  "access_perm_type",
  "sort_order",
];

function toItem(row: LegacyRow): TargetRow {
  return {
    id: row.id,
    tree_id: row.tree_id,
    parent_id: row.parent_id,
    title: row.title,
    hint: row.hint,
    url: row.url,
    url_as_pattern: row.urlaspattern,
    hidden: row.hidden,
    // sitetree allows NULL and '' (one '' per tree); NULL is the one "no alias" value here.
    alias: row.alias === "" ? null : row.alias,
    description: row.description,
    in_menu: row.inmenu,
    in_breadcrumbs: row.inbreadcrumbs,
    in_sitemap: row.insitetree,
    access_logged_in: row.access_loggedin,
    access_guest: row.access_guest,
    access_restricted: row.access_restricted,
    access_perm_type: row.access_perm_type,
    sort_order: row.sort_order,
  };
}

async function writeTrees(rows: LegacyRow[], ctx: BatchContext): Promise<void> {
  const trees = rows.map((row) => ({ id: row.id, alias: row.alias, title: row.title }));
  const taken = await takenByOthers(ctx.target, { table: "nav_trees", columns: ["alias"], key: "id" }, trees);
  if (taken.size > 0) ctx.tally.skip("tree alias already used by another tree on the new site", taken.size);
  await syncRows(
    ctx,
    { table: "nav_trees", key: ["id"], columns: ["alias", "title"] },
    trees.filter((tree) => !taken.has(tree)),
  );
}

/**
 * Items are written in id order, but a parent may have a higher id than its child; such
 * parents are linked by the second pass (`sitetree_treeitem.parent_id`) once every item exists.
 */
async function writeItems(rows: LegacyRow[], ctx: BatchContext): Promise<void> {
  const trees = await existingIds(
    ctx.target,
    "nav_trees",
    rows.map((row) => row.tree_id as number),
  );
  const items = rows.filter((row) => trees.has(row.tree_id as number)).map(toItem);
  if (items.length < rows.length) ctx.tally.skip("tree not on the new site (skipped above)", rows.length - items.length);
  const emptyAliases = rows.filter((row) => row.alias === "" && trees.has(row.tree_id as number)).length;
  if (emptyAliases > 0) ctx.tally.note("empty alias stored as NULL (unique per tree)", emptyAliases);
  const taken = await takenByOthers(ctx.target, { table: "nav_items", columns: ["tree_id", "alias"], key: "id" }, items);
  if (taken.size > 0) ctx.tally.skip("alias already used in the tree by another item on the new site", taken.size);
  const free = items.filter((item) => !taken.has(item));
  const present = await existingIds(
    ctx.target,
    "nav_items",
    free.map((item) => item.parent_id as number),
  );
  const inBatch = new Set(free.map((item) => item.id));
  const linkable = (item: TargetRow) => item.parent_id === null || present.has(item.parent_id as number) || inBatch.has(item.parent_id);
  // Unlinkable items first: a linkable item of this batch may hang under one of them.
  await syncRows(
    ctx,
    { table: "nav_items", key: ["id"], columns: ITEM_COLUMNS },
    free.filter((item) => !linkable(item)),
  );
  await syncRows(ctx, { table: "nav_items", key: ["id"], columns: [...ITEM_COLUMNS, "parent_id"] }, free.filter(linkable));
}

async function writeParents(rows: LegacyRow[], ctx: BatchContext): Promise<void> {
  const present = await existingIds(
    ctx.target,
    "nav_items",
    rows.flatMap((row) => [row.id as number, (row.parent_id as number | null) ?? 0]),
  );
  const items = rows.filter((row) => present.has(row.id as number) && (row.parent_id === null || present.has(row.parent_id as number)));
  if (items.length < rows.length) ctx.tally.skip("item or its parent not on the new site (skipped above)", rows.length - items.length);
  await syncRows(
    ctx,
    { table: "nav_items", key: ["id"], columns: ["parent_id"] },
    items.map((row) => ({ id: row.id, parent_id: row.parent_id })),
  );
}

async function writeAccessPermissions(rows: LegacyRow[], ctx: BatchContext): Promise<void> {
  const items = await existingIds(
    ctx.target,
    "nav_items",
    rows.map((row) => row.item_id as number),
  );
  const ids = await resolvePermissionIds(ctx.target, rows);
  const links = new Map<string, TargetRow>();
  for (const row of rows) {
    const permissionId = row.app_label == null ? undefined : ids.get(permissionName(String(row.app_label), String(row.codename)));
    if (!items.has(row.item_id as number)) ctx.tally.skip("item not on the new site (skipped above)");
    else if (permissionId === undefined) ctx.tally.skip(unresolvedPermissionReason(row));
    else if (links.has(`${String(row.item_id)}:${permissionId}`)) ctx.tally.skip("same link twice once permissions are matched by app label and codename");
    else links.set(`${String(row.item_id)}:${permissionId}`, { item_id: row.item_id, permission_id: permissionId });
  }
  await syncRows(ctx, { table: "nav_item_permissions", key: ["item_id", "permission_id"], columns: [] }, [...links.values()]);
}

/** The sitetree menus (trees, items, parents, access permissions); items need users' permissions. */
export const navigationSteps: MigrationStep[] = [
  { table: "sitetree_tree", target: "nav_trees", query: `SELECT t.id AS key, t.* FROM sitetree_tree AS t`, sequences: ["nav_trees"], write: writeTrees },
  { table: "sitetree_treeitem", target: "nav_items", query: `SELECT i.id AS key, i.* FROM sitetree_treeitem AS i`, sequences: ["nav_items"], write: writeItems },
  {
    name: "sitetree_treeitem.parent_id",
    table: "sitetree_treeitem",
    target: "nav_items.parent_id",
    query: `SELECT i.id AS key, i.id, i.parent_id FROM sitetree_treeitem AS i`,
    write: writeParents,
  },
  {
    table: "sitetree_treeitem_access_permissions",
    alsoReads: ["auth_permission", "django_content_type"],
    target: "nav_item_permissions",
    query: `SELECT link.id AS key, link.treeitem_id AS item_id, ct.app_label, perm.codename
            FROM sitetree_treeitem_access_permissions AS link ${LEGACY_PERMISSION_NAMES}`,
    write: writeAccessPermissions,
  },
];
