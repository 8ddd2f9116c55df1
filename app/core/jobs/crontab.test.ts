import { parseCronItems } from "graphile-worker";
import { describe, expect, it } from "vitest";
import { buildCronItems } from "./crontab.ts";

const ITEMS = [{ task: "users.prune-sessions", match: "0 * * * *", options: { backfillPeriod: 0 } }];

describe("cron items", () => {
  it("parse with graphile-worker, dotted task names included", () => {
    expect(() => parseCronItems(buildCronItems(new Set(["users.prune-sessions"]), ITEMS))).not.toThrow();
  });

  it("refuse an item whose task no module registers", () => {
    expect(() => buildCronItems(new Set(), ITEMS)).toThrow(/unregistered tasks: users\.prune-sessions/);
  });
});
