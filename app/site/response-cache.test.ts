// The response cache through the real app: what is stored, what never is, validators,
// compression, and invalidation by writes, in one process and across two sharing Redis.
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestUser, signIn } from "../testing/auth.ts";
import { createTestContext, useTestContext, type TestContext } from "../testing/deps.ts";
import { createDownloadsFixture, type DownloadsFixture } from "../testing/factories/downloads.ts";

const ctx = useTestContext();
const actor = "system" as const;
let fixture: DownloadsFixture;

beforeEach(async () => {
  fixture = await createDownloadsFixture(ctx.services.downloads);
});

const get = (app: TestContext["app"], path: string, headers: Record<string, string> = {}) => app.request(path, { headers });

describe("the response cache", () => {
  it("stores an anonymous page once and answers the same bytes from the copy", async () => {
    const first = await get(ctx.app, "/downloads/");
    expect(first.status).toBe(200);
    expect(first.headers.get("x-response-cache")).toBe("miss");
    const second = await get(ctx.app, "/downloads/");
    expect(second.headers.get("x-response-cache")).toBe("hit");
    expect(await second.text()).toBe(await first.text());
    // Headers the app gave the page come with the copy; the request id is this request's.
    for (const header of ["content-type", "content-security-policy", "cache-control", "surrogate-control", "etag", "last-modified"]) {
      expect([header, second.headers.get(header)]).toEqual([header, first.headers.get(header)]);
    }
    expect(second.headers.get("x-request-id")).not.toBe(first.headers.get("x-request-id"));
    expect(second.headers.get("surrogate-key")!.split(" ")).toEqual(expect.arrayContaining(["pydotorg-app", "downloads"]));
  });

  it("builds a page once when many ask for it at the same moment", async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, () => get(ctx.app, "/downloads/")));
    const states = answers.map((answer) => answer.headers.get("x-response-cache"));
    expect(states.filter((state) => state === "miss")).toHaveLength(1);
    expect(states.filter((state) => state === "hit")).toHaveLength(11);
    expect(new Set(await Promise.all(answers.map((answer) => answer.text()))).size).toBe(1);
  });

  it("answers 304 to a current ETag or Last-Modified, and HEAD without a body", async () => {
    const first = await get(ctx.app, "/downloads/operating-systems/");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const byTag = await get(ctx.app, "/downloads/operating-systems/", { "if-none-match": `"other", ${etag}` });
    expect(byTag.status).toBe(304);
    expect(await byTag.text()).toBe("");
    expect(byTag.headers.get("etag")).toBe(etag);
    const byDate = await get(ctx.app, "/downloads/operating-systems/", { "if-modified-since": first.headers.get("last-modified")! });
    expect(byDate.status).toBe(304);
    const stale = await get(ctx.app, "/downloads/operating-systems/", { "if-none-match": '"not-it"' });
    expect(stale.status).toBe(200);
    const head = await ctx.app.request("/downloads/operating-systems/", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });

  it("compresses with brotli or gzip as the client accepts, with its own ETag per coding", async () => {
    const plain = await (await get(ctx.app, "/downloads/")).text();
    const br = await get(ctx.app, "/downloads/", { "accept-encoding": "gzip, deflate, br" });
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("vary")).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(plain);
    const gz = await get(ctx.app, "/downloads/", { "accept-encoding": "gzip;q=1, br;q=0" });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(plain);
    expect(new Set([br.headers.get("etag"), gz.headers.get("etag")]).size).toBe(2);
    // A client revalidating its brotli copy gets a 304 too.
    const again = await get(ctx.app, "/downloads/", { "accept-encoding": "br", "if-none-match": br.headers.get("etag")! });
    expect(again.status).toBe(304);
    const refused = await get(ctx.app, "/downloads/", { "accept-encoding": "identity, *;q=0" });
    expect(refused.headers.get("content-encoding")).toBeNull();
  });

  it("compresses pages it does not store too", async () => {
    const response = await get(ctx.app, "/accounts/login/", { "accept-encoding": "gzip" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await response.arrayBuffer())).toString()).toContain("<form");
  });

  it("shows a saved release at once on the downloads pages and APIs", async () => {
    const paths = ["/downloads/", "/downloads/release/python-3140/", "/api/v2/downloads/release/", "/api/v3/downloads/releases/", "/downloads/feed.rss"];
    for (const path of paths) await get(ctx.app, path);
    for (const path of paths) expect([path, (await get(ctx.app, path)).headers.get("x-response-cache")]).toEqual([path, "hit"]);
    await ctx.services.downloads.saveRelease({
      id: fixture.releases.py3140,
      input: { name: "Python 3.14.0", isPublished: true, isLatest: true, content: "Fresh notes for the cache test." },
      actor,
    });
    const release = await get(ctx.app, "/downloads/release/python-3140/");
    expect(release.headers.get("x-response-cache")).toBe("miss");
    expect(await release.text()).toContain("Fresh notes for the cache test.");
    for (const path of paths.slice(1)) expect([path, (await get(ctx.app, path)).headers.get("x-response-cache")]).toEqual([path, path === paths[1] ? "hit" : "miss"]);
  });

  it("never stores or serves copies for signed-in visitors, credentials, flash messages or forms", async () => {
    await get(ctx.app, "/downloads/");
    const user = await createTestUser(ctx);
    const cookie = await signIn(ctx, user.id);
    const signedIn = await get(ctx.app, "/downloads/", { cookie });
    expect(signedIn.headers.get("x-response-cache")).toBeNull();
    expect(signedIn.headers.get("cache-control")).toBe("private, no-store");
    const withKey = await get(ctx.app, "/api/v2/downloads/release/", { authorization: "Token not-a-real-token" });
    expect(withKey.headers.get("x-response-cache")).toBeNull();
    const flash = await get(ctx.app, "/downloads/", { cookie: "flash=anything" });
    expect(flash.headers.get("x-response-cache")).toBeNull();
    // The sign-in form embeds this browser's CSRF token: it must never be handed to another.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const login = await get(ctx.app, "/accounts/login/", { cookie: "csrftoken=" + "a".repeat(43) });
      expect(login.headers.get("x-response-cache")).toBeNull();
    }
    const errors = await get(ctx.app, "/downloads/release/python-0000/");
    expect(errors.status).toBe(404);
    expect((await get(ctx.app, "/downloads/release/python-0000/")).headers.get("x-response-cache")).toBeNull();
  });

  it("is off with RESPONSE_CACHE=off, keeping validators and compression", async () => {
    const off = await createTestContext({ env: { RESPONSE_CACHE: "off" } });
    try {
      // An API answer: a page's body differs per request (its CSP nonce), so only a stored copy revalidates.
      const first = await get(off.app, "/api/v2/downloads/release/", { "accept-encoding": "br" });
      const second = await get(off.app, "/api/v2/downloads/release/", { "accept-encoding": "br", "if-none-match": first.headers.get("etag")! });
      expect([first.headers.get("x-response-cache"), first.headers.get("content-encoding"), second.status]).toEqual([null, "br", 304]);
    } finally {
      await off.close();
    }
  });
});

