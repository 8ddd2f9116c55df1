// Legacy API v1 (tastypie) for downloads: /api/v1/downloads/{os,release,release_file}/,
// as python/release-tools add_to_pydotorg.py uses it. Reads for everyone (drafts for
// staff only); writes only for staff authenticated with `ApiKey user:key`.
import { type Context, Hono } from "hono";
import {
  methodNotAllowed,
  readTastypieBody,
  requireApiKeyStaff,
  resourceUri,
  tastypieErrors,
  tastypieJson as json,
  tastypieList,
  tastypiePaging,
  TastypieBadRequest,
  apiKeyUser,
  withResourceErrors,
} from "../../../../core/api/tastypie.ts";
import { AppError } from "../../../../core/errors.ts";
import type { AppEnv } from "../../../../core/http/env.ts";
import { isDbId, parseDbId } from "../../../../core/http/ids.ts";
import { apiAudit } from "../../../../core/api/writes.ts";
import type { WriteHook } from "../../../../core/db/write-hook.ts";
import type { CurrentUser } from "../../../../core/http/env.ts";
import { canSeeUnpublished } from "../../policies.ts";
import type { DownloadsService } from "../../service.ts";
import { parseInteger, toSnake } from "../common.ts";
import { FILTER_SPECS, fileQuery, osQuery, releaseQuery, type ResourceName } from "./filters.ts";
import { fileFromV1, fileToV1, osFromV1, osToV1, releaseFromV1, releaseToV1, V1_PATHS } from "./serializers.ts";
import { v1Schema } from "./schema.ts";

/** The resources of `GET /api/v1/`. */
export const DOWNLOADS_V1_RESOURCES = Object.keys(FILTER_SPECS) as ResourceName[];

/** How an API write is made: who, and the audit hook it passes to the service. */
interface Writer {
  actor: CurrentUser;
  onWrite: WriteHook<object>;
}

interface Resource {
  name: ResourceName;
  /** `<app>.<model>` for the audit log; `<app>.<action>_<model>` is the permission API_WRITE_PERMISSIONS=model asks for. */
  model: string;
  /** The model whose permissions a write needs (files are edited with their release, as in the admin). */
  permissionModel: string;
  listPath: string;
  listMethods: string[];
  detailMethods: string[];
  list(c: Context<AppEnv>, page: { skip: number; take: number }, staff: boolean): Promise<{ total: number; objects: unknown[] }>;
  get(id: number, staff: boolean): Promise<unknown>;
  /** The rows among `ids` the reader may see, by id, in one query (the `set/` route). */
  getMany(ids: number[], staff: boolean): Promise<Map<number, unknown>>;
  create(body: Record<string, unknown>, writer: Writer): Promise<number>;
  remove(id: number, writer: Writer): Promise<void>;
}

const byId = <Row extends { id: number }>(rows: Row[], toJson: (row: Row) => unknown) => new Map(rows.map((row) => [row.id, toJson(row)]));

/**
 * Most ids one `set/` request may name: the rows are read in one query, but the URL alone
 * could otherwise ask for thousands (legacy tastypie had no cap). Beyond it: 400.
 */
export const MAX_SET_IDS = 100;

