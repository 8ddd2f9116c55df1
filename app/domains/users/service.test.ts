import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { sha256Hex } from "../../core/auth/sessions.ts";
import { type TestContext, useTestContext } from "../../testing/deps.ts";
import { createTestUser, ensurePermission } from "../../testing/auth.ts";
import { createUsersService } from "./service.ts";
import { LEGACY_TESTBED_DIR } from "../../testing/legacy-testbed.ts";
import { skipUnless } from "../../testing/skip.ts";

const SAMPLE_USERS = path.join(LEGACY_TESTBED_DIR, "sample/users.json");
type SampleUser = { pk: number; fields: { username: string; password: string; email: string; is_active: boolean; is_staff: boolean } };

/** Inserts legacy sample users with their stored Django hashes, as the migration does. */
async function loadSampleUsers(ctx: TestContext, usernames: string[]): Promise<void> {
  const rows = (JSON.parse(readFileSync(SAMPLE_USERS, "utf8")) as SampleUser[]).filter((row) => usernames.includes(row.fields.username));
  for (const { pk, fields } of rows) {
    await ctx.deps.db.user.create({
      data: { id: pk, username: fields.username, password: fields.password, email: fields.email, isActive: fields.is_active, isStaff: fields.is_staff },
    });
  }
}

const ctx = useTestContext();

const users = () => ctx.services.users;
const storedHash = async (username: string) => (await ctx.deps.db.user.findUniqueOrThrow({ where: { username }, select: { password: true } })).password;

describe.skipIf(skipUnless(existsSync(SAMPLE_USERS), "legacy sample users.json not found (set LEGACY_TESTBED_DIR)"))("authenticate with the legacy sample", () => {
  beforeEach(async () => {
    await loadSampleUsers(ctx, ["admin", "oldtimer", "sha1-user", "md5-user", "josé.ñúñez", "no-password", "deactivated", "CaseTwin", "casetwin"]);
  });

  it.each([
    ["admin", "password"],
    ["oldtimer", "hunter2"],
    ["sha1-user", "sha1-pass"],
    ["josé.ñúñez", "contraseña-ñ"],
  ])("logs %s in and rehashes the legacy hash to argon2id", async (username, password) => {
    const result = await users().authenticate({ login: username, password });
    expect(result).toMatchObject({ ok: true, user: { username, securityStamp: 0 } });
    const rehashed = await storedHash(username);
    expect(rehashed.startsWith("$argon2id$")).toBe(true);
    const row = await ctx.deps.db.user.findUniqueOrThrow({ where: { username }, select: { lastLogin: true } });
    expect(row.lastLogin).toBeInstanceOf(Date);
    // The argon2id hash works next time and is kept as it is.
    expect((await users().authenticate({ login: username, password })).ok).toBe(true);
    expect(await storedHash(username)).toBe(rehashed);
  });

  it("looks usernames up case-insensitively, like legacy iexact", async () => {
    expect((await users().authenticate({ login: "ADMIN", password: "password" })).ok).toBe(true);
    expect((await users().authenticate({ login: "  admin ", password: "password" })).ok).toBe(true);
    expect((await users().authenticate({ login: "JOSÉ.ÑÚÑEZ", password: "contraseña-ñ" })).ok).toBe(true);
  });

  it("prefers the exact spelling among case-variant twins and refuses an ambiguous one", async () => {
    expect(await users().authenticate({ login: "CaseTwin", password: "sample-password" })).toMatchObject({ ok: true, user: { username: "CaseTwin" } });
    expect(await users().authenticate({ login: "casetwin", password: "sample-password" })).toMatchObject({ ok: true, user: { username: "casetwin" } });
    expect(await users().authenticate({ login: "CASETWIN", password: "sample-password" })).toEqual({ ok: false, reason: "ambiguous" });
  });

  it.each([
    ["md5-user", "md5-pass", "password"],
    ["no-password", "", "password"],
    ["no-password", "!", "password"],
    ["deactivated", "irrelevant", "inactive"],
    ["admin", "wrong", "password"],
    ["nobody-here", "password", "unknown"],
  ])("refuses %s", async (login, password, reason) => {
    const before = login === "nobody-here" ? undefined : await storedHash(login);
    expect(await users().authenticate({ login, password })).toEqual({ ok: false, reason });
    if (before) expect(await storedHash(login)).toBe(before);
  });
});

