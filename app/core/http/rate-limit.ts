// Request limits for the JSON APIs, keeping the legacy contracts (urls.md §16.1):
// v1 (tastypie CacheThrottle) 600 an hour per identity, v2 (DRF) 100 a day per anonymous
// client IP and 3000 a day per user, and v3 its own hourly limits. Counters live in Redis
// when it is configured, so every process shares them; memory otherwise.
import type { Context, MiddlewareHandler, Next } from "hono";
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { clientIp } from "../auth/client-ip.ts";
import { redisClientOf } from "../auth/session-backends.ts";
import type { KeyValue } from "../cache/types.ts";
import type { AppEnv, AuthMethod, CurrentUser } from "./env.ts";
import { problemResponse } from "./problem.ts";

/** Requests allowed per window; the names match the configuration variables. */
export interface ApiRateLimits {
  API_V1_LIMIT_PER_HOUR: number;
  API_V2_ANON_PER_DAY: number;
  API_V2_USER_PER_DAY: number;
  API_V3_ANON_PER_HOUR: number;
  API_V3_USER_PER_HOUR: number;
}

/** The legacy limits (pydotorg/resources.py, REST_FRAMEWORK in settings/base.py) and v3's own. */
export const API_RATE_LIMIT_DEFAULTS: ApiRateLimits = {
  API_V1_LIMIT_PER_HOUR: 600,
  API_V2_ANON_PER_DAY: 100,
  API_V2_USER_PER_DAY: 3000,
  API_V3_ANON_PER_HOUR: 1000,
  API_V3_USER_PER_HOUR: 10_000,
};

export type ApiVersion = "v1" | "v2" | "v3";

const HOUR = 60 * 60;
const DAY = 24 * HOUR;

interface Policy {
  anon: { points: number; duration: number };
  user: { points: number; duration: number };
  /** Which credentials identify a user for this version (v1 reads only ApiKey, v2 only Token). */
  scheme?: AuthMethod;
  refuse(c: Context<AppEnv>, retryAfter: number): Response;
}

function tastypieRefusal(c: Context<AppEnv>, retryAfter: number): Response {
  const body = { error_message: `Too many requests. Please try again in ${retryAfter} seconds.` };
  return c.body(JSON.stringify(body), 429, { "Content-Type": "application/json; charset=utf-8" });
}

// DRF's throttled message as the problem's `detail`, so v2 clients reading `detail` still work.
const problemRefusal = (c: Context<AppEnv>, retryAfter: number) =>
  problemResponse(c, 429, `Request was throttled. Expected available in ${retryAfter} seconds.`, { code: "RATE_LIMITED" });

function policies(limits: ApiRateLimits): Record<ApiVersion, Policy> {
  return {
    v1: {
      anon: { points: limits.API_V1_LIMIT_PER_HOUR, duration: HOUR },
      user: { points: limits.API_V1_LIMIT_PER_HOUR, duration: HOUR },
      scheme: "api-key",
      refuse: tastypieRefusal,
    },
    v2: {
      anon: { points: limits.API_V2_ANON_PER_DAY, duration: DAY },
      user: { points: limits.API_V2_USER_PER_DAY, duration: DAY },
      scheme: "token",
      refuse: problemRefusal,
    },
    v3: {
      anon: { points: limits.API_V3_ANON_PER_HOUR, duration: HOUR },
      user: { points: limits.API_V3_USER_PER_HOUR, duration: HOUR },
      refuse: problemRefusal,
    },
  };
}

function makeLimiter(client: Redis | undefined, keyPrefix: string, limit: { points: number; duration: number }): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ keyPrefix, ...limit });
  if (!client) return memory;
  // If Redis fails, each process keeps counting on its own rather than refusing the API.
  return new RateLimiterRedis({ storeClient: client, keyPrefix, ...limit, insuranceLimiter: memory, rejectIfRedisNotReady: true });
}

function setHeaders(headers: { set(name: string, value: string): void }, limit: number, state: RateLimiterRes): number {
  const reset = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  headers.set("RateLimit-Limit", String(limit));
  headers.set("RateLimit-Remaining", String(Math.max(0, state.remainingPoints)));
  headers.set("RateLimit-Reset", String(reset));
  return reset;
}

export interface ApiRateLimitOptions {
  kv: KeyValue;
  trustedProxies: number;
  /** Overrides of API_RATE_LIMIT_DEFAULTS (configuration, tests). */
  limits?: Partial<ApiRateLimits>;
}

export interface ApiRateLimiters {
  /**
   * Mounted in front of the response cache: counts requests without credentials per client
   * IP, so answers served from a stored copy count like any other.
   */
  anonymous: MiddlewareHandler<AppEnv>;
  /** Mounted after apiAuth: counts requests with credentials, per user when the version reads them. */
  withCredentials: Record<ApiVersion, MiddlewareHandler<AppEnv>>;
}

const VERSION_IN_PATH = /^\/api\/(v[123])\//;

export function createApiRateLimits(options: ApiRateLimitOptions): ApiRateLimiters {
  const client = redisClientOf(options.kv);
  const limits = { ...API_RATE_LIMIT_DEFAULTS, ...options.limits };
  const all = policies(limits);
  const counters = (version: ApiVersion) => ({
    policy: all[version],
    anon: makeLimiter(client, `api-rl:${version}-anon`, all[version].anon),
    user: makeLimiter(client, `api-rl:${version}-user`, all[version].user),
  });
  const byVersion = { v1: counters("v1"), v2: counters("v2"), v3: counters("v3") };

  const count = async (c: Context<AppEnv>, next: Next, version: ApiVersion, identified: CurrentUser | null): Promise<Response | void> => {
    const { policy, anon, user } = byVersion[version];
    const [limiter, points, key] = identified ? [user, policy.user.points, `user:${identified.id}`] : [anon, policy.anon.points, `ip:${clientIp(c, options.trustedProxies)}`];
    let state: RateLimiterRes;
    try {
      state = await limiter.consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      // Headers set before the body is built are carried into the refusal response.
      const retryAfter = setHeaders({ set: (name, value) => c.header(name, value) }, points, rejection);
      c.header("Retry-After", String(retryAfter));
      // A refusal is about this client only; no shared cache may answer others with it.
      c.header("Cache-Control", "private, no-store");
      return policy.refuse(c, retryAfter);
    }
    await next();
    // On the finished response, which may be a stored copy the response cache answered with.
    setHeaders(c.res.headers, points, state);
  };

  // CORS preflights are the browser's, not the client's, requests.
  const counted = (c: Context<AppEnv>) => c.req.method !== "OPTIONS";
  const hasCredentials = (c: Context<AppEnv>) => c.req.header("authorization") !== undefined;

  const anonymous: MiddlewareHandler<AppEnv> = async (c, next) => {
    const version = VERSION_IN_PATH.exec(c.req.path)?.[1] as ApiVersion | undefined;
    if (!version || !counted(c) || hasCredentials(c)) return next();
    return count(c, next, version, null);
  };
  const withCredentials = (version: ApiVersion): MiddlewareHandler<AppEnv> => {
    const { scheme } = byVersion[version].policy;
    return async (c, next) => {
      if (!counted(c) || !hasCredentials(c)) return next();
      const current: CurrentUser | null = c.get("user") ?? null;
      // Credentials this version does not read leave the client anonymous, counted by IP.
      const identified = current && (!scheme || c.get("authMethod") === scheme) ? current : null;
      return count(c, next, version, identified);
    };
  };
  return { anonymous, withCredentials: { v1: withCredentials("v1"), v2: withCredentials("v2"), v3: withCredentials("v3") } };
}
