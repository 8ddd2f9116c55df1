import { Hono } from "hono";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import type { AppEnv } from "../http/env.ts";
import { createTestContext, type TestContext } from "../../testing/deps.ts";
import { createTestUser, signIn } from "../../testing/auth.ts";
import { apiAuth, parseAuthorization, sessionAuth } from "./middleware.ts";
import { createSessionStore } from "./sessions.ts";

describe("parseAuthorization", () => {
  it.each([
    ["ApiKey alice:0123abcd", { scheme: "api-key", username: "alice", key: "0123abcd" }],
    ["apikey alice:0123abcd", { scheme: "api-key", username: "alice", key: "0123abcd" }],
    ["Token 0123abcd", { scheme: "token", key: "0123abcd" }],
    ["token   0123abcd", { scheme: "token", key: "0123abcd" }],
    // A UTF-8 username as Node hands it over (bytes read as Latin-1).
    [`ApiKey ${Buffer.from("josé.ñúñez").toString("latin1")}:k`, { scheme: "api-key", username: "josé.ñúñez", key: "k" }],
  ])("accepts %j", (header, expected) => {
    expect(parseAuthorization(header)).toEqual(expected);
  });

  it.each([
    ["", "empty"],
    ["ApiKey", "scheme only"],
    ["ApiKey alice0123", "missing colon"],
    ["ApiKey alice:", "empty key"],
    ["ApiKey :key", "empty username"],
    ["ApiKey a:b:c", "two colons"],
    ["ApiKey alice:key extra", "trailing words"],
    ["Token", "token without key"],
    ["Token a b", "token with a space"],
    ["Token ÿÿÿ", "non-ASCII token"],
    ["Bearer abc", "unknown scheme"],
    ["Basic YWxpY2U6cGFzcw==", "basic auth"],
    [`Token ${"a".repeat(2000)}`, "huge"],
    [`ApiKey ${"a".repeat(151)}:key`, "username too long"],
    ["ApiKey al\u0000ice:key", "control character"],
    ["ApiKey al\u00adice:key", "soft hyphen (format character)"],
    ["Token\tabc", "tab separator"],
  ])("refuses %j (%s)", (header) => {
    expect(parseAuthorization(header)).toBeUndefined();
  });
});

