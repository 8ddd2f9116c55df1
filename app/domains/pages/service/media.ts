// Images and documents attached to pages (legacy pages.Image and pages.DocumentFile):
// checked by content and size, stored under the media root with legacy's naming
// (`<page path>/<name>` for images, `files/<name>` for documents), recorded in the database.
import { randomBytes } from "node:crypto";
import type { Db } from "../../../core/db/client.ts";
import { AppError } from "../../../core/errors.ts";
import { type FileStorage, isSafeStorageKey, type MediaKind, sniffFile, type StoredFile } from "../../../core/storage/index.ts";

export interface MediaLimits {
  imageBytes: number;
  documentBytes: number;
}

export const DEFAULT_MEDIA_LIMITS: MediaLimits = { imageBytes: 10 * 1024 * 1024, documentBytes: 25 * 1024 * 1024 };

export interface MediaFileView {
  id: number;
  kind: MediaKind;
  /** Storage key, e.g. `about/logo.png`. */
  file: string;
  name: string;
  url: string;
  contentType: string;
  size: number;
  created: Date;
}

const select = { id: true, file: true, contentType: true, size: true, created: true } as const;

/** A file name reduced to safe characters, with the sniffed extension (Django's get_valid_name, stricter). */
export function safeFileName(original: string, ext: string): string {
  const base = (original.split(/[\\/]/).pop() ?? "").normalize("NFKD").replace(/\.[^.]*$/, "");
  const stem =
    base
      .replace(/[^A-Za-z0-9_-]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80) || "file";
  return `${stem}.${ext}`;
}

function fail(message: string): never {
  throw new AppError("VALIDATION", message, { fields: { file: [message] } });
}

export function createMediaStore(deps: { db: Db; storage: FileStorage; limits?: MediaLimits }) {
  const { db, storage } = deps;
  const limits = deps.limits ?? DEFAULT_MEDIA_LIMITS;
  const view =
    (kind: MediaKind) =>
    (row: { id: number; file: string; contentType: string; size: number; created: Date }): MediaFileView => ({
      ...row,
      kind,
      name: row.file.split("/").pop() ?? row.file,
      url: storage.url(row.file),
    });

  /** A key not yet used, adding a random suffix as Django's storage does on a clash. */
  async function freeKey(directory: string, name: string): Promise<string> {
    const key = `${directory}/${name}`;
    if (!isSafeStorageKey(key)) fail("This page's path cannot hold files.");
    if (!(await storage.exists(key))) return key;
    return `${directory}/${name.replace(/(\.[^.]+)$/, `_${randomBytes(4).toString("hex")}$1`)}`;
  }

  /**
   * Stores an upload for a page after checking its bytes (images: PNG, JPEG, GIF, WebP;
   * documents: those, PDF, office formats and UTF-8 text) and size; VALIDATION otherwise.
   */
  async function uploadPageFile(options: { pageId: number; kind: MediaKind; fileName: string; bytes: Uint8Array }): Promise<MediaFileView> {
    const page = await db.page.findUnique({ where: { id: options.pageId }, select: { path: true } });
    if (!page) throw new AppError("NOT_FOUND", `There is no page ${options.pageId}.`);
    const limit = options.kind === "image" ? limits.imageBytes : limits.documentBytes;
    if (options.bytes.length === 0) fail("The file is empty.");
    if (options.bytes.length > limit) fail(`The file is larger than ${Math.round(limit / 1024 / 1024)} MB.`);
    const sniffed = sniffFile(options.bytes, options.fileName, options.kind);
    if (!sniffed) fail(options.kind === "image" ? "Upload a PNG, JPEG, GIF or WebP image." : "Upload a PDF, an office document, a ZIP archive, UTF-8 text or an image.");
    const directory = options.kind === "image" ? page.path.replace(/^\/+|\/+$/g, "") : "files";
    const key = await freeKey(directory, safeFileName(options.fileName, sniffed.ext));
    await storage.put(key, options.bytes);
    const data = { pageId: options.pageId, file: key, contentType: sniffed.mime, size: options.bytes.length };
    try {
      const row = options.kind === "image" ? await db.pageImage.create({ data, select }) : await db.pageDocument.create({ data, select });
      return view(options.kind)(row);
    } catch (error) {
      await storage.delete(key);
      throw error;
    }
  }

  /** The page's images and documents, oldest first. */
  async function listPageFiles(options: { pageId: number }): Promise<{ images: MediaFileView[]; documents: MediaFileView[] }> {
    const [images, documents] = await Promise.all([
      db.pageImage.findMany({ where: { pageId: options.pageId }, orderBy: { id: "asc" }, select }),
      db.pageDocument.findMany({ where: { pageId: options.pageId }, orderBy: { id: "asc" }, select }),
    ]);
    return { images: images.map(view("image")), documents: documents.map(view("document")) };
  }

  /** Deletes one attached file, its row first (so no page links a missing row), then its bytes once no row names them. */
  async function deletePageFile(options: { pageId: number; kind: MediaKind; id: number }): Promise<void> {
    const where = { id: options.id, pageId: options.pageId };
    const row = options.kind === "image" ? await db.pageImage.findFirst({ where, select }) : await db.pageDocument.findFirst({ where, select });
    if (!row) throw new AppError("NOT_FOUND", "There is no such file on this page.");
    if (options.kind === "image") await db.pageImage.delete({ where: { id: row.id } });
    else await db.pageDocument.delete({ where: { id: row.id } });
    await deleteUnreferencedFiles({ db, storage }, [row.file]);
  }

  /** A stored file as a stream, for the /media/ route; null when absent. */
  async function openMedia(options: { key: string }): Promise<StoredFile | null> {
    return storage.open(options.key);
  }

  return { uploadPageFile, listPageFiles, deletePageFile, openMedia };
}

export type MediaStore = ReturnType<typeof createMediaStore>;

/**
 * Removes these stored objects, skipping any key another image or document row still names
 * (legacy rows could share a file). Call it after the deleting transaction has committed.
 */
export async function deleteUnreferencedFiles(deps: { db: Db; storage: FileStorage }, keys: string[]): Promise<void> {
  for (const key of new Set(keys)) {
    const [images, documents] = await Promise.all([deps.db.pageImage.count({ where: { file: key } }), deps.db.pageDocument.count({ where: { file: key } })]);
    if (images + documents === 0) await deps.storage.delete(key);
  }
}
