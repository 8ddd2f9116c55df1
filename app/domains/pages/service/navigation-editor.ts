// Editing the navigation (the admin's menu trees and items, legacy sitetree admin): every
// write runs in a transaction with the caller's audit hook and then invalidates the cached
// trees, so the next page view shows the change.
import type { Db, Prisma } from "../../../core/db/client.ts";
import type { Tx, WriteHook } from "../../../core/db/write-hook.ts";
import { AppError, toAppError } from "../../../core/errors.ts";
import { type NavItemInput, NavItemInputSchema, type NavTreeInput, NavTreeInputSchema } from "../schemas.ts";
import { parseInput } from "./validation.ts";

export interface NavTreeView {
  id: number;
  alias: string;
  title: string;
}

export interface NavItemView extends Omit<NavItemInput, "permissions" | "accessPermType"> {
  accessPermType: number;
  id: number;
  treeAlias: string;
  permissions: string[];
  /** Ancestors and the item, e.g. "Python › About › Applications". */
  trail: string;
}

const itemSelect = {
  id: true,
  treeId: true,
  parentId: true,
  title: true,
  hint: true,
  url: true,
  urlAsPattern: true,
  hidden: true,
  alias: true,
  description: true,
  inMenu: true,
  inBreadcrumbs: true,
  inSitemap: true,
  accessLoggedIn: true,
  accessGuest: true,
  accessRestricted: true,
  accessPermType: true,
  sortOrder: true,
  tree: { select: { alias: true } },
  permissions: { select: { permission: { select: { appLabel: true, codename: true } } } },
} satisfies Prisma.NavItemSelect;

type ItemRow = Prisma.NavItemGetPayload<{ select: typeof itemSelect }>;

async function trailOf(db: Db | Tx, row: { parentId: number | null; title: string }): Promise<string> {
  const titles = [row.title];
  const seen = new Set<number>();
  for (let parentId = row.parentId; parentId !== null && !seen.has(parentId);) {
    seen.add(parentId);
    const parent = await db.navItem.findUnique({ where: { id: parentId }, select: { title: true, parentId: true } });
    if (!parent) break;
    titles.unshift(parent.title);
    parentId = parent.parentId;
  }
  return titles.join(" › ");
}

async function toItemView(db: Db | Tx, row: ItemRow): Promise<NavItemView> {
  const { tree, permissions, ...rest } = row;
  return { ...rest, treeAlias: tree.alias, permissions: permissions.map(({ permission }) => `${permission.appLabel}.${permission.codename}`), trail: await trailOf(db, row) };
}

async function permissionIds(tx: Tx, names: string[]): Promise<number[]> {
  const pairs = names.map((name) => name.split(".", 2) as [string, string]);
  const rows =
    pairs.length === 0
      ? []
      : await tx.permission.findMany({ where: { OR: pairs.map(([appLabel, codename]) => ({ appLabel, codename })) }, select: { id: true, appLabel: true, codename: true } });
  const unknown = names.filter((name) => !rows.some((row) => `${row.appLabel}.${row.codename}` === name));
  if (unknown.length > 0) throw new AppError("VALIDATION", "Unknown permissions.", { fields: { permissions: [`Unknown: ${unknown.join(", ")}.`] } });
  return rows.map((row) => row.id);
}

/** The parent must be in the same tree and must not be the item or one of its descendants. */
async function checkParent(tx: Tx, id: number | null, input: NavItemInput): Promise<void> {
  if (input.parentId === null) return;
  const fail = (message: string) => new AppError("VALIDATION", message, { fields: { parentId: [message] } });
  for (let cursor: number | null = input.parentId, hops = 0; cursor !== null; hops += 1) {
    if (cursor === id || hops > 100) throw fail("An item cannot be placed under itself or one of its own sub-items.");
    const parent: { treeId: number; parentId: number | null } | null = await tx.navItem.findUnique({ where: { id: cursor }, select: { treeId: true, parentId: true } });
    if (!parent) throw fail("Select a valid choice.");
    if (cursor === input.parentId && parent.treeId !== input.treeId) throw fail("The parent must be in the same tree.");
    cursor = parent.parentId;
  }
}

function conflictOnAlias(error: unknown): never {
  const appError = toAppError(error);
  if (appError?.code === "CONFLICT") throw new AppError("CONFLICT", "This alias is already used.", { fields: { alias: ["This alias is already used in the tree."] } });
  throw appError ?? error;
}

