// Putting a page into its section's navigation from the page form (legacy editors made a
// second trip to the sitetree admin for this): the menu items a page can hang under, and
// the link item itself, written in the page's own transaction.
import type { Db } from "../../../core/db/client.ts";
import type { Tx } from "../../../core/db/write-hook.ts";
import { AppError } from "../../../core/errors.ts";
import { MAIN_TREE } from "./navigation.ts";

export interface NavParentChoice {
  value: string;
  /** The item's trail, e.g. "Python › About". */
  label: string;
  /** The item's URL, so the form can suggest the section of a typed path. */
  url: string;
}

/** Sections (depth 1, "Python › About") and their sub-items (depth 2): what the section sidebar shows. */
const SIDEBAR_DEPTHS = new Set([1, 2]);

export function createNavigationPlacement(deps: { db: Db }) {
  const { db } = deps;

  /** Main-tree items a page can be listed under, in menu order, labelled by their trail. */
  async function navParentChoices(): Promise<NavParentChoice[]> {
    const tree = await db.navTree.findUnique({ where: { alias: MAIN_TREE }, select: { id: true } });
    if (!tree) return [];
    const items = await db.navItem.findMany({
      where: { treeId: tree.id },
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      select: { id: true, parentId: true, title: true, url: true, urlAsPattern: true },
    });
    const byId = new Map(items.map((item) => [item.id, item]));
    const chain = (id: number): typeof items => {
      const out: typeof items = [];
      for (let item = byId.get(id); item && out.length < 20; item = item.parentId === null ? undefined : byId.get(item.parentId)) out.unshift(item);
      return out;
    };
    // Depth-first in menu order, so sub-items follow their section.
    const ordered: typeof items = [];
    const visit = (parentId: number | null) => {
      for (const item of items.filter((candidate) => candidate.parentId === parentId)) {
        ordered.push(item);
        visit(item.id);
      }
    };
    visit(null);
    return ordered
      .map((item) => ({ item, trail: chain(item.id) }))
      .filter(({ trail }) => SIDEBAR_DEPTHS.has(trail.length - 1))
      .map(({ item, trail }) => ({ value: String(item.id), label: trail.map((step) => step.title).join(" › "), url: item.urlAsPattern ? "" : item.url }));
  }

  /**
   * Adds a menu item linking `url` as the last child of `parentId`, unless that parent already
   * links it. Runs in the caller's transaction; VALIDATION (field `navParentId`) when the parent is gone.
   */
  async function placePage(tx: Tx, options: { parentId: number; title: string; url: string }): Promise<void> {
    const parent = await tx.navItem.findUnique({ where: { id: options.parentId }, select: { treeId: true } });
    if (!parent) throw new AppError("VALIDATION", "That menu item no longer exists.", { fields: { navParentId: ["That menu item no longer exists; choose another."] } });
    const siblings = await tx.navItem.findMany({ where: { parentId: options.parentId }, select: { url: true, sortOrder: true } });
    if (siblings.some((sibling) => sibling.url === options.url)) return;
    const sortOrder = siblings.reduce((max, sibling) => Math.max(max, sibling.sortOrder), 0) + 1;
    await tx.navItem.create({ data: { treeId: parent.treeId, parentId: options.parentId, title: options.title.slice(0, 100), url: options.url, sortOrder } });
  }

  return { navParentChoices, placePage };
}
