import { beforeEach, describe, expect, it } from "vitest";
import { PUBLIC_CACHE_CONTROL, PUBLIC_SURROGATE_CONTROL } from "../../core/http/cdn-cache.ts";
import { createTestUser, signIn } from "../../testing/auth.ts";
import { useTestContext } from "../../testing/deps.ts";
import { createDownloadsFixture } from "../../testing/factories/downloads.ts";

const ctx = useTestContext();

beforeEach(async () => {
  await createDownloadsFixture(ctx.services.downloads);
});

const PUBLIC_PATHS = [
  "/downloads/",
  "/downloads/release/python-3140/",
  "/downloads/operating-systems/",
  "/downloads/feed.rss",
  "/downloads/feed.atom",
  "/getit/",
  "/getit/feed.rss",
];

describe("downloads cache headers", () => {
  it("lets the CDN keep anonymous downloads pages and feeds a week, browsers five minutes", async () => {
    for (const path of PUBLIC_PATHS) {
      const response = await ctx.app.request(path);
      expect([path, response.status, response.headers.get("Cache-Control"), response.headers.get("Surrogate-Control")]).toEqual([
        path,
        200,
        PUBLIC_CACHE_CONTROL,
        PUBLIC_SURROGATE_CONTROL,
      ]);
    }
  });

  it("keeps signed-in pages private and never caches errors or redirects", async () => {
    const user = await createTestUser(ctx);
    const cookie = await signIn(ctx, user.id);
    const signedIn = await ctx.app.request("/downloads/", { headers: { cookie } });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get("Cache-Control")).toBe("private, no-store");
    expect(signedIn.headers.get("Surrogate-Control")).toBeNull();
    for (const path of ["/downloads/release/python-0000/", "/downloads/no-such-os/", "/downloads/latest/"]) {
      const response = await ctx.app.request(path);
      expect(response.status).not.toBe(200);
      expect([path, response.headers.get("Surrogate-Control")]).toEqual([path, null]);
    }
  });
});
