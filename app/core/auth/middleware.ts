// Who is asking. HTML pages: the `sessionid` cookie (sessionAuth). JSON APIs: only the
// Authorization header, tastypie `ApiKey <username>:<key>` or DRF `Token <key>`
// (apiAuth); cookies are ignored under /api, so a browser session can never write
// through the API (legacy urls.md §16.1).
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { AppError } from "../errors.ts";
import { PRIVATE_CACHE_CONTROL } from "../http/cdn-cache.ts";
import type { AppEnv, CurrentUser } from "../http/env.ts";
import { clearSessionCookie, SESSION_COOKIE, SessionStoreUnavailable, sha256Hex, type SessionStore } from "./sessions.ts";

/** What the middleware needs from the users domain. */
export interface UserLoader {
  loadCurrentUser(options: { userId: number; securityStamp?: number }): Promise<CurrentUser | null>;
}

export interface ApiCredentialLookup {
  findUserByApiKey(options: { username: string; key: string }): Promise<CurrentUser | null>;
  findUserByToken(options: { key: string }): Promise<CurrentUser | null>;
}

const isApiPath = (path: string) => path === "/api" || path.startsWith("/api/");

/** The session behind the token, or "unavailable" when the store cannot be read. */
async function readSession(sessions: SessionStore, token: string) {
  try {
    return await sessions.resolveSession(token);
  } catch (error) {
    if (error instanceof SessionStoreUnavailable) return "unavailable" as const;
    throw error;
  }
}

/**
 * Sets `user` from the session cookie on every non-API request; a stale or revoked cookie
 * is cleared. When the session store is down the request goes on signed out (fail closed)
 * and the cookie is kept, so the session is back once the store is.
 */
export function sessionAuth(options: { sessions: SessionStore; users: UserLoader; secureCookies: boolean }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (!token || isApiPath(c.req.path)) return next();
    const session = await readSession(options.sessions, token);
    if (session === "unavailable") {
      // Logged once per outage by the Redis client, not once per request.
      await next();
      c.header("Vary", "Cookie", { append: true });
      return;
    }
    const user = session ? await options.users.loadCurrentUser(session) : null;
    if (user) {
      c.set("user", user);
      c.set("authMethod", "session");
    } else {
      // Password or privilege changed, user deactivated, or the session expired.
      if (session) await options.sessions.destroySession(token);
      clearSessionCookie(c, { secure: options.secureCookies });
    }
    await next();
    // Pages name the signed-in user (account menu): neither a shared cache nor the
    // browser may keep them (the back button after sign-out must not show them).
    if (user) c.header("Cache-Control", PRIVATE_CACHE_CONTROL);
    c.header("Vary", "Cookie", { append: true });
  };
}

const MAX_HEADER_LENGTH = 1024;
const KEY_PATTERN = /^[\x21-\x7e]{1,128}$/;
const CHALLENGE = 'ApiKey realm="api", Token realm="api"';

type Credentials = { scheme: "api-key"; username: string; key: string } | { scheme: "token"; key: string };

/**
 * Node hands header bytes over as Latin-1; a UTF-8 username (josé) arrives mangled, so
 * decode it back when the bytes form valid UTF-8.
 */
function fromLatin1(value: string): string {
  if (!/[\u0080-\u00ff]/.test(value) || /[^\u0000-\u00ff]/.test(value)) return value;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(value, "latin1"));
  } catch {
    return value;
  }
}

/** Parses the Authorization header; undefined means malformed. */
export function parseAuthorization(header: string): Credentials | undefined {
  if (header.length > MAX_HEADER_LENGTH) return undefined;
  const match = /^([A-Za-z]+) +(\S+)$/.exec(header.trim());
  if (!match) return undefined;
  const [, scheme, value] = match as unknown as [string, string, string];
  if (scheme.toLowerCase() === "token") return KEY_PATTERN.test(value) ? { scheme: "token", key: value } : undefined;
  if (scheme.toLowerCase() !== "apikey") return undefined;
  const parts = value.split(":");
  if (parts.length !== 2) return undefined;
  const [username, key] = parts as [string, string];
  const decoded = fromLatin1(username).normalize("NFC");
  if (!decoded || decoded.length > 150 || /[\p{C}\s]/u.test(decoded) || !KEY_PATTERN.test(key)) return undefined;
  return { scheme: "api-key", username: decoded, key };
}

function refuse(c: Context<AppEnv>, message: string): never {
  c.header("WWW-Authenticate", CHALLENGE);
  throw new AppError("UNAUTHENTICATED", message);
}

/** Sets `user` from API credentials under /api; malformed or wrong credentials are a 401, never anonymous. */
export function apiAuth(options: { users: ApiCredentialLookup; writePermissions?: "staff" | "model" }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set("apiWritePermissions", options.writePermissions ?? "staff");
    // Legacy tastypie also read credentials from the query string; python.org refuses them.
    if (c.req.query("api_key") !== undefined) refuse(c, "Send API credentials in the Authorization header, not the URL.");
    const header = c.req.header("authorization");
    if (header === undefined) return next();
    const credentials = parseAuthorization(header);
    if (!credentials) refuse(c, "Malformed Authorization header. Use 'ApiKey <username>:<key>' or 'Token <key>'.");
    const user =
      credentials.scheme === "token"
        ? await options.users.findUserByToken({ key: credentials.key })
        : await options.users.findUserByApiKey({ username: credentials.username, key: credentials.key });
    if (!user) refuse(c, credentials.scheme === "token" ? "Invalid token." : "Invalid API key.");
    c.set("user", user);
    c.set("authMethod", credentials.scheme);
    // The stored key_hash starts with this, so an operator can find the key an audit row names.
    c.set("apiCredential", `${credentials.scheme === "token" ? "Token" : "ApiKey"} key:${sha256Hex(credentials.key).slice(0, 12)}`);
    await next();
  };
}
