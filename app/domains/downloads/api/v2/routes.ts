// Legacy API v2 (DRF ModelViewSets of apps/downloads/api.py): bare arrays of every
// matching row, absolute resource URIs, full CRUD for staff with `Token <key>`, and the
// release-file bulk delete action.
import { type Context, Hono } from "hono";
import { drfErrors, drfJson as json, drfMethodNotAllowed, readDrfBody, requireTokenStaff, tokenUser } from "../../../../core/api/drf.ts";
import { AppError } from "../../../../core/errors.ts";
import type { AppEnv } from "../../../../core/http/env.ts";
import { ID_DIGITS, parseDbId } from "../../../../core/http/ids.ts";
import { fileInputOf, osInputOf, releaseInputOf } from "../../service/inputs.ts";
import { apiAudit } from "../../../../core/api/writes.ts";
import type { WriteHook } from "../../../../core/db/write-hook.ts";
import type { CurrentUser } from "../../../../core/http/env.ts";
import { canSeeUnpublished } from "../../policies.ts";
import type { DownloadsService } from "../../service.ts";
import { toSnake } from "../common.ts";
import { fileFilters, osFilters, releaseFilters } from "./filters.ts";
import { createV2Serializers, FILE_FIELDS, OS_FIELDS, parseV2Body, RELEASE_FIELDS, V2_PATHS, type V2Field } from "./serializers.ts";

/** The resources of `GET /api/v2/`, in DRF router order. */
export const DOWNLOADS_V2_RESOURCES = { "downloads/os": V2_PATHS.os, "downloads/release": V2_PATHS.release, "downloads/release_file": V2_PATHS.file };

/** Who writes, and the audit hook the service runs in its transaction. */
interface Writer {
  actor: CurrentUser;
  onWrite: WriteHook<object>;
}

interface Resource<View> {
  path: string;
  /** `<app>.<model>` for the audit log. */
  model: string;
  /** Permission for each kind of write under API_WRITE_PERMISSIONS=model. */
  permissions: { add: string; change: string; delete: string };
  fields: V2Field[];
  list(queries: Record<string, string[]>, staff: boolean): Promise<View[]>;
  get(id: number, staff: boolean): Promise<View>;
  toJson(view: View): unknown;
  inputOf(view: View): object;
  save(id: number | undefined, values: Record<string, unknown>, writer: Writer): Promise<View>;
  remove(id: number, writer: Writer): Promise<void>;
}

const modelPermissions = (app: string, model: string) => ({ add: `${app}.add_${model}`, change: `${app}.change_${model}`, delete: `${app}.delete_${model}` });

/** Files are edited with their release (the admin's inline), so every file write needs the release's change permission. */
const FILE_PERMISSIONS = { add: "downloads.change_release", change: "downloads.change_release", delete: "downloads.change_release" };

const notFound = (): never => {
  throw new AppError("NOT_FOUND", "Not found.");
};

function register<View>(app: Hono<AppEnv>, resource: Resource<View>) {
  const route = resource.path.replace(/^\/api/, "").replace(/\/$/, "");
  const staffReader = (c: Context<AppEnv>) => canSeeUnpublished(tokenUser(c));
  const list = async (c: Context<AppEnv>) => json(c, (await resource.list(c.req.queries(), staffReader(c))).map(resource.toJson));
  const writer = (c: Context<AppEnv>, permission: string): Writer => {
    const actor = requireTokenStaff(c, permission);
    return { actor, onWrite: apiAudit(c, actor, resource.model) };
  };
  const write = async (c: Context<AppEnv>, id: number | undefined, partial: boolean) => {
    const by = writer(c, id === undefined ? resource.permissions.add : resource.permissions.change);
    const base = id === undefined ? {} : resource.inputOf(await resource.get(id, true));
    const body = await readDrfBody(c);
    const { values, errors } = parseV2Body(resource.fields, body, { base: base as Record<string, unknown>, partial });
    if (Object.keys(errors).length > 0) return json(c, errors, 400);
    const saved = resource.toJson(await resource.save(id, values, by)) as { resource_uri: string };
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
    await resource.remove(id(c), writer(c, resource.permissions.delete));
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
    const actor = requireTokenStaff(c, FILE_PERMISSIONS.delete);
    const release = c.req.query("release");
    if (!release || !ID_DIGITS.test(release.trim())) return c.body(null, 400);
    const releaseId = parseDbId(release.trim());
    // Beyond the id column's range no release exists: nothing to delete.
    if (releaseId !== undefined) await downloads.deleteFilesOfRelease({ releaseId, actor, onWrite: apiAudit(c, actor, "downloads.releasefile") });
    return c.body(null, 204);
  });
  app.all("/v2/downloads/release_file/delete_by_release/", (c) => drfMethodNotAllowed(c, "DELETE, OPTIONS"));

  register(app, {
    path: V2_PATHS.os,
    model: "downloads.os",
    permissions: modelPermissions("downloads", "os"),
    fields: OS_FIELDS,
    list: (queries) => downloads.findOperatingSystems({ query: osFilters(queries) }),
    get: (osId) => downloads.getOperatingSystem({ id: osId }),
    toJson: to.os,
    inputOf: osInputOf,
    save: (osId, values, { actor, onWrite }) => downloads.saveOperatingSystem({ id: osId, input: values as never, actor, onWrite }),
    remove: (osId, { actor, onWrite }) => downloads.deleteOperatingSystem({ id: osId, actor, onWrite }),
  });
  register(app, {
    path: V2_PATHS.release,
    model: "downloads.release",
    permissions: modelPermissions("downloads", "release"),
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
    save: (releaseId, values, { actor, onWrite }) => downloads.saveRelease({ id: releaseId, input: values as never, actor, onWrite }),
    remove: (releaseId, { actor, onWrite }) => downloads.deleteRelease({ id: releaseId, actor, onWrite }),
  });
  register(app, {
    path: V2_PATHS.file,
    model: "downloads.releasefile",
    permissions: FILE_PERMISSIONS,
    fields: FILE_FIELDS,
    list: async (queries) => downloads.findFiles({ query: await fileFilters(queries, exists) }),
    get: (fileId) => downloads.getFile({ id: fileId }),
    toJson: to.file,
    inputOf: fileInputOf,
    save: (fileId, values, { actor, onWrite }) =>
      fileId === undefined ? downloads.createFile({ input: values as never, actor, onWrite }) : downloads.updateFile({ id: fileId, input: values as never, actor, onWrite }),
    remove: (fileId, { actor, onWrite }) => downloads.deleteFile({ id: fileId, actor, onWrite }),
  });
  return app;
}
