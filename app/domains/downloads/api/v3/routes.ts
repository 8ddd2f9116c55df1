// API v3 (new): releases filterable by version with their files inline and the support
// status of their minor version, keyset pagination (Link rel="next"), ETag and
// conditional GET; operating systems and the release cycle. Errors are problem details.
import { type Context, Hono } from "hono";
import { AppError } from "../../../../core/errors.ts";
import { conditionalResponse } from "../../../../core/feeds/conditional.ts";
import type { AppEnv } from "../../../../core/http/env.ts";
import { API_CACHE_CONTROL } from "../../../../core/http/cdn-cache.ts";
import { fieldErrors } from "../../../../core/http/validate.ts";
import { canSeeUnpublished } from "../../policies.ts";
import type { ReleaseCycleView, ReleaseQuery } from "../../queries.ts";
import type { DownloadsService } from "../../service.ts";
import { SlugSchema } from "../../schemas.ts";
import { RELEASE_PAGE_DEFAULT, type ReleaseListQuery, ReleaseListQuerySchema } from "./schemas.ts";
import { createV3Serializers } from "./serializers.ts";

/** Query parameters against a strict schema: unknown names and bad values are a 400 naming each. */
function parseQuery(c: Context): ReleaseListQuery {
  const raw: Record<string, string> = {};
  const errors: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(c.req.queries())) {
    if (!(name in ReleaseListQuerySchema.shape)) errors[name] = ["Unknown filter."];
    else if (values.length > 1) errors[name] = ["Give this filter once."];
    else raw[name] = values[0]!;
  }
  const parsed = ReleaseListQuerySchema.safeParse(raw);
  if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error));
  if (Object.keys(errors).length > 0 || !parsed.success) throw new AppError("BAD_REQUEST", "Some query parameters are not valid.", { fields: errors });
  return parsed.data;
}

function encodeCursor(position: { releaseDate: Date; id: number }): string {
  return Buffer.from(JSON.stringify([position.releaseDate.toISOString(), position.id])).toString("base64url");
}

function decodeCursor(cursor: string): { releaseDate: Date; id: number } {
  try {
    const [date, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    const releaseDate = new Date(String(date));
    if (typeof date === "string" && !Number.isNaN(releaseDate.getTime()) && Number.isSafeInteger(id)) return { releaseDate, id: id as number };
  } catch {
    // Falls through to the error below.
  }
  throw new AppError("BAD_REQUEST", "The cursor is not valid.", { fields: { cursor: ["The cursor is not valid; use the `next` link of the previous page."] } });
}

function toReleaseQuery(query: ReleaseListQuery, staff: boolean): ReleaseQuery {
  return {
    major: query.major,
    minor: query.minor,
    patch: query.patch,
    ...(query.line !== undefined ? { version: { equals: query.line } } : {}),
    preRelease: query.pre_release,
    preReleaseTag: query.pre_release_tag,
    isLatest: query.is_latest,
    isPublished: staff ? query.is_published : true,
    // Drafts asked for by someone who may not see them: nothing matches.
    ...(!staff && query.is_published === false ? { id: { in: [] } } : {}),
  };
}

/** JSON with a strong ETag; 304 when the client's copy is current. Drafts are never cached publicly. */
function conditionalJson(c: Context, body: unknown, staff: boolean): Response {
  c.header("Surrogate-Key", "downloads api-downloads");
  return conditionalResponse(c, {
    body: JSON.stringify(body),
    contentType: "application/json; charset=utf-8",
    cacheControl: staff ? "private, no-cache" : API_CACHE_CONTROL,
  });
}

export function downloadsApiV3(downloads: DownloadsService, options: { siteUrl: string }): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: true });
  const to = createV3Serializers(options.siteUrl);
  const staffOf = (c: Context<AppEnv>) => canSeeUnpublished(c.get("user"));
  const cyclesByVersion = async () =>
    new Map((await downloads.listReleaseCycles()).map((cycle): [string, ReleaseCycleView] => [`${cycle.versionMajor}.${cycle.versionMinor}`, cycle]));

  app.get("/v3/downloads/releases/", async (c) => {
    const query = parseQuery(c);
    const staff = staffOf(c);
    const limit = query.limit ?? RELEASE_PAGE_DEFAULT;
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const [page, cycles] = await Promise.all([downloads.pageReleases({ query: toReleaseQuery(query, staff), limit, after }), cyclesByVersion()]);
    const last = page.items[page.items.length - 1];
    let next: string | null = null;
    if (page.hasMore && last) {
      const link = new URL(c.req.path, options.siteUrl);
      link.search = new URL(c.req.url).search;
      link.searchParams.set("cursor", encodeCursor(last));
      next = link.toString();
      c.header("Link", `<${next}>; rel="next"`);
    }
    return conditionalJson(c, { results: page.items.map((release) => to.release(release, cycles)), next }, staff);
  });

  app.get("/v3/downloads/releases/:slug/", async (c) => {
    const slug = SlugSchema.safeParse(c.req.param("slug"));
    if (!slug.success) throw new AppError("NOT_FOUND", "There is no such release.");
    const staff = staffOf(c);
    const [page, cycles] = await Promise.all([
      downloads.pageReleases({ query: { slug: { equals: slug.data }, ...(staff ? {} : { isPublished: true }) }, limit: 1 }),
      cyclesByVersion(),
    ]);
    const release = page.items[0];
    if (!release) throw new AppError("NOT_FOUND", "There is no such release.");
    return conditionalJson(c, to.release(release, cycles), staff);
  });

  app.get("/v3/downloads/os/", async (c) => conditionalJson(c, (await downloads.findOperatingSystems()).map(to.os), false));

  app.get("/v3/downloads/release-cycles/", async (c) => conditionalJson(c, (await downloads.listReleaseCycles()).map(to.cycle), false));

  app.get("/v3/downloads/release-cycles/:version{[0-9]+\\.[0-9]+}/", async (c) => {
    const [major, minor] = c.req.param("version").split(".").map(Number) as [number, number];
    if (major > 999 || minor > 999) throw new AppError("NOT_FOUND", "There is no release cycle for this version.");
    return conditionalJson(c, to.cycle(await downloads.getReleaseCycle({ major, minor })), false);
  });

  return app;
}
