// Editor redirects in the admin at the legacy address /admin/redirects/redirect/
// (django.contrib.redirects): an old path and its new path, empty for 410 Gone.
import { defineAdminResource } from "../../../core/admin/index.ts";
import { type RedirectInput, RedirectInputSchema } from "../schemas.ts";
import type { PagesService } from "../service.ts";
import type { RedirectView } from "../service/redirects.ts";

const SORTS = ["oldPath", "newPath", "updated"] as const;
const sortField = (field: string) => ((SORTS as readonly string[]).includes(field) ? (field as (typeof SORTS)[number]) : "oldPath");

export function redirectsAdmin(pages: PagesService) {
  return defineAdminResource<RedirectView, RedirectInput>({
    appLabel: "redirects",
    model: "redirect",
    verboseName: "redirect",
    verboseNamePlural: "redirects",
    listColumns: [
      { name: "oldPath", label: "Redirect from", value: (row) => row.oldPath, sortable: true },
      { name: "newPath", label: "Redirect to", value: (row) => row.newPath || "410 Gone", sortable: true },
      { name: "updated", label: "Updated", value: (row) => row.updated, sortable: true },
    ],
    searchFields: ["old path", "new path"],
    filters: [],
    defaultOrdering: "oldPath",
    perPage: 100,
    form: {
      schema: RedirectInputSchema,
      fields: [
        {
          name: "oldPath",
          label: "Redirect from",
          widget: "text",
          required: true,
          maxLength: 200,
          help: "An absolute path without the domain, e.g. /events/search/. Checked only when no page answers at that address.",
        },
        {
          name: "newPath",
          label: "Redirect to",
          widget: "text",
          maxLength: 200,
          help: "A path such as /events/ or a full URL starting with https://. Leave empty to answer 410 Gone.",
        },
      ],
    },
    async list({ query }) {
      const { items, total } = await pages.searchRedirects({
        q: query.search,
        offset: query.offset,
        limit: query.limit,
        orderBy: { field: sortField(query.ordering.field), direction: query.ordering.direction },
      });
      return { rows: items, total };
    },
    load: ({ id }) => pages.getRedirect({ id }),
    create: ({ input, onWrite }) => pages.saveRedirect({ input, onWrite }),
    update: ({ id, input, onWrite }) => pages.saveRedirect({ id, input, onWrite }),
    delete: ({ id, onWrite }) => pages.deleteRedirect({ id, onWrite }),
    toFormValues: (row) => ({ oldPath: row.oldPath, newPath: row.newPath }),
    idOf: (row) => row.id,
    toRepr: (row) => `${row.oldPath} → ${row.newPath || "410 Gone"}`.slice(0, 200),
    toAuditSnapshot: (row) => ({ oldPath: row.oldPath, newPath: row.newPath }),
  });
}
