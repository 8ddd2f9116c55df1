// Legacy API v2 (DRF ModelViewSets of apps/downloads/api.py): bare arrays of every
// matching row, absolute resource URIs, full CRUD for staff with `Token <key>`, and the
// release-file bulk delete action.
import { type Context, Hono } from "hono";
import { drfErrors, drfJson as json, drfMethodNotAllowed, readDrfBody, requireTokenStaff, tokenUser } from "../../../../core/api/drf.ts";
import { AppError } from "../../../../core/errors.ts";
import type { AppEnv } from "../../../../core/http/env.ts";
import { ID_DIGITS, parseDbId } from "../../../../core/http/ids.ts";
import { fileInputOf, osInputOf, releaseInputOf } from "../../service/inputs.ts";
import { canSeeUnpublished, type Actor } from "../../policies.ts";
import type { DownloadsService } from "../../service.ts";
import { toSnake } from "../common.ts";
import { fileFilters, osFilters, releaseFilters } from "./filters.ts";
import { createV2Serializers, FILE_FIELDS, OS_FIELDS, parseV2Body, RELEASE_FIELDS, V2_PATHS, type V2Field } from "./serializers.ts";

/** The resources of `GET /api/v2/`, in DRF router order. */
export const DOWNLOADS_V2_RESOURCES = { "downloads/os": V2_PATHS.os, "downloads/release": V2_PATHS.release, "downloads/release_file": V2_PATHS.file };

interface Resource<View> {
  path: string;
  fields: V2Field[];
  list(queries: Record<string, string[]>, staff: boolean): Promise<View[]>;
  get(id: number, staff: boolean): Promise<View>;
  toJson(view: View): unknown;
  inputOf(view: View): object;
  save(id: number | undefined, values: Record<string, unknown>, actor: Actor): Promise<View>;
  remove(id: number, actor: Actor): Promise<void>;
}

const notFound = (): never => {
  throw new AppError("NOT_FOUND", "Not found.");
};

function register<View>(app: Hono<AppEnv>, resource: Resource<View>) {
  const route = resource.path.replace(/^\/api/, "").replace(/\/$/, "");
  const staffReader = (c: Context<AppEnv>) => canSeeUnpublished(tokenUser(c));
  const list = async (c: Context<AppEnv>) => json(c, (await resource.list(c.req.queries(), staffReader(c))).map(resource.toJson));
  const write = async (c: Context<AppEnv>, id: number | undefined, partial: boolean) => {
    const actor = requireTokenStaff(c);
    const base = id === undefined ? {} : resource.inputOf(await resource.get(id, true));
    const body = await readDrfBody(c);
    const { values, errors } = parseV2Body(resource.fields, body, { base: base as Record<string, unknown>, partial });
    if (Object.keys(errors).length > 0) return json(c, errors, 400);
    const saved = resource.toJson(await resource.save(id, values, actor)) as { resource_uri: string };
    return json(c, saved, id === undefined ? 201 : 200, id === undefined ? { Location: saved.resource_uri } : {});
  };
  // An id beyond the id column's range names no row: DRF's 404, never a database error.
  const id = (c: Context) => parseDbId(c.req.param("id")) ?? notFound();
  const detail = `${route}/:id{[0-9]+}/`;

  app.get(`${route}/`, list);
  app.get(`${route}.json`, list);
  app.post(`${route}/`, (c) => write(c, undefined, false));
  app.get(detail, async (c) => json(c, resource.toJson(await resource.get(id(c), staffReader(c)))));
  app.put(detail, (c) => write(c, id(c), false));
  app.patch(detail, (c) => write(c, id(c), true));
  app.delete(detail, async (c) => {
    await resource.remove(id(c), requireTokenStaff(c));
    return c.body(null, 204);
  });
  app.all(`${route}/`, (c) => drfMethodNotAllowed(c, "GET, POST, HEAD, OPTIONS"));
}

export function downloadsApiV2(downloads: DownloadsService, options: { siteUrl: string }): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: true });
  app.onError(drfErrors({ fieldName: toSnake }));
  const to = createV2Serializers(options.siteUrl);
  const published = (staff: boolean) => (staff ? {} : { isPublished: true });
  const exists = {
    os: (osId: number) => downloads.countOperatingSystems({ query: { id: { equals: osId } } }).then((count) => count > 0),
    release: (releaseId: number) => downloads.countReleases({ query: { id: { equals: releaseId } } }).then((count) => count > 0),
  };

  // The bulk delete action comes before the detail routes, as DRF's router orders them.
  app.delete("/v2/downloads/release_file/delete_by_release/", async (c) => {
    const actor = requireTokenStaff(c);
    const release = c.req.query("release");
    if (!release || !ID_DIGITS.test(release.trim())) return c.body(null, 400);
    const releaseId = parseDbId(release.trim());
    // Beyond the id column's range no release exists: nothing to delete.
    if (releaseId !== undefined) await downloads.deleteFilesOfRelease({ releaseId, actor });
    return c.body(null, 204);
  });
  app.all("/v2/downloads/release_file/delete_by_release/", (c) => drfMethodNotAllowed(c, "DELETE, OPTIONS"));

  register(app, {
    path: V2_PATHS.os,
    fields: OS_FIELDS,
    list: (queries) => downloads.findOperatingSystems({ query: osFilters(queries) }),
    get: (osId) => downloads.getOperatingSystem({ id: osId }),
    toJson: to.os,
    inputOf: osInputOf,
    save: (osId, values, actor) => downloads.saveOperatingSystem({ id: osId, input: values as never, actor }),
    remove: (osId, actor) => downloads.deleteOperatingSystem({ id: osId, actor }),
  });
  register(app, {
    path: V2_PATHS.release,
    fields: RELEASE_FIELDS,
    list: (queries, staff) => downloads.findReleases({ query: { ...releaseFilters(queries), ...published(staff) } }),
    async get(releaseId, staff) {
      const release = await downloads.getRelease({ id: releaseId });
      // Legacy BaseAPIViewMixin filters drafts out of the queryset for non-staff: a 404.
      if (!release.isPublished && !staff) throw new AppError("NOT_FOUND", "Not found.");
      return release;
    },
    toJson: to.release,
    inputOf: releaseInputOf,
    save: (releaseId, values, actor) => downloads.saveRelease({ id: releaseId, input: values as never, actor }),
    remove: (releaseId, actor) => downloads.deleteRelease({ id: releaseId, actor }),
  });
  register(app, {
    path: V2_PATHS.file,
    fields: FILE_FIELDS,
    list: async (queries) => downloads.findFiles({ query: await fileFilters(queries, exists) }),
    get: (fileId) => downloads.getFile({ id: fileId }),
    toJson: to.file,
    inputOf: fileInputOf,
    save: (fileId, values, actor) =>
      fileId === undefined ? downloads.createFile({ input: values as never, actor }) : downloads.updateFile({ id: fileId, input: values as never, actor }),
    remove: (fileId, actor) => downloads.deleteFile({ id: fileId, actor }),
  });
  return app;
}
