// `/admin/<app>/<model>/add/` and `/<id>/change/`: GET shows the form; POST validates,
// saves through the domain service with an audit hook, then redirects with a flash
// message (303). Invalid input re-renders the form with 422; "Preview" re-renders
// it with the markup previews and saves nothing.
import { Hono } from "hono";
import { AppError, toAppError } from "../../errors.ts";
import type { AppEnv, CurrentUser } from "../../http/env.ts";
import { assertCan, can } from "../access.ts";
import { runAudited } from "../audit.ts";
import { parseAdminForm, validateAdminForm, type RawBody } from "../forms.ts";
import type { AnyAdminResource, Choice, FormValues } from "../types.ts";
import { markupPreviews, renderFormPage } from "./form-page.ts";
import { type AdminContext, type AdminDeps, adminUrls, bodyString, capfirst, flashRedirect, loadObject, readBody, resourceFor } from "./shared.ts";

interface Target {
  resource: AnyAdminResource;
  user: CurrentUser;
  row: unknown;
  id: number | null;
  choices: Record<string, Choice[]>;
  locked: Set<string>;
  current: FormValues;
}

async function prepare(resource: AnyAdminResource, user: CurrentUser, row: unknown, id: number | null): Promise<Target> {
  const choices = (await resource.loadChoices?.({ user })) ?? {};
  const locked = new Set(resource.lockedFields?.({ user, row }) ?? []);
  const current = row === null ? (resource.initialValues ?? {}) : resource.toFormValues(row);
  return { resource, user, row, id, choices, locked, current };
}

function lockedRefusal(target: Target, names: string[]): AppError {
  const labels = names.map(
    (name) => target.resource.form.fields.find((spec) => spec.name === name)?.label ?? target.resource.inlines?.find((inline) => inline.name === name)?.label ?? name,
  );
  return new AppError("FORBIDDEN", `You may not change: ${labels.join(", ")}.`);
}

/** Where "Save", "Save and continue editing" and "Save and add another" lead. */
function nextLocation(resource: AnyAdminResource, body: RawBody, id: number): string {
  const urls = adminUrls(resource);
  if (bodyString(body, "_continue") !== undefined) return urls.change(id);
  if (bodyString(body, "_addanother") !== undefined) return urls.add;
  return urls.list;
}

async function save(deps: AdminDeps, target: Target, input: unknown): Promise<unknown> {
  const { resource, user, id, row } = target;
  return runAudited({
    db: deps.db,
    resource,
    actorId: user.id,
    action: id === null ? "create" : "update",
    write: (onWrite) => (id === null ? resource.create({ user, input, onWrite }) : resource.update({ user, id, input, onWrite })),
    fallback: async (saved) => [{ before: row, after: saved }],
  });
}

async function submit(c: AdminContext, deps: AdminDeps, target: Target): Promise<Response> {
  const { resource } = target;
  const body = await readBody(c);
  const parsed = parseAdminForm({ fields: resource.form.fields, inlines: resource.inlines ?? [], body, choices: target.choices, locked: target.locked, current: target.current });
  if (parsed.lockedChanges.length > 0) throw lockedRefusal(target, parsed.lockedChanges);
  const page = { resource, row: target.row, values: parsed.values, choices: target.choices, locked: target.locked, readOnly: false, firstRender: false };
  if (bodyString(body, "_preview") !== undefined) {
    return renderFormPage(c, { ...page, errors: {}, previews: markupPreviews(resource, parsed.values) });
  }
  const result = validateAdminForm(resource.form.schema, parsed);
  if (!result.ok) return renderFormPage(c, { ...page, errors: result.errors }, 422);
  let saved: unknown;
  try {
    saved = await save(deps, target, result.data);
  } catch (error) {
    const appError = toAppError(error);
    if (!appError || (appError.code !== "VALIDATION" && appError.code !== "CONFLICT")) throw error;
    return renderFormPage(c, { ...page, errors: appError.fields ?? { _: [appError.message] } }, 422);
  }
  const id = resource.idOf(saved);
  const verb = target.id === null ? "added" : "changed";
  const notes = resource.savedNotes?.({ values: parsed.values, saved }) ?? [];
  return flashRedirect(c, deps, nextLocation(resource, body, id), [`${capfirst(resource.verboseName)} “${resource.toRepr(saved)}” was ${verb}.`, ...notes].join(" "));
}

export function editRoutes(deps: AdminDeps) {
  const app = new Hono<AppEnv>({ strict: true });

  app.get("/:app/:model/add/", async (c) => {
    const { resource, user } = resourceFor(c, deps, "add");
    const target = await prepare(resource, user, null, null);
    return renderFormPage(c, { resource, row: null, values: target.current, errors: {}, choices: target.choices, locked: target.locked, readOnly: false, firstRender: true });
  });

  app.post("/:app/:model/add/", async (c) => {
    const { resource, user } = resourceFor(c, deps, "add");
    return submit(c, deps, await prepare(resource, user, null, null));
  });

  app.get("/:app/:model/:id/change/", async (c) => {
    const { resource, user } = resourceFor(c, deps, "view");
    const { id, row } = await loadObject(c, resource, user);
    const target = await prepare(resource, user, row, id);
    const readOnly = !can(user, resource, "change");
    return renderFormPage(c, { resource, row, values: target.current, errors: {}, choices: target.choices, locked: target.locked, readOnly, firstRender: true });
  });

  app.post("/:app/:model/:id/change/", async (c) => {
    const { resource, user } = resourceFor(c, deps, "view");
    assertCan(user, resource, "change");
    const { id, row } = await loadObject(c, resource, user);
    return submit(c, deps, await prepare(resource, user, row, id));
  });

  app.get("/:app/:model/:id/", async (c) => {
    const { resource, user } = resourceFor(c, deps, "view");
    const { id } = await loadObject(c, resource, user);
    return c.redirect(adminUrls(resource).change(id), 301);
  });

  return app;
}
