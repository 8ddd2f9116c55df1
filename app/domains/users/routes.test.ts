import { pbkdf2Sync } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { requireGroup, requirePermission, requireStaff } from "../../core/auth/guards.ts";
import { createTestContext, type TestContext } from "../../testing/deps.ts";
import { createTestUser, formPost, responseCookie, signIn } from "../../testing/auth.ts";
import { LOGIN_FAILED } from "./routes.ts";

let ctx: TestContext;
let offsetMs = 0;
let ipCounter = 0;
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  // One trusted proxy, so each test can log in from its own X-Forwarded-For address.
  ctx = await createTestContext({ env: { TRUSTED_PROXIES: "1" }, clock: { now: () => new Date(Date.now() + offsetMs) } });
  // Probe routes, added before the first request builds the router.
  ctx.app.get("/probe/whoami/", (c) => c.text(c.get("user")?.username ?? "anonymous"));
  ctx.app.get("/probe/staff/", requireStaff(), (c) => c.text("staff page"));
  ctx.app.get("/probe/release/", requirePermission("downloads.change_release"), (c) => c.text("release page"));
  ctx.app.get("/probe/jobs/", requireGroup("Job Board Admin"), (c) => c.text("jobs page"));
});
beforeEach(async () => {
  offsetMs = 0;
  ipCounter += 1;
  await ctx.reset();
});
afterAll(async () => ctx.close());

const ip = () => `198.51.100.${ipCounter % 250}`;

function login(fields: Record<string, string>, options: { cookie?: string; ip?: string } = {}) {
  return ctx.app.request("/accounts/login/", formPost(ctx, fields, { cookie: options.cookie, headers: { "x-forwarded-for": options.ip ?? ip() } }));
}

async function whoami(cookie: string | undefined): Promise<string> {
  return (await ctx.app.request("/probe/whoami/", { headers: cookie ? { cookie } : {} })).text();
}

/** Logs in and returns the `sessionid=…` cookie pair. */
async function loginCookie(username: string, password: string, cookie?: string): Promise<string> {
  const response = await login({ username, password }, { cookie });
  expect(response.status).toBe(303);
  return `sessionid=${responseCookie(response, "sessionid")!.value}`;
}

/** A user stored with a legacy Django hash, as the migration leaves them. */
async function legacyUser(username: string, password: string, options: { algorithm?: "pbkdf2_sha256" | "md5"; active?: boolean } = {}) {
  const salt = "legacysalt1234";
  const hash =
    options.algorithm === "md5"
      ? `md5$${salt}$0123456789abcdef0123456789abcdef`
      : `pbkdf2_sha256$150000$${salt}$${pbkdf2Sync(password, salt, 150000, 32, "sha256").toString("base64")}`;
  return ctx.deps.db.user.create({ data: { username, password: hash, email: `${username.length}@example.org`, isActive: options.active ?? true } });
}

describe("GET /accounts/login/", () => {
  it("renders a labelled form with the CSRF token and a safe next", async () => {
    const response = await ctx.app.request("/accounts/login/?next=/downloads/");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<input type="hidden" name="csrf_token" value="[^"]+">/);
    expect(html).toContain('<label for="id_username">');
    expect(html).toContain('<label for="id_password">');
    expect(html).toContain('name="next" value="/downloads/"');
    const evil = await (await ctx.app.request("/accounts/login/?next=//evil.com")).text();
    expect(evil).toContain('name="next" value="/"');
  });
});

