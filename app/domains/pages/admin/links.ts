// The broken-links report at /admin/pages/linkcheck/: what the last `pages.check-links`
// run found, broken links first — where each was found (page, box or menu item) and its
// target. Results are written by the checker only; the detail page is read-only.
import { z } from "zod";
import { defineAdminResource } from "../../../core/admin/index.ts";
import { AppError } from "../../../core/errors.ts";
import type { PagesService } from "../service.ts";
import { LINK_SORT_FIELDS, type LinkCheckView } from "../service/links.ts";

const NO_INPUT = z.object({});
const READ_ONLY = ["sourceType", "sourceLabel", "sourceUrl", "target", "outcome", "checkedAt"];
const SOURCE_LABELS: Record<string, string> = { page: "Page", box: "Box", nav: "Menu item" };

const sortField = (field: string) => ((LINK_SORT_FIELDS as readonly string[]).includes(field) ? (field as (typeof LINK_SORT_FIELDS)[number]) : "sourceLabel");
const outcome = (row: LinkCheckView) => (row.ok ? `OK (${row.status})` : row.error || `HTTP ${row.status ?? "?"}`);

function refuse(): never {
  throw new AppError("VALIDATION", "The link checker writes these results; run it again to refresh them.");
}

export function linksAdmin(pages: PagesService) {
  return defineAdminResource<LinkCheckView, Record<string, never>>({
    appLabel: "pages",
    model: "linkcheck",
    verboseName: "checked link",
    verboseNamePlural: "checked links",
    listColumns: [
      { name: "sourceLabel", label: "Found on", value: (row) => `${SOURCE_LABELS[row.sourceType] ?? row.sourceType}: ${row.sourceLabel}`, sortable: true },
      { name: "target", label: "Link", value: (row) => row.target, sortable: true },
      { name: "status", label: "Result", value: outcome, sortable: true },
      { name: "checkedAt", label: "Checked", value: (row) => row.checkedAt, sortable: true },
    ],
    searchFields: ["link", "page title, box label or menu item"],
    filters: [
      {
        name: "result",
        label: "Result",
        choices: [
          { value: "broken", label: "Broken (default)" },
          { value: "working", label: "Working" },
          { value: "all", label: "All" },
        ],
      },
      { name: "source", label: "Found in", choices: Object.entries(SOURCE_LABELS).map(([value, label]) => ({ value, label })) },
    ],
    defaultOrdering: "sourceLabel",
    perPage: 100,
    form: {
      schema: NO_INPUT as unknown as z.ZodType<Record<string, never>>,
      fields: [
        { name: "sourceType", label: "Found in", widget: "text" },
        { name: "sourceLabel", label: "Found on", widget: "text" },
        { name: "sourceUrl", label: "Where to fix it", widget: "text" },
        { name: "target", label: "Link", widget: "text" },
        { name: "outcome", label: "Result", widget: "text" },
        { name: "checkedAt", label: "Checked at", widget: "text" },
      ],
    },
    lockedFields: () => READ_ONLY,
    async list({ query }) {
      const result = query.filters.result ?? "broken";
      const { items, total } = await pages.searchLinkResults({
        q: query.search,
        ok: result === "all" ? undefined : result === "working",
        sourceType: query.filters.source,
        offset: query.offset,
        limit: query.limit,
        orderBy: { field: sortField(query.ordering.field), direction: query.ordering.direction },
      });
      return { rows: items, total };
    },
    load: ({ id }) => pages.getLinkResult({ id }),
    create: refuse,
    update: refuse,
    delete: ({ id, onWrite }) => pages.deleteLinkResult({ id, onWrite }),
    toFormValues: (row) => ({
      sourceType: SOURCE_LABELS[row.sourceType] ?? row.sourceType,
      sourceLabel: row.sourceLabel,
      sourceUrl: row.sourceUrl,
      target: row.target,
      outcome: outcome(row),
      checkedAt: row.checkedAt.toISOString(),
    }),
    idOf: (row) => row.id,
    toRepr: (row) => `${row.sourceLabel} → ${row.target}`.slice(0, 200),
    toAuditSnapshot: (row) => ({ sourceType: row.sourceType, sourceId: row.sourceId, target: row.target, ok: row.ok, status: row.status }),
  });
}
