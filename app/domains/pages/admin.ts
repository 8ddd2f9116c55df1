// The pages admin (legacy apps/pages/admin.py PageAdmin): list by title and path with a
// published filter, the markup editor with its live preview, publish/unpublish actions.
// Menus, redirects and the broken-links report are registered next to it, under the
// legacy admin addresses (/admin/sitetree/…, /admin/redirects/redirect/).
import { z } from "zod";
import { defineAdminResource, type AnyAdminResource } from "../../core/admin/index.ts";
import { toAppError } from "../../core/errors.ts";
import { MARKUP_CHOICES } from "../../core/markup/labels.ts";
import { linksAdmin } from "./admin/links.ts";
import { describePathChange, pageUrl } from "./schemas/paths.ts";
import { navItemsAdmin, navTreesAdmin } from "./admin/navigation.ts";
import { redirectsAdmin } from "./admin/redirects.ts";
import { PAGE_SORT_FIELDS, PAGE_TEMPLATES, type PageInput, PageInputSchema, type PageSortField } from "./schemas.ts";
import type { PagesService } from "./service.ts";
import type { PageView } from "./service/views.ts";

const TEMPLATE_LABELS: Record<(typeof PAGE_TEMPLATES)[number], string> = {
  "": "Default (with the section sidebar)",
  "pages/default.html": "Default, named explicitly",
  "psf/default.html": "PSF page (PSF menu, with sidebar)",
  "psf/full-width.html": "PSF page, full width",
  "pages/raw.html": "Raw body only, no site layout",
};

/** Top-level sections of the legacy page tree, for the list filter (legacy PagePathFilter). */
const SECTIONS = ["about", "community", "dev", "doc", "download", "psf"];

const sortField = (field: string): PageSortField => ((PAGE_SORT_FIELDS as readonly string[]).includes(field) ? (field as PageSortField) : "title");
const getOrNull = <T>(promise: Promise<T>) => promise.catch((error: unknown) => (toAppError(error)?.code === "NOT_FOUND" ? null : Promise.reject(error)));

/** The page form: the page's fields, plus where to list it in the navigation (not stored on the page). */
const PageAdminSchema = PageInputSchema.extend({
  navParentId: z.coerce.number({ error: "Choose a menu item." }).int().positive("Choose a menu item.").nullable().default(null),
});
type PageAdminInput = z.output<typeof PageAdminSchema>;

function splitInput(input: PageAdminInput): { page: PageInput; navParentId: number | null } {
  const { navParentId, ...page } = input;
  return { page, navParentId };
}

