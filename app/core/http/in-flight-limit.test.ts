import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import type { AppEnv } from "./env.ts";
import { createInFlightLimit } from "./in-flight-limit.ts";

/** An app whose handler for /n waits until the test releases request n. */
function gatedApp(options: { max: number; queue: number; timeoutMs: number }) {
  const gate = createInFlightLimit(options);
  const started: number[] = [];
  const releases = new Map<number, () => void>();
  const app = new Hono<AppEnv>();
  app.use(gate.middleware);
  app.get("/:n", async (c) => {
    const n = Number(c.req.param("n"));
    started.push(n);
    await new Promise<void>((resolve) => releases.set(n, resolve));
    return c.text(`done ${n}`);
  });
  app.onError((error, c) => c.text(error.message, error instanceof AppError ? (error.status as 503) : 500));
  const until = async (condition: () => boolean) => {
    while (!condition()) await new Promise((resolve) => setImmediate(resolve));
  };
  return { app, gate, started, release: (n: number) => releases.get(n)!(), until };
}

describe("the in-flight limit", () => {
  it("builds at most `max` requests at once and lets the others in, oldest first", async () => {
    const { app, gate, started, release, until } = gatedApp({ max: 2, queue: 10, timeoutMs: 60_000 });
    const responses = [1, 2, 3, 4].map((n) => app.request(`/${n}`));
    await until(() => started.length === 2 && gate.stats().waiting === 2);
    expect(started).toEqual([1, 2]);
    release(2);
    await until(() => started.length === 3);
    expect(started).toEqual([1, 2, 3]);
    expect(gate.stats()).toMatchObject({ running: 2, waiting: 1 });
    release(1);
    await until(() => started.length === 4);
    release(3);
    release(4);
    expect(await Promise.all(responses.map(async (response) => (await response).text()))).toEqual(["done 1", "done 2", "done 3", "done 4"]);
    expect(gate.stats()).toEqual({ running: 0, waiting: 0, refused: 0 });
  });

  it("refuses at once when the queue is full, and a request that waited too long", async () => {
    const { app, gate, started, release, until } = gatedApp({ max: 1, queue: 1, timeoutMs: 20 });
    const first = app.request("/1");
    await until(() => started.length === 1);
    const waiting = app.request("/2");
    await until(() => gate.stats().waiting === 1);
    const overflow = await app.request("/3");
    expect([overflow.status, await overflow.text()]).toEqual([503, "The site is busy right now. Please try again in a moment."]);
    const timedOut = await waiting;
    expect(timedOut.status).toBe(503);
    release(1);
    expect((await first).status).toBe(200);
    expect(gate.stats()).toEqual({ running: 0, waiting: 0, refused: 2 });
    // The slot came back: the next request is built.
    const next = app.request("/4");
    await until(() => started.length === 2);
    release(4);
    expect((await next).status).toBe(200);
  });

  it("gives the slot back when the handler throws", async () => {
    const gate = createInFlightLimit({ max: 1, queue: 0, timeoutMs: 1000 });
    const app = new Hono<AppEnv>();
    app.use(gate.middleware);
    app.get("/boom", () => {
      throw new Error("boom");
    });
    app.onError((_error, c) => c.text("failed", 500));
    expect((await app.request("/boom")).status).toBe(500);
    expect((await app.request("/boom")).status).toBe(500);
    expect(gate.stats()).toEqual({ running: 0, waiting: 0, refused: 0 });
  });
});