describe("authenticate by email", () => {
  it("accepts the verified primary address only, case-insensitively", async () => {
    const user = await createTestUser(ctx, { username: "mail-user", email: "Mail.User@Example.com", emailVerified: true });
    expect((await users().authenticate({ login: "mail.user@example.COM", password: user.password })).ok).toBe(true);

    await ctx.deps.db.emailAddress.updateMany({ where: { userId: user.id }, data: { verified: false } });
    expect(await users().authenticate({ login: "mail.user@example.com", password: user.password })).toEqual({ ok: false, reason: "unknown" });

    await ctx.deps.db.emailAddress.updateMany({ where: { userId: user.id }, data: { verified: true, primary: false } });
    expect((await users().authenticate({ login: "mail.user@example.com", password: user.password })).ok).toBe(false);
  });

  it("treats names with control characters (NUL cannot reach PostgreSQL) as unknown", async () => {
    expect(await users().authenticate({ login: "admin\u0000", password: "x" })).toEqual({ ok: false, reason: "unknown" });
    expect(await users().authenticate({ login: "", password: "x" })).toEqual({ ok: false, reason: "unknown" });
  });

  it("still finds usernames that contain @", async () => {
    const user = await createTestUser(ctx, { username: "at@name", email: "other@example.com" });
    expect((await users().authenticate({ login: "at@name", password: user.password })).ok).toBe(true);
  });
});

describe("loadCurrentUser", () => {
  it("resolves direct and group permissions and group names in at most two queries", async () => {
    const user = await createTestUser(ctx, { permissions: ["boxes.change_box"], groups: ["Job Board Admin"] });
    const group = await ctx.deps.db.group.findUniqueOrThrow({ where: { name: "Job Board Admin" } });
    const moderate = await ensurePermission(ctx, "jobs.can_moderate_jobs");
    await ctx.deps.db.groupPermission.create({ data: { groupId: group.id, permissionId: moderate.id } });

    let queries = 0;
    const counted = ctx.deps.db.$extends({
      query: {
        async $allOperations({ args, query }) {
          queries += 1;
          return query(args);
        },
      },
    }) as unknown as typeof ctx.deps.db;
    const current = await createUsersService({ db: counted, clock: ctx.deps.clock }).loadCurrentUser({ userId: user.id });
    // The user row and one UNION of permissions and groups (raw queries count too).
    expect(queries).toBe(2);
    expect(current).toMatchObject({ id: user.id, username: user.username, isStaff: false, isSuperuser: false, groups: ["Job Board Admin"] });
    expect([...current!.permissions].sort()).toEqual(["boxes.change_box", "jobs.can_moderate_jobs"]);
  });

  it("is null for a missing or inactive user, or a stale security stamp", async () => {
    const user = await createTestUser(ctx);
    expect(await users().loadCurrentUser({ userId: 999_999 })).toBeNull();
    expect(await users().loadCurrentUser({ userId: user.id, securityStamp: 0 })).not.toBeNull();
    expect(await users().loadCurrentUser({ userId: user.id, securityStamp: 1 })).toBeNull();
    await ctx.deps.db.user.update({ where: { id: user.id }, data: { isActive: false } });
    expect(await users().loadCurrentUser({ userId: user.id })).toBeNull();
  });
});

