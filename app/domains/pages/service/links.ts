// The link checker's data: what it scans among the pages domain's own content (published
// pages and every menu item a visitor can reach) and the results table the admin report reads.
import type { Db, Prisma } from "../../../core/db/client.ts";
import type { WriteHook } from "../../../core/db/write-hook.ts";
import { AppError } from "../../../core/errors.ts";
import type { CurrentUser } from "../../../core/http/env.ts";
import type { LinkResult, LinkSource } from "../jobs/link-checker.ts";
import { pageUrl } from "../schemas/paths.ts";
import type { NavigationReader } from "./navigation.ts";
import { flatten, resolveTree, type ResolvedItem } from "./navigation-tree.ts";
import type { PageStore } from "./pages.ts";

export interface LinkCheckView {
  id: number;
  sourceType: string;
  sourceId: number;
  sourceLabel: string;
  sourceUrl: string;
  target: string;
  internal: boolean;
  status: number | null;
  ok: boolean;
  error: string;
  checkedAt: Date;
}

const select = {
  id: true,
  sourceType: true,
  sourceId: true,
  sourceLabel: true,
  sourceUrl: true,
  target: true,
  internal: true,
  status: true,
  ok: true,
  error: true,
  checkedAt: true,
} satisfies Prisma.LinkCheckSelect;

/** A viewer who passes every access rule but has no username, so per-user links are left out. */
const EVERY_ITEM_VIEWER: CurrentUser = { id: 0, username: "", email: "", isStaff: true, isSuperuser: true, permissions: new Set(), groups: [] };

export const LINK_SORT_FIELDS = ["sourceLabel", "target", "status", "checkedAt"] as const;

export function createLinkStore(deps: { db: Db; pages: PageStore; navigation: NavigationReader }) {
  const { db } = deps;

  /** Every published page body and every reachable menu item (guests' and members' alike), as link sources. */
  async function contentLinkSources(): Promise<LinkSource[]> {
    const sources: LinkSource[] = [];
    for await (const batch of deps.pages.publishedPages()) {
      for (const page of batch) {
        if (!page.contentType.startsWith("text/html")) continue;
        sources.push({ type: "page", id: page.id, label: page.title, url: pageUrl(page.path), basePath: pageUrl(page.path), html: page.html });
      }
    }
    const trees = await db.navTree.findMany({ select: { alias: true }, orderBy: { id: "asc" } });
    for (const { alias } of trees) {
      const tree = await deps.navigation.loadTree({ alias });
      if (!tree) continue;
      const items = new Map<number, ResolvedItem>();
      for (const viewer of [null, EVERY_ITEM_VIEWER]) for (const item of flatten(resolveTree(tree, viewer))) items.set(item.id, item);
      for (const item of items.values()) {
        sources.push({ type: "nav", id: item.id, label: item.title, url: `/admin/sitetree/treeitem/${item.id}/change/`, basePath: "/", links: [item.url] });
      }
    }
    return sources;
  }

  /** Replaces the stored results with this run's, in one transaction. */
  async function replaceLinkResults(options: { results: LinkResult[]; checkedAt: Date }): Promise<void> {
    await db.$transaction(async (tx) => {
      await tx.linkCheck.deleteMany({});
      for (let start = 0; start < options.results.length; start += 500) {
        await tx.linkCheck.createMany({ data: options.results.slice(start, start + 500).map((result) => ({ ...result, checkedAt: options.checkedAt })) });
      }
    });
  }

  /** One page of results for the admin report, broken ones unless `ok` says otherwise. */
  async function searchLinkResults(options: {
    q?: string;
    ok?: boolean;
    sourceType?: string;
    offset: number;
    limit: number;
    orderBy: { field: (typeof LINK_SORT_FIELDS)[number]; direction: "asc" | "desc" };
  }): Promise<{ items: LinkCheckView[]; total: number }> {
    const q = options.q?.trim();
    const where: Prisma.LinkCheckWhereInput = {
      AND: [
        options.ok === undefined ? {} : { ok: options.ok },
        options.sourceType ? { sourceType: options.sourceType } : {},
        q ? { OR: [{ target: { contains: q, mode: "insensitive" } }, { sourceLabel: { contains: q, mode: "insensitive" } }] } : {},
      ],
    };
    const [items, total] = await Promise.all([
      db.linkCheck.findMany({ where, orderBy: [{ [options.orderBy.field]: options.orderBy.direction }, { id: "asc" }], skip: options.offset, take: options.limit, select }),
      db.linkCheck.count({ where }),
    ]);
    return { items, total };
  }

  /** One result, or null. */
  async function getLinkResult(options: { id: number }): Promise<LinkCheckView | null> {
    return db.linkCheck.findUnique({ where: { id: options.id }, select });
  }

  /** Removes one result (an editor dismissing it until the next run). */
  async function deleteLinkResult(options: { id: number; onWrite?: WriteHook<LinkCheckView> }): Promise<void> {
    await db.$transaction(async (tx) => {
      const before = await tx.linkCheck.findUnique({ where: { id: options.id }, select });
      if (!before) throw new AppError("NOT_FOUND", `There is no checked link ${options.id}.`);
      await tx.linkCheck.delete({ where: { id: options.id } });
      await options.onWrite?.(tx, { before, after: null });
    });
  }

  return { contentLinkSources, replaceLinkResults, searchLinkResults, getLinkResult, deleteLinkResult };
}

export type LinkStore = ReturnType<typeof createLinkStore>;