let ctx: TestContext;
describe("on the database", () => {
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  beforeEach(async () => ctx.reset());
  afterAll(async () => ctx.close());

  async function apiUser(options: { staff?: boolean; active?: boolean } = {}) {
    const user = await createTestUser(ctx, { isStaff: options.staff ?? true, isActive: options.active ?? true });
    const apiKey = await ctx.services.users.issueApiKey({ userId: user.id });
    const token = await ctx.services.users.issueAuthToken({ userId: user.id });
    return { ...user, apiKey, token };
  }

  /** The app's wiring in miniature, with routes that report who the request is. */
  function probeApp() {
    const app = new Hono<AppEnv>();
    const sessions = createSessionStore({ db: ctx.deps.db, kv: ctx.deps.kv });
    app.use(async (c, next) => {
      c.set("user", null);
      c.set("authMethod", null);
      await next();
    });
    // Mounted before /api on purpose: sessionAuth itself must ignore API paths.
    app.use(sessionAuth({ sessions, users: ctx.services.users, secureCookies: false }));
    const whoami = (c: import("hono").Context<AppEnv>) => c.json({ user: c.get("user")?.username ?? null, method: c.get("authMethod") });
    const api = new Hono<AppEnv>();
    api.use(apiAuth({ users: ctx.services.users }));
    api.get("/whoami/", whoami);
    app.route("/api", api);
    app.get("/whoami/", whoami);
    app.onError((error, c) => c.json({ status: error instanceof AppError ? error.status : 500 }, error instanceof AppError ? (error.status as 401) : 500));
    return app;
  }

  describe("apiAuth through the app", () => {
    const boxes = "/api/v3/boxes/";

    it("lets anonymous and correctly authenticated callers through", async () => {
      const user = await apiUser();
      expect((await ctx.app.request(boxes)).status).toBe(200);
      expect((await ctx.app.request(boxes, { headers: { authorization: `ApiKey ${user.username}:${user.apiKey}` } })).status).toBe(200);
      expect((await ctx.app.request(boxes, { headers: { authorization: `Token ${user.token}` } })).status).toBe(200);
    });

    it.each([
      ["wrong key", (u: { username: string }) => `ApiKey ${u.username}:${"0".repeat(40)}`],
      ["someone else's username", (u: { apiKey: string }) => `ApiKey admin:${u.apiKey}`],
      ["case-variant username (tastypie matches exactly)", (u: { username: string; apiKey: string }) => `ApiKey ${u.username.toUpperCase()}:${u.apiKey}`],
      ["wrong token", () => `Token ${"f".repeat(40)}`],
      ["API key sent as a token", (u: { apiKey: string }) => `Token ${u.apiKey}`],
      ["malformed", () => "ApiKey nocolon"],
      ["empty key", (u: { username: string }) => `ApiKey ${u.username}:`],
      ["unknown scheme", () => "Bearer abc"],
      ["huge", () => `Token ${"x".repeat(20_000)}`],
      ["odd Unicode", () => "ApiKey \u00e9\u00ff\u00fe:\u00a0"],
    ])("answers 401 problem details with a challenge for %s", async (_label, header) => {
      const user = await apiUser();
      const response = await ctx.app.request(boxes, { headers: { authorization: header(user) } });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toContain("ApiKey");
      expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      const body = (await response.json()) as { status: number; detail: string };
      expect(body.status).toBe(401);
      expect(body.detail).not.toMatch(/prisma|stack|undefined/i);
    });

    it("refuses inactive users' credentials and credentials in the query string", async () => {
      const inactive = await apiUser({ active: false });
      expect((await ctx.app.request(boxes, { headers: { authorization: `Token ${inactive.token}` } })).status).toBe(401);
      expect((await ctx.app.request(boxes, { headers: { authorization: `ApiKey ${inactive.username}:${inactive.apiKey}` } })).status).toBe(401);
      const active = await apiUser();
      expect((await ctx.app.request(`${boxes}?username=${active.username}&api_key=${active.apiKey}`)).status).toBe(401);
    });
  });

  describe("who the request is", () => {
    it("identifies API callers by key or token, with the method used", async () => {
      const user = await apiUser();
      const app = probeApp();
      const byKey = await app.request("/api/whoami/", { headers: { authorization: `ApiKey ${user.username}:${user.apiKey}` } });
      expect(await byKey.json()).toEqual({ user: user.username, method: "api-key" });
      const byToken = await app.request("/api/whoami/", { headers: { authorization: `Token ${user.token}` } });
      expect(await byToken.json()).toEqual({ user: user.username, method: "token" });
    });

    it("ignores the session cookie under /api but honours it on pages", async () => {
      const user = await apiUser();
      const cookie = await signIn(ctx, user.id);
      const app = probeApp();
      expect(await (await app.request("/api/whoami/", { headers: { cookie } })).json()).toEqual({ user: null, method: null });
      expect(await (await app.request("/whoami/", { headers: { cookie } })).json()).toEqual({ user: user.username, method: "session" });
    });

    it("drops a session whose user changed password or was deactivated, and clears the cookie", async () => {
      const user = await apiUser();
      const app = probeApp();
      const cookie = await signIn(ctx, user.id);
      await ctx.services.users.changePassword({ userId: user.id, password: "a-new-password" });
      const response = await app.request("/whoami/", { headers: { cookie } });
      expect(await response.json()).toEqual({ user: null, method: null });
      expect(response.headers.get("set-cookie")).toMatch(/sessionid=;/);

      const second = await signIn(ctx, user.id);
      await ctx.deps.db.user.update({ where: { id: user.id }, data: { isActive: false } });
      expect(await (await app.request("/whoami/", { headers: { cookie: second } })).json()).toEqual({ user: null, method: null });
    });
  });
});
