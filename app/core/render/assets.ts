// Fingerprinted static files: `asset("css/site.css")` → `/static/css/site.1a2b3c4d5e.css`.
// Fingerprinted names are cached for a year; a changed file gets a new name.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export interface AssetManifest {
  /** Public URL for a file under static/. */
  url(logicalPath: string): string;
  /** Maps a requested path (with or without fingerprint) to a file; undefined when unknown. */
  resolve(requestPath: string): { file: string; fingerprinted: boolean } | undefined;
}

const FINGERPRINT = /^(.*)\.([0-9a-f]{10})(\.[A-Za-z0-9]+)$/;

function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return listFiles(path.join(dir, entry.name), relative);
    return entry.isFile() ? [relative] : [];
  });
}

function fingerprinted(logical: string, hash: string): string {
  const extension = path.posix.extname(logical);
  return `${logical.slice(0, logical.length - extension.length)}.${hash}${extension}`;
}

/** Builds the manifest; with `live` it re-hashes files whose modification time changed (development). */
export function createAssetManifest(staticDir: string, options: { live: boolean }): AssetManifest {
  const hashes = new Map<string, { hash: string; mtimeMs: number }>();

  function hashOf(logical: string): string | undefined {
    const file = path.join(staticDir, logical);
    const known = hashes.get(logical);
    if (known && !options.live) return known.hash;
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      return undefined;
    }
    if (known && known.mtimeMs === mtimeMs) return known.hash;
    const hash = createHash("sha256").update(readFileSync(file)).digest("hex").slice(0, 10);
    hashes.set(logical, { hash, mtimeMs });
    return hash;
  }

  for (const logical of listFiles(staticDir)) hashOf(logical);

  return {
    url(logical) {
      const clean = logical.replace(/^\/+/, "");
      const hash = hashOf(clean);
      return `/static/${hash ? fingerprinted(clean, hash) : clean}`;
    },
    resolve(requestPath) {
      const clean = path.posix.normalize(requestPath).replace(/^\/+/, "");
      if (clean.startsWith("..") || clean.includes("\0")) return undefined;
      const match = FINGERPRINT.exec(clean);
      if (match) {
        const logical = `${match[1]}${match[3]}`;
        if (hashOf(logical) === match[2]) return { file: path.join(staticDir, logical), fingerprinted: true };
      }
      return hashOf(clean) ? { file: path.join(staticDir, clean), fingerprinted: false } : undefined;
    },
  };
}