function resources(downloads: DownloadsService): Resource[] {
  const published = (staff: boolean) => (staff ? {} : { isPublished: true });
  return [
    {
      name: "downloads/os",
      model: "downloads.os",
      permissionModel: "downloads.os",
      listPath: V1_PATHS.os,
      listMethods: ["GET", "POST"],
      detailMethods: ["GET", "DELETE"],
      async list(c, page) {
        const query = osQuery(c.req.queries());
        const [total, items] = await Promise.all([downloads.countOperatingSystems({ query }), downloads.findOperatingSystems({ query, ...page })]);
        return { total, objects: items.map(osToV1) };
      },
      get: async (id) => osToV1(await downloads.getOperatingSystem({ id })),
      getMany: async (ids) => byId(await downloads.findOperatingSystems({ query: { id: { in: ids } } }), osToV1),
      create: async (body, { actor, onWrite }) => (await downloads.saveOperatingSystem({ input: osFromV1(body), actor, onWrite })).id,
      remove: (id, { actor, onWrite }) => downloads.deleteOperatingSystem({ id, actor, onWrite }),
    },
    {
      name: "downloads/release",
      model: "downloads.release",
      permissionModel: "downloads.release",
      listPath: V1_PATHS.release,
      listMethods: ["GET", "POST"],
      detailMethods: ["GET", "DELETE"],
      async list(c, page, staff) {
        const query = { ...releaseQuery(c.req.queries()), ...published(staff) };
        const [total, items] = await Promise.all([downloads.countReleases({ query }), downloads.findReleases({ query, ...page })]);
        return { total, objects: items.map(releaseToV1) };
      },
      async get(id, staff) {
        const release = await downloads.getRelease({ id });
        // Legacy OnlyPublishedAuthorization.read_detail: a draft is "unauthorized" to non-staff.
        if (!release.isPublished && !staff) throw new AppError("UNAUTHENTICATED", "This release is not published.");
        return releaseToV1(release);
      },
      getMany: async (ids, staff) => byId(await downloads.findReleases({ query: { id: { in: ids }, ...published(staff) } }), releaseToV1),
      create: async (body, { actor, onWrite }) => (await downloads.saveRelease({ input: releaseFromV1(body), actor, onWrite })).id,
      remove: (id, { actor, onWrite }) => downloads.deleteRelease({ id, actor, onWrite }),
    },
    {
      name: "downloads/release_file",
      model: "downloads.releasefile",
      permissionModel: "downloads.release",
      listPath: V1_PATHS.file,
      listMethods: ["GET", "POST", "DELETE"],
      detailMethods: ["GET", "DELETE"],
      async list(c, page) {
        const query = fileQuery(c.req.queries());
        const [total, items] = await Promise.all([downloads.countFiles({ query }), downloads.findFiles({ query, ...page })]);
        return { total, objects: items.map(fileToV1) };
      },
      get: async (id) => fileToV1(await downloads.getFile({ id })),
      getMany: async (ids) => byId(await downloads.findFiles({ query: { id: { in: ids } } }), fileToV1),
      create: async (body, { actor, onWrite }) => (await downloads.createFile({ input: fileFromV1(body), actor, onWrite })).id,
      remove: (id, { actor, onWrite }) => downloads.deleteFile({ id, actor, onWrite }),
    },
  ];
}

/** Files are edited with their release (the admin's inline), so their writes need the release's change permission. */
const FILE_WRITE_PERMISSION = "downloads.change_release";

/** The staff writer of this request, checked for `<app>.<action>_<model>` under API_WRITE_PERMISSIONS=model. */
function writer(c: Context<AppEnv>, resource: Resource, action: "add" | "change" | "delete"): Writer {
  const [app, model] = resource.permissionModel.split(".") as [string, string];
  const permission = resource.permissionModel === resource.model ? `${app}.${action}_${model}` : FILE_WRITE_PERMISSION;
  const actor = requireApiKeyStaff(c, permission);
  return { actor, onWrite: apiAudit(c, actor, resource.model) };
}

/** Legacy ReleaseFileResource.delete_list: exactly one `release` filter, then staff only. */
async function deleteFilesOfRelease(c: Context<AppEnv>, downloads: DownloadsService): Promise<Response> {
  const queries = c.req.queries();
  const names = Object.keys(queries);
  if (names.length !== 1 || names[0] !== "release" || queries.release!.length !== 1) {
    throw new TastypieBadRequest("Deleting release files requires exactly one 'release' filter.");
  }
  const actor = requireApiKeyStaff(c, FILE_WRITE_PERMISSION);
  const releaseId = parseInteger(queries.release![0]);
  if (releaseId === undefined || releaseId < 1) throw new TastypieBadRequest(`Invalid value '${queries.release![0]}' for the 'release' filter: expected a release id.`);
  // Beyond the id column's range no release exists, so there is nothing to delete (legacy: 204).
  if (!isDbId(releaseId)) return c.body(null, 204);
  await downloads.deleteFilesOfRelease({ releaseId, actor, onWrite: apiAudit(c, actor, "downloads.releasefile") });
  return c.body(null, 204);
}

