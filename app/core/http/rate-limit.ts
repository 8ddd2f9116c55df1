// Request limits for the JSON APIs, keeping the legacy contracts (urls.md §16.1):
// v1 (tastypie CacheThrottle) 600 an hour per identity, v2 (DRF) 100 a day per anonymous
// client IP and 3000 a day per user, and v3 its own hourly limits. Counters live in Redis
// when it is configured, so every process shares them; memory otherwise.
import type { Context, MiddlewareHandler } from "hono";
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

function setHeaders(c: Context<AppEnv>, limit: number, state: RateLimiterRes): number {
  const reset = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  c.header("RateLimit-Limit", String(limit));
  c.header("RateLimit-Remaining", String(Math.max(0, state.remainingPoints)));
  c.header("RateLimit-Reset", String(reset));
  return reset;
}

export interface ApiRateLimitOptions {
  kv: KeyValue;
  trustedProxies: number;
  /** Overrides of API_RATE_LIMIT_DEFAULTS (configuration, tests). */
  limits?: Partial<ApiRateLimits>;
}

/** One middleware per API version; mount each after apiAuth so users count per user, not per IP. */
export function createApiRateLimits(options: ApiRateLimitOptions): Record<ApiVersion, MiddlewareHandler<AppEnv>> {
  const client = redisClientOf(options.kv);
  const limits = { ...API_RATE_LIMIT_DEFAULTS, ...options.limits };
  const build = (version: ApiVersion, policy: Policy): MiddlewareHandler<AppEnv> => {
    const anon = makeLimiter(client, `api-rl:${version}-anon`, policy.anon);
    const user = makeLimiter(client, `api-rl:${version}-user`, policy.user);
    return async (c, next) => {
      // CORS preflights are the browser's, not the client's, requests.
      if (c.req.method === "OPTIONS") return next();
      const current: CurrentUser | null = c.get("user") ?? null;
      const identified = current && (!policy.scheme || c.get("authMethod") === policy.scheme) ? current : null;
      const [limiter, points, key] = identified ? [user, policy.user.points, `user:${identified.id}`] : [anon, policy.anon.points, `ip:${clientIp(c, options.trustedProxies)}`];
      let state: RateLimiterRes;
      try {
        state = await limiter.consume(key);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        // Headers set before the body is built are carried into the refusal response.
        const retryAfter = setHeaders(c, points, rejection);
        c.header("Retry-After", String(retryAfter));
        // A refusal is about this client only; no shared cache may answer others with it.
        c.header("Cache-Control", "private, no-store");
        return policy.refuse(c, retryAfter);
      }
      await next();
      setHeaders(c, points, state);
    };
  };
  const all = policies(limits);
  return { v1: build("v1", all.v1), v2: build("v2", all.v2), v3: build("v3", all.v3) };
}
