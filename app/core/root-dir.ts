// The repository root: the nearest folder above this file holding package.json. Code
// runs both from its source (app/core/…, through tsx and vitest) and bundled into
// dist/ (npm start), at different depths, so templates/, static/ and prisma/ are found
// from this marker rather than by counting "..".
import { existsSync } from "node:fs";
import path from "node:path";

/** The nearest folder at or above `start` that holds a package.json. */
export function findRootDir(start: string): string {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (dir === path.dirname(dir)) throw new Error(`no package.json above ${start}`);
  }
}

export const ROOT_DIR = findRootDir(import.meta.dirname);