describe("a process with every build slot taken", () => {
  it("refuses what it cannot build with a 503 and Retry-After, page or problem details, and still answers stored copies", async () => {
    const busy = await createTestContext({ env: { WEB_MAX_IN_FLIGHT: "1", WEB_MAX_QUEUE: "0" } });
    try {
      await get(busy.app, "/downloads/");
      // The first holds the only slot while it waits on the database; the others arrive meanwhile.
      const [held, page, api, stored] = await Promise.all([
        get(busy.app, "/accounts/login/"),
        get(busy.app, "/about/"),
        get(busy.app, "/api/v3/downloads/os/"),
        get(busy.app, "/downloads/"),
      ]);
      expect(held.status).toBe(200);
      expect([page.status, page.headers.get("retry-after"), page.headers.get("cache-control")]).toEqual([503, "30", "no-store"]);
      expect(await page.text()).toContain("The site is busy right now.");
      expect(api.status).toBe(503);
      expect(api.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect([stored.status, stored.headers.get("x-response-cache")]).toEqual([200, "hit"]);
    } finally {
      await busy.close();
    }
  });
});

// Without REDIS_URL each process has only its own memory: nothing to share.
describe.skipIf(!process.env.REDIS_URL)("two web processes sharing Redis", () => {
  let other: TestContext;
  beforeAll(async () => {
    // Same database and Redis prefix as `ctx` (one test worker), its own memory and bus.
    other = await createTestContext();
  });
  afterAll(async () => {
    await other.close();
  });

  it("answer from what either built, and drop it in both when one of them saves", async () => {
    await get(ctx.app, "/downloads/release/python-3140/");
    const shared = await get(other.app, "/downloads/release/python-3140/");
    expect(shared.headers.get("x-response-cache")).toBe("hit");
    expect((await get(other.app, "/downloads/release/python-3140/")).headers.get("x-response-cache")).toBe("hit");
    await ctx.services.downloads.saveRelease({
      id: fixture.releases.py3140,
      input: { name: "Python 3.14.0", isPublished: true, isLatest: true, content: "Saved in the first process." },
      actor,
    });
    const fresh = await get(other.app, "/downloads/release/python-3140/");
    expect(fresh.headers.get("x-response-cache")).toBe("miss");
    expect(await fresh.text()).toContain("Saved in the first process.");
  });
});
