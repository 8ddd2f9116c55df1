// The paths downloads and pages give `npm run bench` (DomainModule.bench): the newest
// release's page among them, and every one answering 200 to an anonymous GET.
import { beforeEach, describe, expect, it } from "vitest";
import { useTestContext } from "../../testing/deps.ts";
import { createDownloadsFixture } from "../../testing/factories/downloads.ts";

const ctx = useTestContext();

beforeEach(async () => {
  await ctx.reset();
  await createDownloadsFixture(ctx.services.downloads);
  await ctx.registry.seed();
});

describe("bench paths", () => {
  it("lists the downloads pages, the newest release, the feed, the API lists and a CMS page, each answering 200", async () => {
    const paths = await ctx.registry.benchPaths();
    expect(paths).toEqual(
      expect.arrayContaining(["/downloads/", "/downloads/release/python-3140/", "/api/v2/downloads/release/", "/api/v3/downloads/releases/", "/downloads/feed.rss", "/about/"]),
    );
    expect(new Set(paths).size).toBe(paths.length);
    for (const path of paths) expect([path, (await ctx.app.request(path)).status]).toEqual([path, 200]);
  });

  it("follows the newest release when another becomes the latest", async () => {
    await ctx.services.downloads.saveRelease({
      input: { name: "Python 3.14.2", isPublished: true, isLatest: true, content: "Notes.", releaseDate: new Date("2025-12-05T12:00:00Z") },
      actor: "system",
    });
    const paths = await ctx.registry.benchPaths();
    expect(paths).toContain("/downloads/release/python-3142/");
    expect(paths).not.toContain("/downloads/release/python-3140/");
  });
});