/** The detail route's id; one beyond the id column's range names no row. */
function detailId(c: Context): number {
  const id = parseDbId(c.req.param("id"));
  if (id === undefined) throw new AppError("NOT_FOUND", "Not found.");
  return id;
}

function register(app: Hono<AppEnv>, resource: Resource, downloads: DownloadsService): void {
  const route = `/v1/${resource.name}`;
  const staffReader = (c: Context<AppEnv>) => canSeeUnpublished(apiKeyUser(c));

  app.get(`${route}/`, async (c) => {
    const page = tastypiePaging(c);
    const { total, objects } = await resource.list(c, { skip: page.offset, take: page.limit }, staffReader(c));
    return tastypieList(c, resource.listPath, page, total, objects);
  });
  app.post(`${route}/`, async (c) => {
    const by = writer(c, resource, "add");
    const body = await readTastypieBody(c);
    const id = await withResourceErrors(resource.name, () => resource.create(body, by), { fieldName: toSnake });
    return c.body(null, 201, { Location: resourceUri(resource.listPath, id) });
  });
  if (resource.listMethods.includes("DELETE")) app.delete(`${route}/`, (c) => deleteFilesOfRelease(c, downloads));
  app.get(`${route}/schema/`, (c) => json(c, v1Schema(resource.name, resource.listMethods, resource.detailMethods)));
  // tastypie get_multiple: objects in the order asked; every id that names no row (missing,
  // hidden or beyond the id column's range) is listed in `not_found`; the answer is still 200.
  app.get(`${route}/set/:ids{[0-9]+(;[0-9]+)*}/`, async (c) => {
    const raws = c.req.param("ids").split(";");
    if (raws.length > MAX_SET_IDS) throw new TastypieBadRequest(`Ask for at most ${MAX_SET_IDS} ids at once (got ${raws.length}).`);
    const ids = raws.map((raw) => parseDbId(raw));
    const found = await resource.getMany([...new Set(ids.filter((id) => id !== undefined))], staffReader(c));
    const objects: unknown[] = [];
    const notFound: string[] = [];
    raws.forEach((raw, index) => {
      const object = ids[index] === undefined ? undefined : found.get(ids[index]);
      if (object === undefined) notFound.push(raw);
      else objects.push(object);
    });
    return json(c, notFound.length > 0 ? { objects, not_found: notFound } : { objects });
  });
  app.get(`${route}/:id{[0-9]+}/`, async (c) => json(c, await resource.get(detailId(c), staffReader(c))));
  app.delete(`${route}/:id{[0-9]+}/`, async (c) => {
    const by = writer(c, resource, "delete");
    await resource.remove(detailId(c), by);
    return c.body(null, 204);
  });
  app.all(`${route}/`, (c) => methodNotAllowed(c, resource.listMethods));
  app.all(`${route}/:id{[0-9]+}/`, (c) => methodNotAllowed(c, resource.detailMethods));
}

export function downloadsApiV1(downloads: DownloadsService): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: true });
  app.onError(tastypieErrors);
  // tastypie understands only `ApiKey` credentials and refuses them outside the header.
  app.use("/v1/*", async (c, next) => {
    if (c.get("authMethod") === "token" || c.req.query("username") !== undefined) throw new AppError("UNAUTHENTICATED", "Use ApiKey credentials.");
    await next();
  });
  for (const resource of resources(downloads)) register(app, resource, downloads);
  return app;
}