function pageAdmin(pages: PagesService) {
  return defineAdminResource<PageView, PageAdminInput>({
    appLabel: "pages",
    model: "page",
    verboseName: "page",
    verboseNamePlural: "pages",
    listColumns: [
      { name: "title", label: "Title", value: (page) => page.title || "** No Title **", sortable: true },
      { name: "path", label: "Path", value: (page) => `/${page.path}/`, sortable: true },
      { name: "isPublished", label: "Published", value: (page) => page.isPublished, sortable: true },
      { name: "updated", label: "Updated", value: (page) => page.updated, sortable: true },
    ],
    searchFields: ["title", "path"],
    filters: [
      {
        name: "published",
        label: "Published",
        choices: [
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ],
      },
      { name: "section", label: "Section", choices: SECTIONS.map((section) => ({ value: section, label: `/${section}/` })) },
    ],
    defaultOrdering: "title",
    perPage: 50,
    form: {
      schema: PageAdminSchema,
      fields: [
        { name: "title", label: "Title", widget: "text", required: true, maxLength: 500 },
        {
          name: "path",
          label: "Path",
          widget: "text",
          required: true,
          maxLength: 500,
          help: "Where the page lives, e.g. about/help for /about/help/: lowercase letters, digits, hyphens and periods. An application page at the same address takes precedence.",
        },
        { name: "keywords", label: "Keywords", widget: "text", maxLength: 1000, help: "HTML meta keywords, comma-separated." },
        { name: "description", label: "Description", widget: "textarea", help: "HTML meta description; search engines show it under the title." },
        { name: "contentMarkupType", label: "Markup type", widget: "select", required: true, choices: MARKUP_CHOICES },
        {
          name: "content",
          label: "Content",
          widget: "markup",
          markupTypeField: "contentMarkupType",
          help: "Scripts, event handlers and javascript: links are removed when the page is shown.",
        },
        {
          name: "isPublished",
          label: "Published",
          widget: "checkbox",
          help: "Unpublished pages are visible to staff only, with a draft notice: save, look at the page, then publish.",
        },
        { name: "templateName", label: "Template", widget: "select", choices: PAGE_TEMPLATES.map((value) => ({ value, label: TEMPLATE_LABELS[value] })) },
        { name: "contentType", label: "Content type", widget: "text", maxLength: 150, help: "text/html for web pages; text/plain serves the content as plain text." },
        {
          name: "navParentId",
          label: "Show in the navigation under",
          widget: "select",
          help: "Adds a link to this page, titled as the page, under that menu item, so it shows in the section's sidebar. Change or remove it later under Menu items.",
        },
      ],
    },
    initialValues: { contentMarkupType: "markdown", isPublished: false, templateName: "", contentType: "text/html" },
    bulkActions: [
      { name: "publish", label: "Publish selected pages", permission: "change", run: ({ ids, onWrite }) => pages.setPublished({ ids, isPublished: true, onWrite }) },
      { name: "unpublish", label: "Unpublish selected pages", permission: "change", run: ({ ids, onWrite }) => pages.setPublished({ ids, isPublished: false, onWrite }) },
    ],
    async list({ query }) {
      const published = query.filters.published;
      const { items, total } = await pages.searchPages({
        q: query.search,
        isPublished: published === undefined ? undefined : published === "yes",
        section: query.filters.section,
        orderBy: { field: sortField(query.ordering.field), direction: query.ordering.direction },
        offset: query.offset,
        limit: query.limit,
      });
      return { rows: items, total };
    },
    load: ({ id }) => getOrNull(pages.getPageById({ id, includeDrafts: true })),
    loadChoices: async () => ({ navParentId: (await pages.navParentChoices()).map(({ value, label }) => ({ value, label })) }),
    create({ user, input, onWrite }) {
      const { page, navParentId } = splitInput(input);
      return pages.savePage({ input: page, navParentId, actorId: user.id, onWrite });
    },
    update({ user, id, input, onWrite }) {
      const { page, navParentId } = splitInput(input);
      return pages.savePage({ id, input: page, navParentId, actorId: user.id, onWrite });
    },
    savedNotes: ({ values, saved }) => {
      const note = typeof values.path === "string" ? describePathChange(values.path, saved.path) : "";
      return note ? [note] : [];
    },
    delete: ({ id, onWrite }) => pages.deletePage({ id, onWrite }),
    toFormValues: (page) => ({
      title: page.title,
      path: page.path,
      keywords: page.keywords,
      description: page.description,
      contentMarkupType: page.contentMarkupType,
      content: page.content,
      isPublished: page.isPublished,
      templateName: page.templateName,
      contentType: page.contentType,
    }),
    idOf: (page) => page.id,
    toRepr: (page) => page.title.slice(0, 200),
    // Drafts too: staff see an unpublished page with a draft notice, which is the preview.
    viewOnSite: (page) => pageUrl(page.path),
    toAuditSnapshot: (page) => ({
      title: page.title,
      path: page.path,
      isPublished: page.isPublished,
      contentMarkupType: page.contentMarkupType,
      content: page.content,
      templateName: page.templateName,
      contentType: page.contentType,
    }),
  });
}

/** Every admin registration of the pages domain: pages, menu trees and items, redirects, the broken-links report. */
export function pagesAdmin(pages: PagesService): AnyAdminResource[] {
  return [pageAdmin(pages), navTreesAdmin(pages), navItemsAdmin(pages), redirectsAdmin(pages), linksAdmin(pages)];
}