describe("POST /accounts/login/", () => {
  it("logs a legacy user in with a non-ASCII password, rehashes to argon2id and sets a safe cookie", async () => {
    await legacyUser("josé.ñúñez", "contraseña-ñ");
    const response = await login({ username: "josé.ñúñez", password: "contraseña-ñ", next: "/downloads/?os=mac" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/downloads/?os=mac");
    const cookie = responseCookie(response, "sessionid")!;
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie.attributes).toMatch(/HttpOnly/);
    expect(cookie.attributes).toMatch(/SameSite=Lax/);
    expect(cookie.attributes).toMatch(/Path=\//);
    expect(cookie.attributes).not.toMatch(/Secure/);
    const stored = await ctx.deps.db.user.findUniqueOrThrow({ where: { username: "josé.ñúñez" }, select: { password: true, lastLogin: true } });
    expect(stored.password.startsWith("$argon2id$")).toBe(true);
    expect(stored.lastLogin).not.toBeNull();

    const home = await ctx.app.request("/", {
      headers: { cookie: `sessionid=${cookie.value}; ${responseCookie(response, "flash") ? `flash=${responseCookie(response, "flash")!.value}` : ""}` },
    });
    const html = await home.text();
    expect(html).toContain("Signed in as </span>josé.ñúñez");
    expect(html).toContain("Successfully signed in as josé.ñúñez.");
    expect(home.headers.get("cache-control")).toBe("private, no-store");
    expect(home.headers.get("vary")).toContain("Cookie");
  });

  it("answers every kind of failure with the same generic 422, keeping the username but never the password", async () => {
    await legacyUser("md5-user", "md5-pass", { algorithm: "md5" });
    await legacyUser("sleeper", "right-password", { active: false });
    const ok = await createTestUser(ctx, { username: "known-user" });
    await ctx.deps.db.user.create({ data: { username: "no-password", password: "!unusable-forever" } });
    const attempts = [
      { username: "known-user", password: "wrong-password" },
      { username: "nobody-at-all", password: ok.password },
      { username: "md5-user", password: "md5-pass" },
      { username: "sleeper", password: "right-password" },
      { username: "no-password", password: "!unusable-forever" },
    ];
    for (const attempt of attempts) {
      const response = await login(attempt, { ip: `203.0.113.${attempts.indexOf(attempt)}` });
      expect(response.status).toBe(422);
      const html = await response.text();
      expect(html).toContain(LOGIN_FAILED);
      expect(html).toContain(`value="${attempt.username}"`);
      expect(html).not.toContain(attempt.password);
      expect(html).toMatch(/id="id_password"[^>]*aria-describedby="login-error"/);
      expect(responseCookie(response, "sessionid")).toBeUndefined();
    }
  });

  it("shows field errors next to the fields and survives hostile input without a 500", async () => {
    const empty = await login({ username: "", password: "" });
    expect(empty.status).toBe(422);
    const html = await empty.text();
    expect(html).toContain('id="username-error"');
    expect(html).toMatch(/id="id_username"[^>]*aria-describedby="username-error"/);
    expect(html).toContain("Enter your password.");

    for (const fields of [
      { username: "x".repeat(10_000), password: "pw" },
      { username: "admin", password: "p".repeat(5000) },
      { username: "\u0000\u202e\ud83d\ude00\u0301", password: "\uffff" },
      { username: "%' OR 1=1 --", password: "x" },
    ]) {
      const response = await login(fields);
      expect(response.status).toBe(422);
    }
  });

  it("rotates the session: a login replaces the browser's previous session", async () => {
    const user = await createTestUser(ctx);
    const first = await loginCookie(user.username, user.password);
    const second = await loginCookie(user.username, user.password, first);
    expect(second).not.toBe(first);
    expect(await whoami(first)).toBe("anonymous");
    expect(await whoami(second)).toBe(user.username);
  });

  it.each([
    "//evil.com",
    "https://evil.com",
    "/\\evil.com",
    "/\tevil.com",
    "javascript:alert(1)",
    "http:/evil.com",
    " //evil.com",
    // Each of these is a local-looking path that a browser resolves to another host.
    "/.//evil.example",
    "/..//evil.example",
    "/././/evil.example",
    "/a/..//evil.example",
    "/%2e//evil.example",
    "/%2e%2e//evil.example",
    "%2F%2Fevil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "https:evil.example",
    "\\\\evil.example",
  ])("refuses the open redirect %j", async (next) => {
    const user = await createTestUser(ctx);
    const response = await login({ username: user.username, password: user.password, next });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/");
  });

  it("normalises a safe next before using it, and checks the normalised path", async () => {
    const user = await createTestUser(ctx);
    const response = await login({ username: user.username, password: user.password, next: "/downloads/./release/../release/?os=mac" });
    expect(response.headers.get("location")).toBe("/downloads/release/?os=mac");
    const cookie = `sessionid=${responseCookie(response, "sessionid")!.value}`;
    // Already signed in: GET /accounts/login/ redirects straight to next, so it is checked too.
    const again = await ctx.app.request("/accounts/login/?next=/.//evil.example", { headers: { cookie } });
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toBe("/");
    const form = await (await ctx.app.request("/accounts/login/?next=/.//evil.example")).text();
    expect(form).toContain('name="next" value="/"');
  });

  it("refuses a form without the CSRF token", async () => {
    const response = await ctx.app.request("/accounts/login/", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "username=a&password=b",
    });
    expect(response.status).toBe(403);
  });
});

describe("throttling", () => {
  it("blocks a name from an IP after five consecutive failures with 429 and Retry-After", async () => {
    const user = await createTestUser(ctx);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await login({ username: user.username, password: "wrong" })).status).toBe(422);
    }
    const blocked = await login({ username: user.username.toUpperCase(), password: user.password });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await blocked.text()).not.toContain(LOGIN_FAILED);
    // Another address is not blocked for the same account.
    expect((await login({ username: user.username, password: user.password }, { ip: "192.0.2.200" })).status).toBe(303);
  });

  it("blocks unknown names the same way, so a block reveals nothing", async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await login({ username: "ghost", password: "wrong" })).status).toBe(422);
    }
    expect((await login({ username: "ghost", password: "wrong" })).status).toBe(429);
  });

  it("forgets consecutive failures after a successful login", async () => {
    const user = await createTestUser(ctx);
    for (let attempt = 0; attempt < 4; attempt += 1) await login({ username: user.username, password: "wrong" });
    expect((await login({ username: user.username, password: user.password })).status).toBe(303);
    for (let attempt = 0; attempt < 4; attempt += 1) {
      expect((await login({ username: user.username, password: "wrong" })).status).toBe(422);
    }
  });
});

