// The plain shapes the pages service returns, and the Prisma selects they come from.
import type { Prisma } from "../../../core/db/client.ts";
import { sanitizeMarkupHtml } from "../../../core/markup/sanitize.ts";

export const pageSelect = {
  id: true,
  title: true,
  keywords: true,
  description: true,
  path: true,
  content: true,
  contentMarkupType: true,
  contentRendered: true,
  isPublished: true,
  contentType: true,
  templateName: true,
  created: true,
  updated: true,
} satisfies Prisma.PageSelect;

export type PageRow = Prisma.PageGetPayload<{ select: typeof pageSelect }>;

export interface PageView {
  id: number;
  title: string;
  keywords: string;
  description: string;
  /** As stored: no leading or trailing slash. */
  path: string;
  /** The markup source. */
  content: string;
  contentMarkupType: string;
  /** The rendered body, sanitised: safe to embed. */
  html: string;
  isPublished: boolean;
  contentType: string;
  templateName: string;
  created: Date;
  updated: Date;
}

/** Every body leaves through the sanitiser, including HTML the legacy site stored (it holds scripts). */
export function toPageView(row: PageRow): PageView {
  const { contentRendered, ...rest } = row;
  return { ...rest, html: sanitizeMarkupHtml(contentRendered) };
}

/** A page row as the cache stores it (dates as ISO strings). */
export type CachedPageRow = Omit<PageRow, "created" | "updated"> & { created: string; updated: string };

export function fromCache(row: CachedPageRow): PageRow {
  return { ...row, created: new Date(row.created), updated: new Date(row.updated) };
}

export function toCache(row: PageRow): CachedPageRow {
  return { ...row, created: row.created.toISOString(), updated: row.updated.toISOString() };
}