describe("account changes", () => {
  it("changes the password, bumping the security stamp", async () => {
    const user = await createTestUser(ctx);
    await users().changePassword({ userId: user.id, password: "brand-new-secret" });
    expect((await users().authenticate({ login: user.username, password: user.password })).ok).toBe(false);
    expect(await users().authenticate({ login: user.username, password: "brand-new-secret" })).toMatchObject({ ok: true, user: { securityStamp: 1 } });
    await users().bumpSecurityStamp({ userId: user.id });
    expect(await users().loadCurrentUser({ userId: user.id, securityStamp: 1 })).toBeNull();
    await expect(users().changePassword({ userId: user.id, password: "short" })).rejects.toThrow();
    await expect(users().changePassword({ userId: 999_999, password: "long-enough-pw" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("creates users with argon2id or unusable passwords and refuses case-variant twins", async () => {
    const created = await users().createUser({ input: { username: "NewAdmin", email: "New@Example.com", password: "s3cret-enough", isSuperuser: true } });
    const row = await ctx.deps.db.user.findUniqueOrThrow({ where: { id: created.id }, include: { emailAddresses: true } });
    expect(row).toMatchObject({ isStaff: true, isSuperuser: true, email: "new@example.com" });
    expect(row.password.startsWith("$argon2id$")).toBe(true);
    expect(row.emailAddresses).toMatchObject([{ email: "new@example.com", primary: true, verified: false }]);
    await expect(users().createUser({ input: { username: "newadmin" } })).rejects.toMatchObject({ code: "CONFLICT", fields: { username: expect.any(Array) } });

    const passwordless = await users().createUser({ input: { username: "no-pass" } });
    const stored = await ctx.deps.db.user.findUniqueOrThrow({ where: { id: passwordless.id }, select: { password: true } });
    expect(stored.password.startsWith("!")).toBe(true);
  });
});

describe("API credentials", () => {
  it("stores only hashes and finds the user by key (exact username) or token", async () => {
    const user = await createTestUser(ctx, { isStaff: true });
    const key = await users().issueApiKey({ userId: user.id });
    const token = await users().issueAuthToken({ userId: user.id });
    expect(key).toMatch(/^[0-9a-f]{40}$/);
    expect(await ctx.deps.db.apiKey.findFirstOrThrow({ select: { keyHash: true } })).toEqual({ keyHash: sha256Hex(key) });
    expect(await ctx.deps.db.authToken.findFirstOrThrow({ select: { keyHash: true } })).toEqual({ keyHash: sha256Hex(token) });

    expect(await users().findUserByApiKey({ username: user.username, key })).toMatchObject({ id: user.id, isStaff: true });
    expect(await users().findUserByApiKey({ username: user.username.toUpperCase(), key })).toBeNull();
    expect(await users().findUserByApiKey({ username: user.username, key: token })).toBeNull();
    expect(await users().findUserByToken({ key: token })).toMatchObject({ id: user.id });
    expect(await users().findUserByToken({ key })).toBeNull();

    const replaced = await users().issueApiKey({ userId: user.id });
    expect(await users().findUserByApiKey({ username: user.username, key })).toBeNull();
    expect(await users().findUserByApiKey({ username: user.username, key: replaced })).not.toBeNull();
  });
});

describe("users.prune-sessions", () => {
  it("runs from the job queue and deletes expired database sessions", async () => {
    const user = await createTestUser(ctx);
    const past = new Date(Date.now() - 60_000);
    await ctx.deps.db.session.create({
      data: { tokenHash: "a".repeat(64), userId: user.id, securityStamp: 0, idleExpiresAt: past, absoluteExpiresAt: new Date(Date.now() + 60_000) },
    });
    await ctx.deps.db.session.create({
      data: { tokenHash: "b".repeat(64), userId: user.id, securityStamp: 0, idleExpiresAt: new Date(Date.now() + 60_000), absoluteExpiresAt: new Date(Date.now() + 60_000) },
    });
    await ctx.deps.jobs.add("users.prune-sessions", { _cron: { ts: new Date().toISOString(), backfilled: false } });
    await ctx.drainJobs();
    expect(await ctx.deps.db.session.findMany({ select: { tokenHash: true } })).toEqual([{ tokenHash: "b".repeat(64) }]);
  });
});