describe("session lifetime", () => {
  it("ends after two weeks idle but slides while used", async () => {
    const user = await createTestUser(ctx);
    const cookie = await loginCookie(user.username, user.password);
    offsetMs = 13 * DAY;
    expect(await whoami(cookie)).toBe(user.username);
    offsetMs = 27 * DAY + 60_000;
    expect(await whoami(cookie)).toBe("anonymous");
  });

  it("ends 30 days after login however active", async () => {
    const user = await createTestUser(ctx);
    const cookie = await loginCookie(user.username, user.password);
    for (const day of [7, 14, 21, 28]) {
      offsetMs = day * DAY;
      expect(await whoami(cookie)).toBe(user.username);
    }
    offsetMs = 30 * DAY + 1000;
    expect(await whoami(cookie)).toBe("anonymous");
  });

  it("ends when the password changes (security stamp)", async () => {
    const user = await createTestUser(ctx);
    const cookie = await loginCookie(user.username, user.password);
    await ctx.services.users.changePassword({ userId: user.id, password: "another-password" });
    const response = await ctx.app.request("/probe/whoami/", { headers: { cookie } });
    expect(await response.text()).toBe("anonymous");
    expect(responseCookie(response, "sessionid")?.value).toBe("");
  });
});

describe("logging out", () => {
  it("ends this session and clears the cookie", async () => {
    const user = await createTestUser(ctx);
    const cookie = await loginCookie(user.username, user.password);
    const confirm = await ctx.app.request("/accounts/logout/", { headers: { cookie } });
    expect(await confirm.text()).toContain('action="/accounts/logout/"');
    const response = await ctx.app.request("/accounts/logout/", formPost(ctx, {}, { cookie }));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/");
    expect(responseCookie(response, "sessionid")?.value).toBe("");
    expect(await whoami(cookie)).toBe("anonymous");
  });

  it("logs out everywhere: every session of the user, nobody else's", async () => {
    const user = await createTestUser(ctx);
    const other = await createTestUser(ctx);
    const laptop = await loginCookie(user.username, user.password);
    const phone = await signIn(ctx, user.id);
    const someoneElse = await signIn(ctx, other.id);
    const response = await ctx.app.request("/accounts/logout-everywhere/", formPost(ctx, {}, { cookie: laptop }));
    expect(response.status).toBe(303);
    expect(await whoami(laptop)).toBe("anonymous");
    expect(await whoami(phone)).toBe("anonymous");
    expect(await whoami(someoneElse)).toBe(other.username);
  });

  it("sends anonymous visitors of log-out-everywhere to the login page", async () => {
    const response = await ctx.app.request("/accounts/logout-everywhere/", formPost(ctx, {}));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/accounts/login/?next=/accounts/logout-everywhere/");
  });
});

describe("guards", () => {
  it("sends anonymous visitors to login with next, and refuses the signed-in without rights", async () => {
    const anonymous = await ctx.app.request("/probe/staff/?tab=1");
    expect(anonymous.status).toBe(302);
    // Django's redirect_to_login: the query is encoded, slashes are left as they are.
    expect(anonymous.headers.get("location")).toBe("/accounts/login/?next=/probe/staff/%3Ftab%3D1");

    const member = await createTestUser(ctx);
    const cookie = await signIn(ctx, member.id);
    expect((await ctx.app.request("/probe/staff/", { headers: { cookie } })).status).toBe(403);
    expect((await ctx.app.request("/probe/release/", { headers: { cookie } })).status).toBe(403);
    expect((await ctx.app.request("/probe/jobs/", { headers: { cookie } })).status).toBe(403);
  });

  it("lets staff, permission holders and role groups in", async () => {
    const staff = await signIn(ctx, (await createTestUser(ctx, { isStaff: true })).id);
    expect((await ctx.app.request("/probe/staff/", { headers: { cookie: staff } })).status).toBe(200);
    const releaser = await signIn(ctx, (await createTestUser(ctx, { permissions: ["downloads.change_release"] })).id);
    expect((await ctx.app.request("/probe/release/", { headers: { cookie: releaser } })).status).toBe(200);
    const moderator = await signIn(ctx, (await createTestUser(ctx, { groups: ["Job Board Admin"] })).id);
    expect((await ctx.app.request("/probe/jobs/", { headers: { cookie: moderator } })).status).toBe(200);
    expect((await ctx.app.request("/probe/staff/", { headers: { cookie: moderator } })).status).toBe(403);
  });
});

describe("on an https site", () => {
  it("marks the session cookie Secure", async () => {
    const secure = await createTestContext({ env: { SITE_URL: "https://www.python.org" } });
    try {
      const user = await createTestUser(secure);
      const response = await secure.app.request("/accounts/login/", formPost(secure, { username: user.username, password: user.password }));
      expect(response.status).toBe(303);
      expect(responseCookie(response, "sessionid")!.attributes).toMatch(/Secure/);
    } finally {
      await secure.close();
    }
  });
});
