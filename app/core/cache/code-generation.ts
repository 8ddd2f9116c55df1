// What stored responses and cached data in Redis are filed under besides their own key:
// the release of the code that built them. After a deploy the new code neither serves
// pages the old templates drew nor reads values in the old shapes; tag versions stay
// shared, so invalidations still reach every release during a rolling deploy.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const memo = new Map<string, string>();

/** `RELEASE_ID` when set, else a digest of the files under `folders` (names relative to each, so every checkout of one commit agrees). */
export function codeGeneration(options: { releaseId?: string; folders: string[] }): string {
  if (options.releaseId) return options.releaseId;
  const memoKey = options.folders.join("\n");
  let generation = memo.get(memoKey);
  if (!generation) {
    const hash = createHash("sha256");
    for (const folder of options.folders) for (const file of filesUnder(folder)) hash.update(path.relative(folder, file)).update(readFileSync(file));
    generation = hash.digest("base64url").slice(0, 12);
    memo.set(memoKey, generation);
  }
  return generation;
}

function filesUnder(folder: string): string[] {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && !entry.name.endsWith(".map"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
