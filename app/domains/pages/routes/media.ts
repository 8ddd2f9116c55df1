// Page images and documents: the staff page that uploads and removes them
// (/admin/pages/page/<id>/files/, legacy's ImageInlineAdmin and DocumentFileInlineAdmin) and,
// /media/<key> serving the stored bytes (from disk or the S3 bucket) with a safe media type,
// and the legacy /m/<path>/ URLs redirecting there.
import { Hono, type Context } from "hono";
import { requireStaff } from "../../../core/auth/guards.ts";
import { hasPermission } from "../../../core/auth/permissions.ts";
import { AppError, toAppError } from "../../../core/errors.ts";
import type { AppEnv } from "../../../core/http/env.ts";
import { addFlash } from "../../../core/http/flash.ts";
import { parseDbId } from "../../../core/http/ids.ts";
import { mediaTypeOf } from "../../../core/storage/index.ts";
import { pageUrl } from "../schemas/paths.ts";
import type { PagesService } from "../service.ts";

function pageId(c: Context<AppEnv>): number {
  const id = parseDbId(c.req.param("id"));
  if (id === undefined) throw new AppError("NOT_FOUND", "There is no such page.");
  return id;
}

function requirePageChange(c: Context<AppEnv>, permission: string): void {
  if (!hasPermission(c.get("user"), permission)) throw new AppError("FORBIDDEN", "You do not have permission to change pages.");
}

async function renderFilesPage(c: Context<AppEnv>, pages: PagesService, id: number, errors: Record<string, string[]> = {}, status: 200 | 422 = 200) {
  const page = await pages.getPageById({ id, includeDrafts: true });
  const files = await pages.listPageFiles({ pageId: id });
  c.status(status);
  return c.render("pages/files.njk", {
    title: `${Object.keys(errors).length ? "Error: " : ""}Images and files of “${page.title}” | Python.org admin`,
    page: { id: page.id, title: page.title, url: pageUrl(page.path) },
    files,
    errors,
    storageKind: pages.mediaStorageKind,
  });
}

export function mediaRoutes(deps: { pages: PagesService; flash: { secret: string; secureCookies: boolean } }) {
  const app = new Hono<AppEnv>({ strict: true });
  const base = "/admin/pages/page/:id/files/";

  app.get(base, requireStaff(), async (c) => {
    requirePageChange(c, "pages.view_page");
    return renderFilesPage(c, deps.pages, pageId(c));
  });

  app.post(base, requireStaff(), async (c) => {
    requirePageChange(c, "pages.change_page");
    const id = pageId(c);
    const body = await c.req.parseBody();
    const kind = body.kind === "document" ? "document" : "image";
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) return renderFilesPage(c, deps.pages, id, { file: ["Choose a file to upload."] }, 422);
    try {
      const saved = await deps.pages.uploadPageFile({ pageId: id, kind, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      addFlash(c, { level: "success", text: `Uploaded ${saved.name}. Link to it at ${saved.url}` }, deps.flash);
      return c.redirect(c.req.path, 303);
    } catch (error) {
      const appError = toAppError(error);
      if (appError?.code !== "VALIDATION") throw error;
      return renderFilesPage(c, deps.pages, id, appError.fields ?? { file: [appError.message] }, 422);
    }
  });

  app.post(`${base}:kind{image|document}/:fileId/delete/`, requireStaff(), async (c) => {
    requirePageChange(c, "pages.change_page");
    const fileId = parseDbId(c.req.param("fileId"));
    if (fileId === undefined) throw new AppError("NOT_FOUND", "There is no such file.");
    await deps.pages.deletePageFile({ pageId: pageId(c), kind: c.req.param("kind") as "image" | "document", id: fileId });
    addFlash(c, { level: "success", text: "The file was deleted." }, deps.flash);
    return c.redirect(c.req.path.replace(/[^/]+\/[^/]+\/delete\/$/, ""), 303);
  });

  // Both backends are served here, S3 too (streamed, not redirected to a presigned URL):
  // the stored /media/ links keep working whichever backend holds the bytes, the bucket
  // can stay private, and these safe headers apply whatever the bucket would have sent.
  // The CDN caches the answer for a day, so the extra hop is rare.
  app.get("/media/*", async (c) => {
    // c.req.path is already percent-decoded.
    const key = c.req.path.slice("/media/".length);
    const file = await deps.pages.openMedia({ key });
    if (!file) return c.notFound();
    const headers: Record<string, string> = {
      "Content-Type": mediaTypeOf(key),
      "Cache-Control": "public, max-age=86400",
      "X-Content-Type-Options": "nosniff",
    };
    if (!headers["Content-Type"]!.startsWith("image/") && headers["Content-Type"] !== "application/pdf") headers["Content-Disposition"] = "attachment";
    if (file.size !== null) headers["Content-Length"] = String(file.size);
    return c.body(file.body, 200, headers);
  });

  // Legacy `^m/(?P<url>.*)/$` (pydotorg/views.py MediaMigrationView): the pre-S3 media
  // URLs answer 301, for any method, to where the file is now. Legacy pointed at the bucket;
  // here the same file is this app's /media/<path>. The query string is dropped.
  app.all("/m/:url{.*/}", (c) => c.redirect(legacyMediaLocation(new URL(c.req.url).pathname), 301));

  return app;
}

/**
 * Where `/m/<path>/` now lives: `/media/<path>`, with the path decoded, empty, `.` and `..`
 * segments removed (legacy strips them rather than resolving them, so nothing climbs out
 * of the media folder), then encoded again.
 */
export function legacyMediaLocation(pathname: string): string {
  const raw = pathname.slice("/m/".length, -1);
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // A broken escape stays as it was written.
  }
  const segments = decoded.split("/").filter((segment) => segment !== "" && segment !== "." && segment !== "..");
  return `/media/${segments.map((segment) => encodeURIComponent(segment)).join("/")}`;
}
