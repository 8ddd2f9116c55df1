// `/admin/doc/` for staff (legacy django.contrib.admindocs): what the site is made of, for
// editors and developers: the models the admin manages with their fields, and the views
// (every URL pattern the app answers). Django's template tag and filter pages have no
// counterpart: templates here are Nunjucks, documented in the repository.
import { Hono } from "hono";
import type { AdminRegistry } from "../core/admin/index.ts";
import { requireAdminSite } from "../core/auth/guards.ts";
import { AppError } from "../core/errors.ts";
import type { AppEnv } from "../core/http/env.ts";

/** One route of the app, as Hono lists it. */
export interface RouteEntry {
  method: string;
  path: string;
}

const capfirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function adminDocsRoutes(deps: { registry: AdminRegistry; routes: () => readonly RouteEntry[] }) {
  const app = new Hono<AppEnv>({ strict: true });
  app.use("*", requireAdminSite());
  app.get("/", (c) => c.render("site/admin-docs/index.njk", { title: "Documentation | Python.org admin" }));

  app.get("/models/", (c) => {
    const apps = deps.registry.apps().map((group) => ({
      label: capfirst(group.appLabel),
      models: group.resources.map((resource) => ({ name: capfirst(resource.verboseName), url: `/admin/doc/models/${resource.appLabel}.${resource.model}/` })),
    }));
    return c.render("site/admin-docs/models.njk", { title: "Models | Python.org admin", apps });
  });

  app.get("/models/:name/", (c) => {
    const resource = deps.registry.resources.find((candidate) => `${candidate.appLabel}.${candidate.model}` === c.req.param("name"));
    if (!resource) throw new AppError("NOT_FOUND", "There is no such model.");
    const fields = resource.form.fields.map((field) => ({ name: field.name, label: field.label, widget: field.widget, required: Boolean(field.required), help: field.help ?? "" }));
    const inlines = (resource.inlines ?? []).map((inline) => ({ label: inline.label, fields: inline.fields.map((field) => field.name) }));
    return c.render("site/admin-docs/model.njk", {
      title: `${capfirst(resource.verboseName)} | Python.org admin`,
      model: { name: capfirst(resource.verboseName), appLabel: resource.appLabel, model: resource.model, fields, inlines, searchFields: resource.searchFields },
    });
  });

  app.get("/views/", (c) => {
    // Middleware registrations (method ALL or a trailing *) are not pages.
    const seen = new Set<string>();
    const views = deps
      .routes()
      .filter((route) => route.method !== "ALL" && !route.path.endsWith("*"))
      .filter((route) => {
        const key = `${route.method} ${route.path}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
    return c.render("site/admin-docs/views.njk", { title: "Views | Python.org admin", views });
  });
  return app;
}
