import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hashPassword, isUsablePassword, MAX_PBKDF2_ITERATIONS, unusablePassword, verifyPassword } from "./passwords.ts";
import { LEGACY_TESTBED_DIR } from "../../testing/legacy-testbed.ts";
import { skipUnless } from "../../testing/skip.ts";

// The legacy sample (../shared/legacy/README.md "Users with known passwords").
const SAMPLE_USERS = path.join(LEGACY_TESTBED_DIR, "sample/users.json");
const hasSample = existsSync(SAMPLE_USERS);

function legacyHash(username: string): string {
  const rows = JSON.parse(readFileSync(SAMPLE_USERS, "utf8")) as Array<{ model: string; fields: { username: string; password: string } }>;
  const row = rows.find((entry) => entry.model === "users.user" && entry.fields.username === username);
  if (!row) throw new Error(`sample user ${username} is missing`);
  return row.fields.password;
}

describe.skipIf(skipUnless(hasSample, "legacy sample users.json not found (set LEGACY_TESTBED_DIR)"))("legacy Django hashes from the sample", () => {
  it.each([
    ["admin", "password", "pbkdf2_sha256$150000$"],
    ["sha1-user", "sha1-pass", "pbkdf2_sha1$260000$"],
    ["oldtimer", "hunter2", "pbkdf2_sha256$10000$"],
    ["josé.ñúñez", "contraseña-ñ", "pbkdf2_sha256$150000$"],
  ])("%s logs in with its legacy password and needs a rehash", async (username, password, prefix) => {
    const stored = legacyHash(username);
    expect(stored.startsWith(prefix)).toBe(true);
    expect(await verifyPassword(stored, password)).toEqual({ ok: true, needsRehash: true });
    expect(await verifyPassword(stored, `${password}x`)).toEqual({ ok: false, needsRehash: false });
  });

  it("refuses md5 hashes even with the right password (not in python.org's hashers)", async () => {
    const stored = legacyHash("md5-user");
    expect(stored.startsWith("md5$")).toBe(true);
    expect(await verifyPassword(stored, "md5-pass")).toEqual({ ok: false, needsRehash: false });
  });

  it("never matches an unusable `!` password", async () => {
    const stored = legacyHash("no-password");
    expect(isUsablePassword(stored)).toBe(false);
    expect(await verifyPassword(stored, "")).toEqual({ ok: false, needsRehash: false });
    expect(await verifyPassword(stored, stored.slice(1))).toEqual({ ok: false, needsRehash: false });
  });

  it("is sensitive to the exact Unicode of the password", async () => {
    const stored = legacyHash("josé.ñúñez");
    // NFD spelling of the same characters is a different byte string in Django too.
    expect((await verifyPassword(stored, "contraseña-ñ".normalize("NFD"))).ok).toBe(false);
  });
});

describe("argon2id", () => {
  it("hashes new passwords with argon2id and verifies them without a rehash", async () => {
    const stored = await hashPassword("correct horse ✓");
    expect(stored.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(stored, "correct horse ✓")).toEqual({ ok: true, needsRehash: false });
    expect((await verifyPassword(stored, "correct horse")).ok).toBe(false);
  });

  it("asks for a rehash when the argon2id parameters are weaker than the policy", async () => {
    const { hash } = await import("@node-rs/argon2");
    const weak = await hash("pw", { memoryCost: 8192, timeCost: 1, parallelism: 1 });
    expect(await verifyPassword(weak, "pw")).toEqual({ ok: true, needsRehash: true });
  });
});

describe("malformed and hostile hashes", () => {
  it.each([
    ["", "empty"],
    ["!", "bare unusable marker"],
    ["pbkdf2_sha256$abc$salt$AAAA", "non-numeric iterations"],
    ["pbkdf2_sha256$0$salt$AAAA", "zero iterations"],
    ["pbkdf2_sha256$150000$salt", "missing digest"],
    ["pbkdf2_sha256$150000$$3lgFMdRiaBnaUfXtjSRlA/9HzMwYa2ThD38AmTzGYEs=", "empty salt"],
    ["pbkdf2_sha256$150000$salt$c2hvcnQ=", "digest of the wrong length"],
    ["pbkdf2_sha256$1$a$b$c", "extra field"],
    ["$argon2id$v=19$m=19456,t=2,p=1$garbage", "broken argon2 string"],
    ["sha1$salt$0123456789abcdef0123456789abcdef01234567", "unsupported Django hasher"],
    ["bcrypt_sha256$$2b$12$abcdefghijklmnopqrstuv", "unsupported bcrypt"],
  ])("refuses %j (%s)", async (stored) => {
    expect(await verifyPassword(stored, "password")).toEqual({ ok: false, needsRehash: false });
  });

  it("refuses absurd iteration counts without computing them", async () => {
    const started = performance.now();
    const stored = `pbkdf2_sha256$${MAX_PBKDF2_ITERATIONS + 1}$salt$3lgFMdRiaBnaUfXtjSRlA/9HzMwYa2ThD38AmTzGYEs=`;
    expect((await verifyPassword(stored, "password")).ok).toBe(false);
    expect((await verifyPassword("pbkdf2_sha256$99999999999$salt$AAAA", "password")).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("refuses passwords longer than 4096 characters before hashing", async () => {
    const stored = await hashPassword("x".repeat(4097));
    expect((await verifyPassword(stored, "x".repeat(4097))).ok).toBe(false);
  });

  it("makes unusable passwords that never verify", async () => {
    const stored = unusablePassword();
    expect(stored.startsWith("!")).toBe(true);
    expect(isUsablePassword(stored)).toBe(false);
    expect(isUsablePassword(null)).toBe(false);
  });
});
