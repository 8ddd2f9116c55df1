import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMemoryKeyValue } from "../cache/memory.ts";
import { createTestContext, type TestContext } from "../../testing/deps.ts";
import { createTestUser } from "../../testing/auth.ts";
import { createSessionStore, deleteExpiredDbSessions, SESSION_ABSOLUTE_SECONDS, sha256Hex } from "./sessions.ts";

let ctx: TestContext;
let offsetMs = 0;
const now = () => new Date(Date.now() + offsetMs);
const DAY = 24 * 60 * 60 * 1000;
const memoryKv = createMemoryKeyValue();

beforeAll(async () => {
  ctx = await createTestContext();
});
beforeEach(async () => {
  offsetMs = 0;
  await ctx.reset();
});
afterAll(async () => {
  await memoryKv.close();
  await ctx.close();
});

const backends = [{ name: "database", kv: () => memoryKv }, ...(process.env.REDIS_URL ? [{ name: "redis", kv: () => ctx.deps.kv }] : [])];

describe.each(backends)("session store on $name", ({ name, kv }) => {
  const store = () => createSessionStore({ db: ctx.deps.db, kv: kv(), now });

  async function start() {
    const user = await createTestUser(ctx);
    const session = await store().createSession({ userId: user.id, securityStamp: 0, userAgent: "vitest", ip: "192.0.2.1" });
    return { user, ...session };
  }

  it("uses the expected backend and keeps only the token's SHA-256", async () => {
    expect(store().kind).toBe(name);
    const { token, user } = await start();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    if (name === "database") {
      const rows = await ctx.deps.db.session.findMany({ select: { tokenHash: true, userId: true } });
      expect(rows).toEqual([{ tokenHash: sha256Hex(token), userId: user.id }]);
    } else {
      expect(await ctx.deps.kv.get(`session:${sha256Hex(token)}`)).toContain(`"userId":${user.id}`);
      expect(await ctx.deps.kv.get(`session:${token}`)).toBeNull();
    }
  });

  it("resolves a live session and refuses unknown or malformed tokens", async () => {
    const { token, user } = await start();
    expect(await store().resolveSession(token)).toEqual({ userId: user.id, securityStamp: 0 });
    expect(await store().resolveSession("A".repeat(43))).toBeNull();
    expect(await store().resolveSession(`${token}x`)).toBeNull();
    expect(await store().resolveSession("")).toBeNull();
    expect(await store().resolveSession("x".repeat(10_000))).toBeNull();
  });

  it("expires after two weeks idle, and slides while used", async () => {
    const { token } = await start();
    offsetMs = 13 * DAY;
    expect(await store().resolveSession(token)).not.toBeNull();
    offsetMs = 26 * DAY; // 13 days after the last use
    expect(await store().resolveSession(token)).not.toBeNull();
    offsetMs = 26 * DAY + 14 * DAY + 1000;
    expect(await store().resolveSession(token)).toBeNull();
    offsetMs = 0;
    expect(await store().resolveSession(token)).toBeNull();
  });

  it("expires 30 days after sign-in however active the browser is", async () => {
    const { token } = await start();
    for (const day of [10, 20, 29]) {
      offsetMs = day * DAY;
      expect(await store().resolveSession(token)).not.toBeNull();
    }
    offsetMs = SESSION_ABSOLUTE_SECONDS * 1000 + 1000;
    expect(await store().resolveSession(token)).toBeNull();
  });

  it.skipIf(name !== "database")("writes the sliding expiry at most once a minute (the database store only; Redis sessions expire by TTL)", async () => {
    const { token } = await start();
    const before = await ctx.deps.db.session.findFirstOrThrow({ select: { lastSeenAt: true } });
    offsetMs = 30_000;
    await store().resolveSession(token);
    expect((await ctx.deps.db.session.findFirstOrThrow({ select: { lastSeenAt: true } })).lastSeenAt).toEqual(before.lastSeenAt);
    offsetMs = 61_000;
    await store().resolveSession(token);
    expect((await ctx.deps.db.session.findFirstOrThrow({ select: { lastSeenAt: true } })).lastSeenAt.getTime()).toBeGreaterThan(before.lastSeenAt.getTime());
  });

  it("rotates: creating a session with `replacing` destroys the old one", async () => {
    const { token, user } = await start();
    const next = await store().createSession({ userId: user.id, securityStamp: 0, replacing: token });
    expect(next.token).not.toBe(token);
    expect(await store().resolveSession(token)).toBeNull();
    expect(await store().resolveSession(next.token)).not.toBeNull();
  });

  it("destroys one session, or all of a user's sessions and nobody else's", async () => {
    const { token, user } = await start();
    const second = await store().createSession({ userId: user.id, securityStamp: 0 });
    const other = await start();
    await store().destroySession(token);
    expect(await store().resolveSession(token)).toBeNull();
    expect(await store().resolveSession(second.token)).not.toBeNull();

    const third = await store().createSession({ userId: user.id, securityStamp: 0 });
    expect(await store().destroyUserSessions(user.id)).toBe(2);
    expect(await store().resolveSession(second.token)).toBeNull();
    expect(await store().resolveSession(third.token)).toBeNull();
    expect(await store().resolveSession(other.token)).not.toBeNull();
  });
});

describe("pruning database sessions", () => {
  it("deletes only sessions past their idle or absolute expiry", async () => {
    const store = createSessionStore({ db: ctx.deps.db, kv: memoryKv, now });
    const user = await createTestUser(ctx);
    const live = await store.createSession({ userId: user.id, securityStamp: 0 });
    offsetMs = -15 * DAY;
    await store.createSession({ userId: user.id, securityStamp: 0 });
    offsetMs = 0;
    expect(await deleteExpiredDbSessions(ctx.deps.db, new Date())).toBe(1);
    expect(await store.resolveSession(live.token)).not.toBeNull();
    expect(await ctx.deps.db.session.count()).toBe(1);
  });
});
