// Where uploaded files (page images and documents, later logos and story images) live:
// files on disk (this module) or an S3-compatible bucket (s3.ts); factory.ts picks one
// from the settings. The app serves both at the public URL prefix it passes in (`/media/`;
// legacy kept media in S3 with max-age=86400).
import { createReadStream } from "node:fs";
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";

/** A stored file being read: its bytes as a stream and its size when known. */
export interface StoredFile {
  body: ReadableStream<Uint8Array>;
  size: number | null;
}

export interface FileStorage {
  readonly kind: "disk" | "s3";
  /** Stores the bytes under `key` (relative, `/`-separated), replacing nothing: callers pick a free key. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** The stored file as a stream, or null when absent (or the key is unsafe). */
  open(key: string): Promise<StoredFile | null>;
  delete(key: string): Promise<void>;
  /** The public URL of a stored file. */
  url(key: string): string;
}

/** True for keys that stay inside the storage root: relative, no `.`/`..` or empty segments, no backslashes or control characters. */
export function isSafeStorageKey(key: string): boolean {
  if (key === "" || key.length > 500 || key.startsWith("/") || /[\\\p{C}]/u.test(key)) return false;
  return !key.split("/").some((segment) => segment === "" || segment === "." || segment === "..");
}

/** Files under `root`, served by this app at `baseUrl` (e.g. `/media/`). */
export function createDiskStorage(options: { root: string; baseUrl: string }): FileStorage {
  const root = path.resolve(options.root);
  const base = options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`;

  function fileFor(key: string): string {
    if (!isSafeStorageKey(key)) throw new Error(`Unsafe storage key: ${JSON.stringify(key)}`);
    const file = path.resolve(root, ...key.split("/"));
    if (!file.startsWith(root + path.sep)) throw new Error(`Storage key escapes the storage root: ${JSON.stringify(key)}`);
    return file;
  }

  return {
    kind: "disk",
    async put(key, bytes) {
      const file = fileFor(key);
      await mkdir(path.dirname(file), { recursive: true });
      // "wx": never overwrite a file another upload stored meanwhile.
      await writeFile(file, bytes, { flag: "wx" });
    },
    async exists(key) {
      return stat(fileFor(key)).then(
        (info) => info.isFile(),
        () => false,
      );
    },
    async open(key) {
      if (!isSafeStorageKey(key)) return null;
      const file = fileFor(key);
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) return null;
      return { body: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>, size: info.size };
    },
    async delete(key) {
      // Migrated rows may name keys this backend never wrote; there is nothing to remove then.
      if (!isSafeStorageKey(key)) return;
      await rm(fileFor(key), { force: true });
    },
    url(key) {
      return base + key.split("/").map(encodeURIComponent).join("/");
    },
  };
}
