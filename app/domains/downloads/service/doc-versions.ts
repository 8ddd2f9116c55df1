// The data of /doc/versions/: published final releases, read once and cached until the
// next downloads write (legacy DocsByVersionView queried on every request).
import { groupDocVersions, type DocVersionGroup } from "../presenters/doc-versions.ts";
import type { DownloadsContext } from "./context.ts";

export function createDocVersions(ctx: DownloadsContext) {
  /** Every documented release grouped by X.Y, newest first (legacy /doc/versions/). */
  async function listDocVersions(): Promise<DocVersionGroup[]> {
    return ctx.cached("doc-versions", async () => {
      const releases = await ctx.db.release.findMany({
        where: { isPublished: true, preRelease: false },
        orderBy: [{ releaseDate: "desc" }, { id: "desc" }],
        select: { name: true, releaseDate: true },
      });
      return groupDocVersions(releases);
    });
  }

  return { listDocVersions };
}
