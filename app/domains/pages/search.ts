// Published CMS pages as search documents (legacy apps/pages/search_indexes.py indexed
// published pages only): title, headings, body text, and the first path segment as the
// section facet.
import { documentId, type SearchSource } from "../../core/search/sources.ts";
import type { SearchDocument } from "../../core/search/types.ts";
import { pageSection, pageUrl } from "./schemas/paths.ts";
import { PAGE_SEARCH_TYPE, type PageStore } from "./service/pages.ts";
import type { PageView } from "./service/views.ts";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", nbsp: " " };

/** The text of sanitised HTML: tags dropped, common entities decoded, whitespace collapsed. */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (_, name: string) => ENTITIES[name] ?? "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The text of every h1–h6, one heading per line. */
export function headingsText(html: string): string {
  return [...html.matchAll(/<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/gi)]
    .map((match) => htmlText(match[1]!))
    .filter(Boolean)
    .join("\n");
}

export function toSearchDocument(page: PageView): SearchDocument {
  const html = page.contentType.startsWith("text/html") ? page.html : "";
  return {
    id: documentId(PAGE_SEARCH_TYPE, page.id),
    type: PAGE_SEARCH_TYPE,
    title: page.title,
    headings: headingsText(html),
    body: html ? htmlText(html) : page.content,
    url: pageUrl(page.path),
    section: pageSection(page.path),
    date: page.updated,
  };
}

/** The "page" search source: published pages only; a draft or deleted page is removed from the index. */
export function pagesSearchSource(pages: Pick<PageStore, "findPublishedPage" | "publishedPages">): SearchSource {
  return {
    type: PAGE_SEARCH_TYPE,
    label: "Pages",
    async load(id) {
      if (!/^\d{1,10}$/.test(id)) return null;
      const page = await pages.findPublishedPage({ id: Number(id) });
      return page ? toSearchDocument(page) : null;
    },
    async *all() {
      for await (const batch of pages.publishedPages()) yield batch.map(toSearchDocument);
    },
  };
}
