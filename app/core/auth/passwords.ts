// Password hashing: argon2id for every new hash, plus the legacy Django hashers that
// python.org accepts (Django's default PASSWORD_HASHERS: PBKDF2 SHA-256 and SHA-1),
// so migrated users can log in and are rehashed to argon2id on success.
import { hash as argon2Hash, parseOptions, verify as argon2Verify, type Algorithm } from "@node-rs/argon2";
import { pbkdf2, randomBytes, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";

const pbkdf2Async = promisify(pbkdf2);

// `Algorithm` is an ambient const enum, which isolatedModules cannot read; 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;
/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. */
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
/** A stored hash asking for more work than this is refused (a planted hash must not be a DoS). */
export const MAX_PBKDF2_ITERATIONS = 5_000_000;
/** Django's old MAXIMUM_PASSWORD_LENGTH: longer input is refused before any hashing. */
export const MAX_PASSWORD_LENGTH = 4096;

export interface PasswordCheck {
  ok: boolean;
  /** True when the password matched but the stored hash should be replaced by a new argon2id one. */
  needsRehash: boolean;
}

const REFUSED: PasswordCheck = { ok: false, needsRehash: false };

const PBKDF2_DIGESTS = {
  pbkdf2_sha256: { digest: "sha256", length: 32 },
  pbkdf2_sha1: { digest: "sha1", length: 20 },
} as const;

/** Hashes a password with argon2id (PHC string `$argon2id$…`). */
export async function hashPassword(password: string): Promise<string> {
  return argon2Hash(password, ARGON2_OPTIONS);
}

/** A hash that never matches, for accounts without a password (Django's `!` prefix). */
export function unusablePassword(): string {
  return `!${randomBytes(30).toString("base64url")}`;
}

/** False for empty and `!`-prefixed (unusable) hashes. */
export function isUsablePassword(stored: string | null | undefined): boolean {
  return Boolean(stored) && !stored!.startsWith("!");
}

/** Checks `password` against a stored argon2id or legacy Django hash; never throws on malformed input. */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<PasswordCheck> {
  if (!isUsablePassword(stored) || password.length > MAX_PASSWORD_LENGTH) return REFUSED;
  const hash = stored!;
  if (hash.startsWith("$argon2id$")) return verifyArgon2(hash, password);
  const algorithm = hash.slice(0, hash.indexOf("$"));
  if (algorithm === "pbkdf2_sha256" || algorithm === "pbkdf2_sha1") return verifyDjangoPbkdf2(hash, password, algorithm);
  // md5$, sha1$, bcrypt$, crypt$ … exist in Django but python.org never enabled them.
  return REFUSED;
}

async function verifyArgon2(stored: string, password: string): Promise<PasswordCheck> {
  try {
    if (!(await argon2Verify(stored, password))) return REFUSED;
    return { ok: true, needsRehash: argon2NeedsRehash(stored) };
  } catch {
    return REFUSED;
  }
}

function argon2NeedsRehash(stored: string): boolean {
  const params = parseOptions(stored);
  return params.memoryCost !== ARGON2_OPTIONS.memoryCost || params.timeCost !== ARGON2_OPTIONS.timeCost || params.parallelism !== ARGON2_OPTIONS.parallelism;
}

/** Django's PBKDF2PasswordHasher: `<algorithm>$<iterations>$<salt>$<base64 digest>`. */
async function verifyDjangoPbkdf2(stored: string, password: string, algorithm: keyof typeof PBKDF2_DIGESTS): Promise<PasswordCheck> {
  const parts = stored.split("$");
  if (parts.length !== 4) return REFUSED;
  const [, iterationsText, salt, encoded] = parts as [string, string, string, string];
  if (!/^[1-9][0-9]{0,9}$/.test(iterationsText) || !salt || !encoded) return REFUSED;
  const iterations = Number(iterationsText);
  if (iterations > MAX_PBKDF2_ITERATIONS) return REFUSED;
  const { digest, length } = PBKDF2_DIGESTS[algorithm];
  const expected = Buffer.from(encoded, "base64");
  if (expected.length !== length) return REFUSED;
  const actual = await pbkdf2Async(Buffer.from(password, "utf8"), Buffer.from(salt, "utf8"), iterations, length, digest);
  return timingSafeEqual(actual, expected) ? { ok: true, needsRehash: true } : REFUSED;
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends about as long as a real check, for logins naming no usable account, so response
 * time does not reveal whether an account exists.
 */
export async function verifyDummyPassword(password: string): Promise<void> {
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  await verifyPassword(await dummyHash, password.slice(0, MAX_PASSWORD_LENGTH));
}
