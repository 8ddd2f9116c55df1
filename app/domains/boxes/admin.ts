// The boxes admin: editors change home page and supernav snippets here; saving renders
// the markup and invalidates the cached HTML, so pages show the change at once.
import { defineAdminResource } from "../../core/admin/index.ts";
import { toAppError } from "../../core/errors.ts";
import { MARKUP_CHOICES, markupLabel } from "../../core/markup/labels.ts";
import { BOX_SORT_FIELDS, type BoxInput, BoxInputSchema, type BoxSortField } from "./schemas.ts";
import type { BoxesService, BoxView } from "./service.ts";

const sortField = (field: string): BoxSortField => ((BOX_SORT_FIELDS as readonly string[]).includes(field) ? (field as BoxSortField) : "label");

/** The admin registration of boxes, backed by the boxes service. */
export function boxesAdmin(boxes: BoxesService) {
  return defineAdminResource<BoxView, BoxInput>({
    appLabel: "boxes",
    model: "box",
    verboseName: "box",
    verboseNamePlural: "boxes",
    listColumns: [
      { name: "label", label: "Label", value: (box) => box.label, sortable: true },
      { name: "contentMarkupType", label: "Markup type", value: (box) => markupLabel(box.contentMarkupType), sortable: true },
      { name: "updated", label: "Updated", value: (box) => box.updated, sortable: true },
    ],
    searchFields: ["label", "content"],
    filters: [],
    defaultOrdering: "label",
    perPage: 50,
    form: {
      schema: BoxInputSchema,
      fields: [
        { name: "label", label: "Label", widget: "text", required: true, maxLength: 100, help: "Letters, digits, hyphens and underscores; pages find the box by this label." },
        { name: "contentMarkupType", label: "Markup type", widget: "select", required: true, choices: MARKUP_CHOICES },
        { name: "content", label: "Content", widget: "markup", required: true, markupTypeField: "contentMarkupType" },
      ],
    },
    initialValues: { contentMarkupType: "markdown" },
    async list({ query }) {
      const { items, total } = await boxes.searchBoxes({
        q: query.search,
        orderBy: { field: sortField(query.ordering.field), direction: query.ordering.direction },
        offset: query.offset,
        limit: query.limit,
      });
      return { rows: items, total };
    },
    async load({ id }) {
      return boxes.getBoxById({ id }).catch((error: unknown) => {
        if (toAppError(error)?.code === "NOT_FOUND") return null;
        throw error;
      });
    },
    create: ({ user, input, onWrite }) => boxes.saveBoxById({ input, actorId: user.id, onWrite }),
    update: ({ user, id, input, onWrite }) => boxes.saveBoxById({ id, input, actorId: user.id, onWrite }),
    delete: ({ id, onWrite }) => boxes.deleteBoxById({ id, onWrite }),
    toFormValues: (box) => ({ label: box.label, contentMarkupType: box.contentMarkupType, content: box.content }),
    idOf: (box) => box.id,
    toRepr: (box) => box.label,
    viewOnSite: (box) => `/box/${encodeURIComponent(box.label)}/`,
    toAuditSnapshot: (box) => ({ label: box.label, contentMarkupType: box.contentMarkupType, content: box.content }),
  });
}
