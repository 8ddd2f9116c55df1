// The editor-managed menu trees (legacy django-sitetree 1.18) as plain data: `prepareTree`
// checks each stored item once (URL patterns, template variables in titles, unsafe URLs)
// and `resolveTree` applies one visitor's access rules, as sitetree's check_access does.
import { hasPermission } from "../../../core/auth/permissions.ts";
import type { CurrentUser } from "../../../core/http/env.ts";
import { parseUrlPattern, resolveUrlPattern, type UrlPattern } from "./navigation-patterns.ts";

/** One stored menu item, as the navigation service caches it. */
export interface NavItemRecord {
  id: number;
  parentId: number | null;
  title: string;
  hint: string;
  url: string;
  urlAsPattern: boolean;
  hidden: boolean;
  alias: string | null;
  inMenu: boolean;
  inBreadcrumbs: boolean;
  inSitemap: boolean;
  accessLoggedIn: boolean;
  accessGuest: boolean;
  accessRestricted: boolean;
  /** 1 = any of `permissions`, 2 = all of them. */
  accessPermType: number;
  sortOrder: number;
  /** `<appLabel>.<codename>`. */
  permissions: string[];
}

interface PreparedItem extends NavItemRecord {
  link: { url: string } | { pattern: UrlPattern };
  /** The title holds `{{ request.user.username }}`, substituted as plain text. */
  personalTitle: boolean;
  children: PreparedItem[];
}

export interface PreparedTree {
  roots: PreparedItem[];
  /** Why items were dropped, for the log (logged once per cache fill). */
  problems: string[];
}

/** One item as a visitor sees it. */
export interface ResolvedItem {
  id: number;
  title: string;
  hint: string;
  url: string;
  alias: string | null;
  inMenu: boolean;
  inBreadcrumbs: boolean;
  inSitemap: boolean;
  depth: number;
  parent: ResolvedItem | null;
  children: ResolvedItem[];
}

const TEMPLATE_TAG = /\{\{.*?\}\}|\{%.*?%\}/g;
const USERNAME_TAG = /^\{\{\s*request\.user\.username\s*\}\}$/;
const SAFE_URL = /^(?:https?:\/\/|mailto:|\/|#|[^:]*$)/i;

function checkTitle(title: string): { personal: boolean } | { error: string } {
  const tags = title.match(TEMPLATE_TAG) ?? [];
  if (tags.length === 0 && !/\{\{|\{%/.test(title)) return { personal: false };
  if (tags.length > 0 && tags.every((tag) => USERNAME_TAG.test(tag))) return { personal: true };
  return { error: `title "${title}" uses template code other than {{ request.user.username }}` };
}

function prepareItem(record: NavItemRecord): Omit<PreparedItem, "children"> | { error: string } {
  const title = checkTitle(record.title);
  if ("error" in title) return title;
  if (record.urlAsPattern) {
    const pattern = parseUrlPattern(record.url);
    if ("error" in pattern) return pattern;
    return { ...record, link: { pattern }, personalTitle: title.personal };
  }
  const url = record.url.trim();
  if (!SAFE_URL.test(url)) return { error: `URL "${record.url}" has a scheme other than http, https or mailto` };
  return { ...record, link: { url }, personalTitle: title.personal };
}

const byOrder = (a: NavItemRecord, b: NavItemRecord) => a.sortOrder - b.sortOrder || a.id - b.id;

/** Builds the item hierarchy; items that cannot be shown are dropped with their descendants, and named in `problems`. */
export function prepareTree(records: NavItemRecord[]): PreparedTree {
  const problems: string[] = [];
  const prepared = new Map<number, PreparedItem>();
  for (const record of records) {
    const item = prepareItem(record);
    if ("error" in item) problems.push(`menu item ${record.id} dropped: ${item.error}`);
    else prepared.set(record.id, { ...item, children: [] });
  }
  const roots: PreparedItem[] = [];
  for (const item of [...prepared.values()].sort(byOrder)) {
    if (item.parentId === null) roots.push(item);
    else prepared.get(item.parentId)?.children.push(item);
  }
  return { roots, problems };
}

/** sitetree's check_access: logged-in only, guests only, and permission-restricted items. */
function canSee(item: NavItemRecord, user: CurrentUser | null): boolean {
  if (item.accessLoggedIn && !user) return false;
  if (item.accessGuest && user) return false;
  if (!item.accessRestricted) return true;
  if (!user) return false;
  const held = (permission: string) => hasPermission(user, permission);
  return item.accessPermType === 2 ? item.permissions.every(held) : item.permissions.some(held);
}

function resolveItem(item: PreparedItem, user: CurrentUser | null, parent: ResolvedItem | null): ResolvedItem | null {
  if (item.hidden || !canSee(item, user)) return null;
  const username = user?.username ?? null;
  const url = "url" in item.link ? item.link.url : resolveUrlPattern(item.link.pattern, { username });
  if (url === null) return null;
  const title = item.personalTitle ? item.title.replace(TEMPLATE_TAG, username ?? "") : item.title;
  const resolved: ResolvedItem = {
    id: item.id,
    title,
    hint: item.hint,
    url,
    alias: item.alias,
    inMenu: item.inMenu,
    inBreadcrumbs: item.inBreadcrumbs,
    inSitemap: item.inSitemap,
    depth: parent ? parent.depth + 1 : 0,
    parent,
    children: [],
  };
  for (const child of item.children) {
    const shown = resolveItem(child, user, resolved);
    if (shown) resolved.children.push(shown);
  }
  return resolved;
}

/** The tree as `user` (null: an anonymous visitor) may see it: hidden and forbidden items are gone, URLs and titles resolved. */
export function resolveTree(tree: PreparedTree, user: CurrentUser | null): ResolvedItem[] {
  return tree.roots.flatMap((root) => resolveItem(root, user, null) ?? []);
}

/** Every item of a resolved tree in tree order (parents before children). */
export function flatten(items: ResolvedItem[]): ResolvedItem[] {
  return items.flatMap((item) => [item, ...flatten(item.children)]);
}