export function createNavigationEditor(deps: { db: Db; invalidate: () => Promise<void> }) {
  const { db } = deps;

  /** Every tree, ordered by alias. */
  async function listTrees(): Promise<NavTreeView[]> {
    return db.navTree.findMany({ orderBy: { alias: "asc" }, select: { id: true, alias: true, title: true } });
  }

  /** The tree with this id, or null. */
  async function getTree(options: { id: number }): Promise<NavTreeView | null> {
    return db.navTree.findUnique({ where: { id: options.id }, select: { id: true, alias: true, title: true } });
  }

  /** Creates (no `id`) or updates a tree; CONFLICT on a taken alias. */
  async function saveTree(options: { id?: number; input: NavTreeInput; onWrite?: WriteHook<NavTreeView> }): Promise<NavTreeView> {
    const input = parseInput(NavTreeInputSchema, options.input);
    const saved = await db
      .$transaction(async (tx) => {
        const before = options.id === undefined ? null : await tx.navTree.findUnique({ where: { id: options.id }, select: { id: true, alias: true, title: true } });
        if (options.id !== undefined && !before) throw new AppError("NOT_FOUND", `There is no menu tree ${options.id}.`);
        const after = before
          ? await tx.navTree.update({ where: { id: before.id }, data: input, select: { id: true, alias: true, title: true } })
          : await tx.navTree.create({ data: input, select: { id: true, alias: true, title: true } });
        await options.onWrite?.(tx, { before, after });
        return after;
      })
      .catch(conflictOnAlias);
    await deps.invalidate();
    return saved;
  }

  /** Deletes a tree with all its items. */
  async function deleteTree(options: { id: number; onWrite?: WriteHook<NavTreeView> }): Promise<void> {
    await db.$transaction(async (tx) => {
      const before = await tx.navTree.findUnique({ where: { id: options.id }, select: { id: true, alias: true, title: true } });
      if (!before) throw new AppError("NOT_FOUND", `There is no menu tree ${options.id}.`);
      await tx.navTree.delete({ where: { id: options.id } });
      await options.onWrite?.(tx, { before, after: null });
    });
    await deps.invalidate();
  }

  /** One page of items in tree order, optionally filtered by tree and title or URL. */
  async function searchItems(options: {
    q?: string;
    treeId?: number;
    offset: number;
    limit: number;
    orderBy: { field: "sortOrder" | "title" | "url"; direction: "asc" | "desc" };
  }) {
    const q = options.q?.trim();
    const where = {
      ...(options.treeId ? { treeId: options.treeId } : {}),
      ...(q ? { OR: [{ title: { contains: q, mode: "insensitive" as const } }, { url: { contains: q, mode: "insensitive" as const } }] } : {}),
    };
    const [rows, total] = await Promise.all([
      db.navItem.findMany({
        where,
        orderBy: [{ treeId: "asc" }, { [options.orderBy.field]: options.orderBy.direction }, { id: "asc" }],
        skip: options.offset,
        take: options.limit,
        select: itemSelect,
      }),
      db.navItem.count({ where }),
    ]);
    return { items: await Promise.all(rows.map((row) => toItemView(db, row))), total };
  }

  /** The item with this id, or null. */
  async function getItem(options: { id: number }): Promise<NavItemView | null> {
    const row = await db.navItem.findUnique({ where: { id: options.id }, select: itemSelect });
    return row ? toItemView(db, row) : null;
  }

  async function writeItem(tx: Tx, id: number | null, input: NavItemInput): Promise<ItemRow> {
    await checkParent(tx, id, input);
    const { permissions, ...fields } = input;
    const ids = await permissionIds(tx, permissions);
    const links = { create: ids.map((permissionId) => ({ permissionId })) };
    if (id === null) return tx.navItem.create({ data: { ...fields, permissions: links }, select: itemSelect });
    await tx.navItemPermission.deleteMany({ where: { itemId: id } });
    return tx.navItem.update({ where: { id }, data: { ...fields, permissions: links }, select: itemSelect });
  }

  /** Creates (no `id`) or updates a menu item with its permissions; the parent stays in the same tree and never loops. */
  async function saveItem(options: { id?: number; input: NavItemInput; onWrite?: WriteHook<NavItemView> }): Promise<NavItemView> {
    const input = parseInput(NavItemInputSchema, options.input);
    const saved = await db
      .$transaction(async (tx) => {
        const beforeRow = options.id === undefined ? null : await tx.navItem.findUnique({ where: { id: options.id }, select: itemSelect });
        if (options.id !== undefined && !beforeRow) throw new AppError("NOT_FOUND", `There is no menu item ${options.id}.`);
        const after = await toItemView(tx, await writeItem(tx, options.id ?? null, input));
        await options.onWrite?.(tx, { before: beforeRow && (await toItemView(tx, beforeRow)), after });
        return after;
      })
      .catch(conflictOnAlias);
    await deps.invalidate();
    return saved;
  }

  /** Deletes an item and its sub-items. */
  async function deleteItem(options: { id: number; onWrite?: WriteHook<NavItemView> }): Promise<void> {
    await db.$transaction(async (tx) => {
      const row = await tx.navItem.findUnique({ where: { id: options.id }, select: itemSelect });
      if (!row) throw new AppError("NOT_FOUND", `There is no menu item ${options.id}.`);
      await tx.navItem.delete({ where: { id: options.id } });
      await options.onWrite?.(tx, { before: await toItemView(tx, row), after: null });
    });
    await deps.invalidate();
  }

  /** Moves an item one place up or down among its siblings (swapping sort orders); false when it is already at that end. */
  async function moveItem(options: { id: number; direction: "up" | "down"; onWrite?: WriteHook<NavItemView> }): Promise<boolean> {
    const moved = await db.$transaction(async (tx) => {
      const item = await tx.navItem.findUnique({ where: { id: options.id }, select: itemSelect });
      if (!item) throw new AppError("NOT_FOUND", `There is no menu item ${options.id}.`);
      const siblings = await tx.navItem.findMany({
        where: { treeId: item.treeId, parentId: item.parentId },
        orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
        select: { id: true, sortOrder: true },
      });
      const index = siblings.findIndex((sibling) => sibling.id === item.id);
      const other = siblings[options.direction === "up" ? index - 1 : index + 1];
      if (!other) return false;
      const mine = other.sortOrder === item.sortOrder ? other.sortOrder + (options.direction === "up" ? -1 : 1) : other.sortOrder;
      await tx.navItem.update({ where: { id: other.id }, data: { sortOrder: item.sortOrder } });
      const after = await tx.navItem.update({ where: { id: item.id }, data: { sortOrder: mine }, select: itemSelect });
      await options.onWrite?.(tx, { before: await toItemView(tx, item), after: await toItemView(tx, after) });
      return true;
    });
    if (moved) await deps.invalidate();
    return moved;
  }

  /** Choices for the item form: trees, possible parents (with their trail) and permissions. */
  async function itemChoices() {
    const [trees, items, permissions] = await Promise.all([
      listTrees(),
      db.navItem.findMany({
        orderBy: [{ treeId: "asc" }, { sortOrder: "asc" }, { id: "asc" }],
        select: { id: true, title: true, parentId: true, tree: { select: { alias: true } } },
      }),
      db.permission.findMany({ orderBy: [{ appLabel: "asc" }, { codename: "asc" }], select: { appLabel: true, codename: true, name: true } }),
    ]);
    const titles = new Map(items.map((item) => [item.id, item]));
    const trail = (id: number | null, depth = 0): string => {
      const item = id === null ? undefined : titles.get(id);
      return item && depth < 20 ? `${item.parentId === null ? "" : `${trail(item.parentId, depth + 1)} › `}${item.title}` : "";
    };
    return {
      trees: trees.map((tree) => ({ value: String(tree.id), label: tree.title ? `${tree.title} (${tree.alias})` : tree.alias })),
      parents: items.map((item) => ({ value: String(item.id), label: `${item.tree.alias}: ${trail(item.id)}` })),
      permissions: permissions.map((permission) => ({ value: `${permission.appLabel}.${permission.codename}`, label: `${permission.appLabel} | ${permission.name}` })),
    };
  }

  return { listTrees, getTree, saveTree, deleteTree, searchItems, getItem, saveItem, deleteItem, moveItem, itemChoices };
}

export type NavigationEditor = ReturnType<typeof createNavigationEditor>;
