// Accounts: password login (argon2id and the legacy Django hashes), the current user
// with effective permissions, account creation, password changes and API credentials.
import { randomBytes } from "node:crypto";
import { hashPassword, unusablePassword, verifyDummyPassword, verifyPassword } from "../../core/auth/passwords.ts";
import { deleteExpiredDbSessions, sha256Hex } from "../../core/auth/sessions.ts";
import type { Clock } from "../../core/clock/clock.ts";
import type { Db } from "../../core/db/client.ts";
import { AppError, toAppError } from "../../core/errors.ts";
import type { CurrentUser } from "../../core/http/env.ts";
import { CreateUserInputSchema, PasswordSchema, type CreateUserInput } from "./schemas.ts";

interface LoginCandidate {
  id: number;
  username: string;
  password: string;
  isActive: boolean;
  securityStamp: number;
}

export type AuthenticateResult =
  | { ok: true; user: { id: number; username: string; securityStamp: number } }
  /** `reason` is for logs only; callers show one generic message whatever it is. */
  | { ok: false; reason: "unknown" | "ambiguous" | "inactive" | "password" };

const candidateColumns = `u.id, u.username, u.password, u.is_active AS "isActive", u.security_stamp AS "securityStamp"`;

export function createUsersService(deps: { db: Db; clock: Clock }) {
  const { db } = deps;
  const now = () => deps.clock.now();

  /** Legacy `iexact` username lookup; of case-variant twins only the exact spelling wins. */
  async function findByUsername(login: string): Promise<LoginCandidate | "ambiguous" | null> {
    const rows = await db.$queryRawUnsafe<LoginCandidate[]>(`SELECT ${candidateColumns} FROM users u WHERE lower(u.username) = lower($1) LIMIT 10`, login);
    if (rows.length <= 1) return rows[0] ?? null;
    return rows.find((row) => row.username === login) ?? "ambiguous";
  }

  async function findByVerifiedEmail(login: string): Promise<LoginCandidate | null> {
    const rows = await db.$queryRawUnsafe<LoginCandidate[]>(
      `SELECT ${candidateColumns} FROM email_addresses e JOIN users u ON u.id = e.user_id
       WHERE lower(e.email) = lower($1) AND e.verified AND e."primary" LIMIT 1`,
      login,
    );
    return rows[0] ?? null;
  }

  async function findCandidate(login: string): Promise<LoginCandidate | "ambiguous" | null> {
    // PostgreSQL text cannot hold NUL, and no stored name contains a control character.
    if (!login || /\p{Cc}/u.test(login)) return null;
    // allauth's order for "username or email": an address is tried as an email first.
    if (login.includes("@")) {
      const byEmail = await findByVerifiedEmail(login);
      if (byEmail) return byEmail;
    }
    return findByUsername(login);
  }

  /**
   * Checks a username (case-insensitive) or verified primary email and a password; on
   * success upgrades a legacy hash to argon2id and records the login time.
   */
  async function authenticate(options: { login: string; password: string }): Promise<AuthenticateResult> {
    const candidate = await findCandidate(options.login.trim());
    if (candidate === null || candidate === "ambiguous") {
      await verifyDummyPassword(options.password);
      return { ok: false, reason: candidate === null ? "unknown" : "ambiguous" };
    }
    const check = await verifyPassword(candidate.password, options.password);
    if (!check.ok) return { ok: false, reason: "password" };
    if (!candidate.isActive) return { ok: false, reason: "inactive" };
    await db.user.update({
      where: { id: candidate.id },
      data: { lastLogin: now(), ...(check.needsRehash ? { password: await hashPassword(options.password) } : {}) },
    });
    return { ok: true, user: { id: candidate.id, username: candidate.username, securityStamp: candidate.securityStamp } };
  }

  /**
   * Returns the active user with effective permissions (direct and through groups) and
   * group names in two queries; null when the user is gone, inactive, or its security
   * stamp differs from `securityStamp` (when given).
   */
  async function loadCurrentUser(options: { userId: number; securityStamp?: number }): Promise<CurrentUser | null> {
    const [user, grants] = await Promise.all([
      db.user.findUnique({
        where: { id: options.userId },
        select: { id: true, username: true, email: true, isStaff: true, isSuperuser: true, isActive: true, securityStamp: true },
      }),
      db.$queryRaw<Array<{ kind: "p" | "g"; name: string }>>`
        SELECT 'p' AS kind, p.app_label || '.' || p.codename AS name
          FROM user_permissions up JOIN permissions p ON p.id = up.permission_id WHERE up.user_id = ${options.userId}
        UNION
        SELECT 'p', p.app_label || '.' || p.codename
          FROM user_groups ug JOIN group_permissions gp ON gp.group_id = ug.group_id
          JOIN permissions p ON p.id = gp.permission_id WHERE ug.user_id = ${options.userId}
        UNION
        SELECT 'g', g.name FROM user_groups ug JOIN groups g ON g.id = ug.group_id WHERE ug.user_id = ${options.userId}`,
    ]);
    if (!user || !user.isActive) return null;
    if (options.securityStamp !== undefined && options.securityStamp !== user.securityStamp) return null;
    return {
      id: user.id,
      username: user.username,
      email: user.email,
      isStaff: user.isStaff,
      isSuperuser: user.isSuperuser,
      permissions: new Set(grants.filter((row) => row.kind === "p").map((row) => row.name)),
      groups: grants
        .filter((row) => row.kind === "g")
        .map((row) => row.name)
        .sort(),
    };
  }

  /** Creates an account (argon2id password, or unusable when none is given) with its primary email address. */
  async function createUser(options: { input: CreateUserInput }): Promise<{ id: number; username: string }> {
    const input = CreateUserInputSchema.parse(options.input);
    const password = input.password ? await hashPassword(input.password) : unusablePassword();
    try {
      return await db.$transaction(async (tx) => {
        const twins = await tx.$queryRaw<Array<{ id: number }>>`SELECT id FROM users WHERE lower(username) = lower(${input.username}) LIMIT 1`;
        if (twins.length > 0) {
          throw new AppError("CONFLICT", "That username is already taken.", { fields: { username: ["That username is already taken."] } });
        }
        const email = input.email?.toLowerCase() ?? "";
        const user = await tx.user.create({
          data: {
            username: input.username,
            email,
            password,
            firstName: input.firstName,
            lastName: input.lastName,
            isStaff: input.isStaff || input.isSuperuser,
            isSuperuser: input.isSuperuser,
            isActive: input.isActive,
          },
          select: { id: true, username: true },
        });
        if (email) await tx.emailAddress.create({ data: { userId: user.id, email, primary: true, verified: input.emailVerified } });
        return user;
      });
    } catch (error) {
      throw toAppError(error) ?? error;
    }
  }

  /** The id of the user with exactly this username, or null. */
  async function findUserIdByUsername(options: { username: string }): Promise<number | null> {
    const row = await db.user.findUnique({ where: { username: options.username }, select: { id: true } });
    return row?.id ?? null;
  }

  /** Sets a new argon2id password and bumps the security stamp, which ends every existing session. */
  async function changePassword(options: { userId: number; password: string }): Promise<void> {
    const password = await hashPassword(PasswordSchema.parse(options.password));
    await updateUser(options.userId, { password, securityStamp: { increment: 1 } });
  }

  /** Ends every session of the user at their next request (call after a privilege change). */
  async function bumpSecurityStamp(options: { userId: number }): Promise<void> {
    await updateUser(options.userId, { securityStamp: { increment: 1 } });
  }

  async function updateUser(userId: number, data: { password?: string; securityStamp: { increment: number } }): Promise<void> {
    try {
      await db.user.update({ where: { id: userId }, data, select: { id: true } });
    } catch (error) {
      throw toAppError(error) ?? error;
    }
  }

  /** The active user holding this tastypie API key, when `username` is exactly theirs (legacy: exact match). */
  async function findUserByApiKey(options: { username: string; key: string }): Promise<CurrentUser | null> {
    const row = await db.apiKey.findUnique({ where: { keyHash: sha256Hex(options.key) }, select: { user: { select: { id: true, username: true } } } });
    if (!row || row.user.username !== options.username) return null;
    return loadCurrentUser({ userId: row.user.id });
  }

  /** The active user holding this DRF token. */
  async function findUserByToken(options: { key: string }): Promise<CurrentUser | null> {
    const row = await db.authToken.findUnique({ where: { keyHash: sha256Hex(options.key) }, select: { userId: true } });
    return row ? loadCurrentUser({ userId: row.userId }) : null;
  }

  /** Replaces the user's tastypie API key; the new key is returned once and only its hash is kept. */
  async function issueApiKey(options: { userId: number }): Promise<string> {
    const key = randomBytes(20).toString("hex");
    const keyHash = sha256Hex(key);
    await db.apiKey.upsert({ where: { userId: options.userId }, create: { userId: options.userId, keyHash }, update: { keyHash, created: now() } });
    return key;
  }

  /** Replaces the user's DRF token; the new token is returned once and only its hash is kept. */
  async function issueAuthToken(options: { userId: number }): Promise<string> {
    const key = randomBytes(20).toString("hex");
    const keyHash = sha256Hex(key);
    await db.authToken.upsert({ where: { userId: options.userId }, create: { userId: options.userId, keyHash }, update: { keyHash, created: now() } });
    return key;
  }

  /** Deletes database sessions past their expiry; returns how many went. */
  async function pruneExpiredSessions(): Promise<number> {
    return deleteExpiredDbSessions(db, now());
  }

  return {
    authenticate,
    loadCurrentUser,
    createUser,
    findUserIdByUsername,
    changePassword,
    bumpSecurityStamp,
    findUserByApiKey,
    findUserByToken,
    issueApiKey,
    issueAuthToken,
    pruneExpiredSessions,
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
