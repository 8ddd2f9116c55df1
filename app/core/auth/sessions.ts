// Signed-in browsers. The `sessionid` cookie holds an opaque random token; only its
// SHA-256 is stored (Redis when configured, else the `sessions` table). A session ends
// after two weeks without use, after 30 days in any case, and as soon as the user's
// security stamp changes (password or privilege change).
import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { createHash } from "node:crypto";
import type { KeyValue } from "../cache/types.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { randomToken } from "../http/signing.ts";
import { createDbSessionBackend, createRedisSessionBackend, redisClientOf, type SessionBackend, type SessionRecord } from "./session-backends.ts";

/** Django's cookie name, so the legacy site's cookie is simply replaced, never parsed. */
export const SESSION_COOKIE = "sessionid";
export const SESSION_IDLE_SECONDS = 14 * 24 * 60 * 60;
export const SESSION_ABSOLUTE_SECONDS = 30 * 24 * 60 * 60;
/** Sliding expiry is written at most this often, so busy pages do not write on every request. */
const TOUCH_INTERVAL_MS = 60_000;
/** 32 random bytes in base64url. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface SessionStoreOptions {
  db: Db;
  kv: KeyValue;
  now?: () => Date;
  idleSeconds?: number;
  absoluteSeconds?: number;
}

/** What a visitor reads when the session store (Redis) cannot be reached. */
export const SESSIONS_UNAVAILABLE = "Signing in is temporarily unavailable. Please try again in a few minutes.";

/** Thrown by the session store when its backend fails; `resolveSession` callers treat it as signed out. */
export class SessionStoreUnavailable extends AppError {
  constructor(cause: unknown) {
    super("UNAVAILABLE", SESSIONS_UNAVAILABLE, { cause });
  }
}

/** The same backend whose failures (Redis down, timed out) become SessionStoreUnavailable. */
function unavailableOnFailure(backend: SessionBackend): SessionBackend {
  const guard =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      call(...args).catch((error: unknown) => {
        throw new SessionStoreUnavailable(error);
      });
  return {
    kind: backend.kind,
    save: guard(backend.save),
    load: guard(backend.load),
    touch: guard(backend.touch),
    delete: guard(backend.delete),
    deleteForUser: guard(backend.deleteForUser),
  };
}

export interface ActiveSession {
  userId: number;
  securityStamp: number;
}

/** SHA-256 hex of a secret token; what the database and Redis keep instead of the token. */
export function sha256Hex(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

export function createSessionStore(options: SessionStoreOptions) {
  const now = options.now ?? (() => new Date());
  const idleMs = (options.idleSeconds ?? SESSION_IDLE_SECONDS) * 1000;
  const absoluteSeconds = options.absoluteSeconds ?? SESSION_ABSOLUTE_SECONDS;
  const client = redisClientOf(options.kv);
  const backend = unavailableOnFailure(client ? createRedisSessionBackend(client, { now, absoluteSeconds }) : createDbSessionBackend(options.db));

  const idleEnd = (from: Date, absoluteEnd: Date) => new Date(Math.min(from.getTime() + idleMs, absoluteEnd.getTime()));

  /** Starts a session for the user and returns its cookie token; `replacing` (the old token) is destroyed first. */
  async function createSession(input: ActiveSession & { userAgent?: string; ip?: string; replacing?: string }): Promise<{ token: string; expires: Date }> {
    if (input.replacing) await destroySession(input.replacing);
    const token = randomToken(32);
    const at = now();
    const absoluteExpiresAt = new Date(at.getTime() + absoluteSeconds * 1000);
    const record: SessionRecord = {
      userId: input.userId,
      securityStamp: input.securityStamp,
      createdAt: at,
      lastSeenAt: at,
      idleExpiresAt: idleEnd(at, absoluteExpiresAt),
      absoluteExpiresAt,
      userAgent: (input.userAgent ?? "").slice(0, 512),
      ip: (input.ip ?? "").slice(0, 64),
    };
    await backend.save(sha256Hex(token), record);
    return { token, expires: absoluteExpiresAt };
  }

  /** Returns the live session behind a cookie token (sliding its idle expiry), or null; SessionStoreUnavailable when the store is down. */
  async function resolveSession(token: string | undefined): Promise<ActiveSession | null> {
    if (!token || !TOKEN_PATTERN.test(token)) return null;
    const tokenHash = sha256Hex(token);
    const record = await backend.load(tokenHash);
    if (!record) return null;
    const at = now();
    if (record.idleExpiresAt <= at || record.absoluteExpiresAt <= at) {
      await backend.delete(tokenHash);
      return null;
    }
    if (at.getTime() - record.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
      await backend.touch(tokenHash, { ...record, lastSeenAt: at, idleExpiresAt: idleEnd(at, record.absoluteExpiresAt) });
    }
    return { userId: record.userId, securityStamp: record.securityStamp };
  }

  /** Ends the session behind a cookie token, if any. */
  async function destroySession(token: string | undefined): Promise<void> {
    if (token && TOKEN_PATTERN.test(token)) await backend.delete(sha256Hex(token));
  }

  /** Ends every session of the user ("log out everywhere"); returns how many ended. */
  async function destroyUserSessions(userId: number): Promise<number> {
    return backend.deleteForUser(userId);
  }

  return { kind: backend.kind, createSession, resolveSession, destroySession, destroyUserSessions };
}

export type SessionStore = ReturnType<typeof createSessionStore>;

/** Deletes database sessions past their idle or absolute expiry; Redis expires its own. */
export async function deleteExpiredDbSessions(db: Db, at: Date): Promise<number> {
  const result = await db.session.deleteMany({
    where: { OR: [{ idleExpiresAt: { lte: at } }, { absoluteExpiresAt: { lte: at } }] },
  });
  return result.count;
}

export function setSessionCookie(c: Context, token: string, options: { secure: boolean; expires: Date }): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    secure: options.secure,
    sameSite: "Lax",
    path: "/",
    expires: options.expires,
  });
}

export function clearSessionCookie(c: Context, options: { secure: boolean }): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: options.secure, httpOnly: true, sameSite: "Lax" });
}
