import { describe, expect, it } from "vitest";
import { createLimiter, LimiterBusyError } from "./limiter.ts";

/** A task the test finishes by hand. */
function deferred() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { done, finish };
}

describe("createLimiter", () => {
  it("runs `running` at once, queues `waiting`, refuses the next bounded caller and lets unbounded ones wait", async () => {
    const limiter = createLimiter({ running: 1, waiting: 1 });
    const first = deferred();
    const order: string[] = [];
    const a = limiter.run(async () => {
      await first.done;
      order.push("a");
    });
    const b = limiter.run(async () => order.push("b"));
    await expect(limiter.run(async () => order.push("refused"))).rejects.toBeInstanceOf(LimiterBusyError);
    const c = limiter.run(async () => order.push("c"), { queue: "unbounded" });
    expect(limiter.active).toBe(1);
    first.finish();
    await Promise.all([a, b, c]);
    expect(order).toEqual(["a", "b", "c"]);
    expect(limiter.active).toBe(0);
  });

  it("frees the slot when the work throws", async () => {
    const limiter = createLimiter({ running: 1, waiting: 0 });
    await expect(limiter.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await limiter.run(async () => "next")).toBe("next");
  });
});
