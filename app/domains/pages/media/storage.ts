// Where uploaded page images and documents live. The interface is what an S3-compatible
// backend would implement too; only the disk backend exists here, because the S3 SDK is
// not a dependency of this project (legacy kept media in S3 with max-age=86400).
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";

export interface MediaStorage {
  readonly kind: "disk";
  /** Stores the bytes under `key` (relative, `/`-separated), replacing nothing: callers pick a free key. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** The stored bytes, or null when absent. */
  read(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
  /** The public URL of a stored file. */
  url(key: string): string;
}

/** True for keys that stay inside the media root: relative, no `.`/`..` or empty segments, no backslashes or control characters. */
export function isSafeMediaKey(key: string): boolean {
  if (key === "" || key.length > 500 || key.startsWith("/") || /[\\\p{C}]/u.test(key)) return false;
  return !key.split("/").some((segment) => segment === "" || segment === "." || segment === "..");
}

/** Files under `root`, served by this app at `baseUrl` (e.g. `/media/`). */
export function createDiskMediaStorage(options: { root: string; baseUrl: string }): MediaStorage {
  const root = path.resolve(options.root);
  const base = options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`;

  function fileFor(key: string): string {
    if (!isSafeMediaKey(key)) throw new Error(`Unsafe media key: ${JSON.stringify(key)}`);
    const file = path.resolve(root, ...key.split("/"));
    if (!file.startsWith(root + path.sep)) throw new Error(`Media key escapes the media root: ${JSON.stringify(key)}`);
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
      return stat(fileFor(key)).then((info) => info.isFile(), () => false);
    },
    async read(key) {
      if (!isSafeMediaKey(key)) return null;
      return readFile(fileFor(key)).catch(() => null);
    },
    async delete(key) {
      // Migrated rows may name keys this backend never wrote; there is nothing to remove then.
      if (!isSafeMediaKey(key)) return;
      await rm(fileFor(key), { force: true });
    },
    url(key) {
      return base + key.split("/").map(encodeURIComponent).join("/");
    },
  };
}
