import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createLogger } from "../logging/logger.ts";
import { useTestContext } from "../../testing/deps.ts";
import { createJobQueue } from "./queue.ts";
import { defineTask } from "./types.ts";
import { drainJobs } from "./worker.ts";

const ctx = useTestContext();

const seen: string[] = [];
const echo = defineTask({
  name: "test.echo-label",
  payload: z.object({ label: z.string() }),
  async run(payload) {
    seen.push(payload.label);
  },
});
const logger = createLogger({ level: "silent" });

async function pendingJobs(): Promise<Array<{ task_identifier: string; key: string | null }>> {
  return ctx.deps.db.$queryRaw`SELECT task_identifier, key FROM graphile_worker.jobs ORDER BY id`;
}

describe("job queue", () => {
  const queue = () => createJobQueue(ctx.deps.db, () => new Set([echo.name]));

  it("adds a job only when the surrounding transaction commits", async () => {
    await expect(
      ctx.deps.db.$transaction(async (tx) => {
        await queue().addWith(tx, echo.name, { label: "rolled back" });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await pendingJobs()).toEqual([]);

    await ctx.deps.db.$transaction(async (tx) => {
      await tx.box.create({ data: { label: "x", contentRendered: "" } });
      await queue().addWith(tx, echo.name, { label: "committed" });
    });
    expect(await pendingJobs()).toEqual([{ task_identifier: echo.name, key: null }]);
  });

  it("collapses jobs with the same key and runs them with the real handler", async () => {
    seen.length = 0;
    await queue().add(echo.name, { label: "first" }, { jobKey: "echo:1" });
    await queue().add(echo.name, { label: "second" }, { jobKey: "echo:1" });
    expect(await pendingJobs()).toHaveLength(1);
    await drainJobs({ connectionString: ctx.databaseUrl, tasks: [echo], logger });
    expect(seen).toEqual(["second"]);
    expect(await pendingJobs()).toEqual([]);
  });

  it("refuses unknown task names and drops jobs whose payload is invalid", async () => {
    await expect(queue().add("nobody.knows-this", {})).rejects.toThrow(/Unknown task/);
    seen.length = 0;
    await queue().add(echo.name, { label: 42 });
    await drainJobs({ connectionString: ctx.databaseUrl, tasks: [echo], logger });
    expect(seen).toEqual([]);
    expect(await pendingJobs()).toEqual([]);
  });
});
