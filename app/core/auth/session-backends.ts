// Where sessions live: Redis (a JSON record per token hash plus a per-user set for
// "log out everywhere") or, without Redis, the `sessions` table. Both store only the
// SHA-256 of the cookie token.
import type { Redis } from "ioredis";
import type { KeyValue } from "../cache/types.ts";
import type { Db } from "../db/client.ts";

export interface SessionRecord {
  userId: number;
  securityStamp: number;
  createdAt: Date;
  lastSeenAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
  userAgent: string;
  ip: string;
}

export interface SessionBackend {
  readonly kind: "redis" | "database";
  save(tokenHash: string, record: SessionRecord): Promise<void>;
  load(tokenHash: string): Promise<SessionRecord | null>;
  /** Records activity: only the sliding fields change. */
  touch(tokenHash: string, record: SessionRecord): Promise<void>;
  delete(tokenHash: string): Promise<void>;
  /** Deletes every session of the user; returns how many there were. */
  deleteForUser(userId: number): Promise<number>;
}

/** The ioredis client behind a Redis KeyValue, or undefined for the in-memory store. */
export function redisClientOf(kv: KeyValue): Redis | undefined {
  if (kv.kind !== "redis" || !("client" in kv)) return undefined;
  return (kv as KeyValue & { client: Redis }).client;
}

export function createDbSessionBackend(db: Db): SessionBackend {
  return {
    kind: "database",
    async save(tokenHash, record) {
      await db.session.create({ data: { tokenHash, ...record } });
    },
    async load(tokenHash) {
      return db.session.findUnique({
        where: { tokenHash },
        select: { userId: true, securityStamp: true, createdAt: true, lastSeenAt: true, idleExpiresAt: true, absoluteExpiresAt: true, userAgent: true, ip: true },
      });
    },
    async touch(tokenHash, record) {
      await db.session.updateMany({ where: { tokenHash }, data: { lastSeenAt: record.lastSeenAt, idleExpiresAt: record.idleExpiresAt } });
    },
    async delete(tokenHash) {
      await db.session.deleteMany({ where: { tokenHash } });
    },
    async deleteForUser(userId) {
      return (await db.session.deleteMany({ where: { userId } })).count;
    },
  };
}

const sessionKey = (tokenHash: string) => `session:${tokenHash}`;
const userIndexKey = (userId: number) => `user-sessions:${userId}`;

function encode(record: SessionRecord): string {
  return JSON.stringify(record);
}

function decode(raw: string | null): SessionRecord | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Record<string, unknown>;
    const dates = ["createdAt", "lastSeenAt", "idleExpiresAt", "absoluteExpiresAt"] as const;
    const record = { ...value } as unknown as SessionRecord;
    for (const field of dates) record[field] = new Date(String(value[field]));
    if (!Number.isInteger(record.userId) || !Number.isInteger(record.securityStamp)) return null;
    if (dates.some((field) => Number.isNaN(record[field].getTime()))) return null;
    return record;
  } catch {
    return null;
  }
}

export function createRedisSessionBackend(client: Redis, options: { now: () => Date; absoluteSeconds: number }): SessionBackend {
  // Redis drops the record when it would expire anyway; the store still checks the dates.
  const ttlSeconds = (record: SessionRecord) => {
    const end = Math.min(record.idleExpiresAt.getTime(), record.absoluteExpiresAt.getTime());
    return Math.max(1, Math.ceil((end - options.now().getTime()) / 1000));
  };

  async function forgetStaleMembers(userId: number): Promise<void> {
    const members = await client.smembers(userIndexKey(userId));
    if (members.length === 0) return;
    const records = await client.mget(...members.map(sessionKey));
    const stale = members.filter((_, index) => records[index] === null);
    if (stale.length > 0) await client.srem(userIndexKey(userId), ...stale);
  }

  return {
    kind: "redis",
    async save(tokenHash, record) {
      // Logins are rare, so this is the moment to drop index entries of expired sessions.
      await forgetStaleMembers(record.userId);
      await client
        .multi()
        .set(sessionKey(tokenHash), encode(record), "EX", ttlSeconds(record))
        .sadd(userIndexKey(record.userId), tokenHash)
        .expire(userIndexKey(record.userId), options.absoluteSeconds)
        .exec();
    },
    async load(tokenHash) {
      return decode(await client.get(sessionKey(tokenHash)));
    },
    async touch(tokenHash, record) {
      // XX: a session destroyed meanwhile (logout elsewhere) must not come back.
      await client.set(sessionKey(tokenHash), encode(record), "EX", ttlSeconds(record), "XX");
    },
    async delete(tokenHash) {
      const record = decode(await client.get(sessionKey(tokenHash)));
      await client.unlink(sessionKey(tokenHash));
      if (record) await client.srem(userIndexKey(record.userId), tokenHash);
    },
    async deleteForUser(userId) {
      const members = await client.smembers(userIndexKey(userId));
      const existing = members.length > 0 ? await client.exists(...members.map(sessionKey)) : 0;
      await client.unlink(userIndexKey(userId), ...members.map(sessionKey));
      return existing;
    },
  };
}
