// The accounts migrator on the README's sample: hashes carried byte for byte, unicode
// intact, credentials stored hashed, permissions matched by name, conflicts reported,
// and a migrated user logging in with the README's password.
import { pbkdf2Sync } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sumValues } from "../../core/legacy/tally.ts";
import type { MigrationReport } from "../../core/legacy/report.ts";
import { createTestContext, type TestContext } from "../../testing/deps.ts";
import { formPost } from "../../testing/auth.ts";
import { createLegacySampleDatabase, migrateLegacy, stepReport, type LegacyDatabase } from "../../testing/legacy-sample.ts";
import { hashLegacyKey } from "./legacy/credentials.ts";
import { describeWithLegacySample } from "../../testing/legacy-bed.ts";

/** Checks a Django pbkdf2_sha256 hash the way README "Users and passwords" says. */
function djangoPbkdf2Matches(hash: string, password: string): boolean {
  const [algorithm, iterations, salt, digest] = hash.split("$");
  return algorithm === "pbkdf2_sha256" && pbkdf2Sync(password, salt!, Number(iterations), 32, "sha256").toString("base64") === digest;
}

describeWithLegacySample("users legacy migrator", () => {
  let ctx: TestContext;
  let legacy: LegacyDatabase;
  let report: MigrationReport;
  const legacyRows = async (sql: string) => (await legacy.query(sql)).rows;

  beforeAll(async () => {
    ctx = await createTestContext();
    await ctx.reset();
    legacy = await createLegacySampleDatabase();
    report = await migrateLegacy(legacy, ctx.databaseUrl, { only: ["users"] });
  });
  afterAll(async () => {
    await legacy?.drop();
    await ctx?.close();
  });

  it("migrates every user, group and link, and addresses and keys minus the reported skips", async () => {
    const db = ctx.deps.db;
    expect(await db.user.count()).toBe(165);
    expect(await db.group.count()).toBe(5);
    expect(await db.emailAddress.count()).toBe(182 - sumValues(stepReport(report, "account_emailaddress").skipped));
    expect(await db.apiKey.count()).toBe(152 - sumValues(stepReport(report, "tastypie_apikey").skipped));
    expect(await db.authToken.count()).toBe(46 - sumValues(stepReport(report, "authtoken_token").skipped));
    expect(await db.groupPermission.count()).toBe(12 - sumValues(stepReport(report, "auth_group_permissions").skipped));
    expect(await db.permission.count()).toBe(370 - sumValues(stepReport(report, "auth_permission").skipped));
  });

  it("keeps every password hash byte for byte, and the README passwords still verify", async () => {
    const legacyHashes = await legacyRows(`SELECT id, username, password FROM users_user ORDER BY id`);
    const migrated = await ctx.deps.db.user.findMany({ select: { id: true, username: true, password: true }, orderBy: { id: "asc" } });
    expect(migrated).toEqual(legacyHashes);
    const admin = migrated.find((user) => user.username === "admin")!;
    expect(djangoPbkdf2Matches(admin.password, "password")).toBe(true);
    const jose = migrated.find((user) => user.username === "josé.ñúñez")!;
    expect(djangoPbkdf2Matches(jose.password, "contraseña-ñ")).toBe(true);
    expect(stepReport(report, "users_user").notes).toMatchObject({ "md5 hash kept but unusable": 1 });
  });

  it("stores API keys and tokens only as sha256 of the legacy key", async () => {
    const keys = await legacyRows(`SELECT user_id, key FROM tastypie_apikey ORDER BY id`);
    const stored = new Map((await ctx.deps.db.apiKey.findMany()).map((row) => [row.userId, row.keyHash]));
    for (const { user_id, key } of keys) expect(stored.get(user_id)).toBe(hashLegacyKey(key));
    expect([...stored.values()].some((hash) => keys.some((row) => row.key === hash))).toBe(false);
    const [owner] = await legacyRows(`SELECT u.username, k.key FROM tastypie_apikey k JOIN users_user u ON u.id = k.user_id WHERE u.is_active ORDER BY k.id LIMIT 1`);
    const user = await ctx.services.users.findUserByApiKey({ username: owner.username, key: owner.key });
    expect(user?.username).toBe(owner.username);
    const [token] = await legacyRows(`SELECT user_id, key FROM authtoken_token ORDER BY key LIMIT 1`);
    expect(await ctx.deps.db.authToken.findUnique({ where: { keyHash: hashLegacyKey(token.key) }, select: { userId: true } })).toEqual({
      userId: token.user_id,
    });
  });

  it("resolves permissions by app label and codename, keeping group rights", async () => {
    const moderator = await ctx.deps.db.user.findUniqueOrThrow({
      where: { username: "jobs-moderator" },
      select: { groups: { select: { group: { select: { permissions: { select: { permission: true } } } } } } },
    });
    const names = moderator.groups.flatMap((g) => g.group.permissions.map(({ permission }) => `${permission.appLabel}.${permission.codename}`));
    expect(names).toContain("jobs.can_moderate_jobs");
  });

  it("lower-cases addresses and keeps our unique indexes, reporting what it changed", async () => {
    const emails = await ctx.deps.db.emailAddress.findMany({ select: { email: true } });
    expect(emails.every(({ email }) => email === email.toLowerCase())).toBe(true);

    const source = await createLegacySampleDatabase();
    try {
      // Planted quirks: the index allauth added later is missing in old databases.
      await source.query(`DROP INDEX unique_verified_email`);
      const verified = (await source.query(`SELECT id, user_id, email FROM account_emailaddress WHERE verified ORDER BY id`)).rows;
      const first = verified[0];
      const second = verified.find((row) => row.user_id !== first.user_id);
      await source.query(`INSERT INTO account_emailaddress (email, verified, "primary", user_id) VALUES ($1, true, false, $2)`, [first.email.toUpperCase(), second.user_id]);
      await source.query(`UPDATE account_emailaddress SET email = upper(email) WHERE id = $1`, [second.id]);
      await ctx.reset();
      const planted = await migrateLegacy(source, ctx.databaseUrl, { only: ["users"] });
      expect(stepReport(planted, "account_emailaddress").notes).toEqual({
        "verified email duplicated across users → kept unverified on the second": 1,
        "address lower-cased": 2,
      });
      const copies = await ctx.deps.db.emailAddress.findMany({ where: { email: first.email.toLowerCase() }, orderBy: { id: "asc" } });
      expect(copies.map((copy) => [copy.userId, copy.verified])).toEqual([
        [first.user_id, true],
        [second.user_id, false],
      ]);
      expect(await ctx.deps.db.emailAddress.findUnique({ where: { id: second.id }, select: { email: true } })).toEqual({ email: second.email.toLowerCase() });
    } finally {
      await source.drop();
      await ctx.reset();
      report = await migrateLegacy(legacy, ctx.databaseUrl, { only: ["users"] });
    }
  });

  it("reports permissions whose content type is gone", async () => {
    const source = await createLegacySampleDatabase();
    try {
      await source.query(`SET session_replication_role = replica`);
      await source.query(`DELETE FROM django_content_type WHERE app_label = 'banners'`);
      await ctx.reset();
      const planted = await migrateLegacy(source, ctx.databaseUrl, { only: ["users"] });
      expect(stepReport(planted, "auth_permission").skipped).toEqual({ "content type not found": 4 });
      expect(await ctx.deps.db.permission.count({ where: { appLabel: "banners" } })).toBe(0);
    } finally {
      await source.drop();
      await ctx.reset();
      report = await migrateLegacy(legacy, ctx.databaseUrl, { only: ["users"] });
    }
  });

  it("lets a migrated user log in with the README password, then keeps the argon2id rehash on a re-run", async () => {
    const response = await ctx.app.request("/accounts/login/", formPost(ctx, { username: "josé.ñúñez", password: "contraseña-ñ" }));
    expect(response.status).toBe(303);
    const { password } = await ctx.deps.db.user.findUniqueOrThrow({ where: { username: "josé.ñúñez" }, select: { password: true } });
    expect(password).toMatch(/^\$argon2id\$/);

    const again = await migrateLegacy(legacy, ctx.databaseUrl, { only: ["users"] });
    expect(stepReport(again, "users_user")).toMatchObject({ inserted: 0, updated: 0, unchanged: 165 });
    expect(stepReport(again, "users_user").notes).toMatchObject({ "password already rehashed to argon2id on the new site → kept": 1 });
    expect(await ctx.deps.db.user.findUniqueOrThrow({ where: { username: "josé.ñúñez" }, select: { password: true } })).toEqual({ password });
  });
});
