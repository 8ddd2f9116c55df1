// Login throttling (rate-limiter-flexible): consecutive failures per (account name, IP)
// block that pair for a while, and failures per IP cap password spraying across many
// accounts. Keys use the submitted name, existing or not, so a block reveals nothing.
// Redis when configured (shared by every process), memory otherwise.
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { KeyValue } from "../cache/types.ts";
import { redisClientOf } from "./session-backends.ts";

export interface LoginThrottleOptions {
  kv: KeyValue;
  /** Consecutive failures for one name from one IP before that pair is blocked. */
  accountFailures?: number;
  accountBlockSeconds?: number;
  /** Failures from one IP within `ipWindowSeconds` before the IP is blocked. */
  ipFailures?: number;
  ipWindowSeconds?: number;
  ipBlockSeconds?: number;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Limit {
  limiter: RateLimiterAbstract;
  points: number;
  blockSeconds: number;
}

function makeLimiter(client: Redis | undefined, keyPrefix: string, points: number, duration: number): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ keyPrefix, points, duration });
  if (!client) return memory;
  // If Redis is unreachable the in-process limiter keeps counting instead of failing logins.
  return new RateLimiterRedis({ storeClient: client, keyPrefix, points, duration, insuranceLimiter: memory, rejectIfRedisNotReady: true });
}

/** Normalises the submitted name the way lookups do (case-insensitive), bounded in length. */
function accountKey(login: string, ip: string): string {
  return `${login.normalize("NFKC").trim().toLowerCase().slice(0, 254)}_${ip}`;
}

export function createLoginThrottle(options: LoginThrottleOptions) {
  const client = redisClientOf(options.kv);
  const account: Limit = {
    points: options.accountFailures ?? 5,
    blockSeconds: options.accountBlockSeconds ?? 15 * 60,
    // Failures stay "consecutive" for a day unless a successful login resets them.
    limiter: makeLimiter(client, "login-fail-account", options.accountFailures ?? 5, 24 * 60 * 60),
  };
  const ip: Limit = {
    points: options.ipFailures ?? 100,
    blockSeconds: options.ipBlockSeconds ?? 60 * 60,
    limiter: makeLimiter(client, "login-fail-ip", options.ipFailures ?? 100, options.ipWindowSeconds ?? 60 * 60),
  };

  async function blockedFor(limit: Limit, key: string): Promise<number> {
    const state = await limit.limiter.get(key);
    if (!state || state.consumedPoints < limit.points) return 0;
    return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  }

  async function fail(limit: Limit, key: string): Promise<void> {
    try {
      const state = await limit.limiter.consume(key);
      if (state.consumedPoints >= limit.points) await limit.limiter.block(key, limit.blockSeconds);
    } catch (error) {
      // A rejection carrying a RateLimiterRes only means the key was already over the limit.
      if (!(error instanceof RateLimiterRes)) throw error;
    }
  }

  /** Says whether this name may try to log in from this IP now, and if not, for how long it must wait. */
  async function checkLogin(input: { login: string; ip: string }): Promise<ThrottleDecision> {
    const [accountWait, ipWait] = await Promise.all([blockedFor(account, accountKey(input.login, input.ip)), blockedFor(ip, input.ip)]);
    const wait = Math.max(accountWait, ipWait);
    return wait > 0 ? { allowed: false, retryAfterSeconds: wait } : { allowed: true };
  }

  /** Counts a failed login against the name and the IP. */
  async function recordFailure(input: { login: string; ip: string }): Promise<void> {
    await Promise.all([fail(account, accountKey(input.login, input.ip)), fail(ip, input.ip)]);
  }

  /** A successful login clears the consecutive failures of that name from that IP. */
  async function recordSuccess(input: { login: string; ip: string }): Promise<void> {
    await account.limiter.delete(accountKey(input.login, input.ip));
  }

  return { checkLogin, recordFailure, recordSuccess };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
