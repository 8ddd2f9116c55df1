// Renders the add/change form: first display, 422 re-display with errors next to
// fields and a summary on top, read-only display for view-only users, and the
// no-JavaScript markup preview.
import { isMarkupType, renderMarkup } from "../../markup/render.ts";
import { allowedActions } from "../access.ts";
import { formView, type FormState } from "../form-view.ts";
import type { AnyAdminResource, FormValues } from "../types.ts";
import { viewOnSiteHref } from "../view-on-site.ts";
import { type AdminContext, adminUrls, currentUser } from "./shared.ts";

export interface FormPage extends FormState {
  resource: AnyAdminResource;
  /** The record being changed; null on the add page. */
  row: unknown;
}

const RST_NOTE = "reStructuredText is rendered by docutils after saving; until then the page shows the source.";

/** Server-side previews of every markup field from the posted values. */
export function markupPreviews(resource: AnyAdminResource, values: FormValues): Record<string, string> {
  const previews: Record<string, string> = {};
  for (const spec of resource.form.fields) {
    if (spec.widget !== "markup") continue;
    const source = typeof values[spec.name] === "string" ? (values[spec.name] as string) : "";
    const type = spec.markupTypeField ? values[spec.markupTypeField] : "markdown";
    if (typeof type !== "string" || !isMarkupType(type)) continue;
    const rendered = renderMarkup(source, type);
    previews[spec.name] = rendered.rendered ? rendered.html : `<p class="preview-note">${RST_NOTE}</p>${rendered.html}`;
  }
  return previews;
}

/** Renders the form page with the given status (200, or 422 after validation errors). */
export async function renderFormPage(c: AdminContext, page: FormPage, status: 200 | 422 = 200): Promise<Response> {
  const { resource } = page;
  const user = currentUser(c);
  const urls = adminUrls(resource);
  const id = page.row === null ? null : resource.idOf(page.row);
  const view = formView({
    fields: resource.form.fields,
    inlines: resource.inlines ?? [],
    values: page.values,
    errors: page.errors,
    choices: page.choices,
    locked: page.locked,
    readOnly: page.readOnly,
    firstRender: page.firstRender,
    previews: page.previews,
  });
  const heading = id === null ? `Add ${resource.verboseName}` : page.readOnly ? `View ${resource.verboseName}` : `Change ${resource.verboseName}`;
  c.status(status);
  return c.render("admin/form.njk", {
    title: `${Object.keys(page.errors).length > 0 ? "Error: " : ""}${heading} | Python.org admin`,
    heading,
    resource: { appLabel: resource.appLabel, model: resource.model, verboseName: resource.verboseName, verboseNamePlural: resource.verboseNamePlural },
    urls: {
      list: urls.list,
      add: urls.add,
      action: id === null ? urls.add : urls.change(id),
      delete: id === null ? "" : urls.delete(id),
      history: id === null ? "" : urls.history(id),
    },
    objectRepr: page.row === null ? "" : resource.toRepr(page.row),
    viewOnSite: page.row === null ? null : viewOnSiteHref(resource, page.row),
    allowed: allowedActions(user, resource),
    readOnly: page.readOnly,
    isAdd: id === null,
    fields: view.fields,
    inlines: view.inlines,
    summary: view.summary,
    hasMarkup: view.fields.some((field) => field.widget === "markup"),
    showPreview: page.previews !== undefined,
  });
}
