import { parseCronItems } from "graphile-worker";
import { describe, expect, it } from "vitest";
import { buildCronItems, CRON_ITEMS } from "./crontab.ts";

describe("cron items", () => {
  it("parse with graphile-worker, dotted task names included", () => {
    expect(() => parseCronItems(CRON_ITEMS)).not.toThrow();
    expect(CRON_ITEMS.map((item) => item.task)).toContain("users.prune-sessions");
  });

  it("keep only tasks registered in this process", () => {
    expect(buildCronItems(new Set(["users.prune-sessions"])).map((item) => item.task)).toEqual(["users.prune-sessions"]);
    expect(buildCronItems(new Set())).toEqual([]);
  });
});
