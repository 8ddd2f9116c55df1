// The job board's background work as the worker runs it: the daily expiry and the
// monthly report are cron items of registered tasks, and running them expires and mails;
// the bench measures the board, its feed and the API list, each answering 200.
import { beforeEach, describe, expect, it } from "vitest";
import { useTestContext } from "../../testing/deps.ts";
import { actorOf, createJobInStatus, createJobsTaxonomy } from "../../testing/factories/jobs.ts";
import { createTestUser } from "../../testing/factories/users.ts";
import { readOutbox } from "../../testing/mail.ts";
import { EXPIRE_JOBS_TASK, MONTHLY_REPORT_TASK } from "./jobs.ts";

let current = new Date("2026-05-01T12:00:00Z");
const ctx = useTestContext({ clock: { now: () => current }, env: { JOB_THRESHOLD_DAYS: "30", JOBS_REPORT_RECIPIENTS: "board@example.org, psf@example.org" } });

beforeEach(() => {
  current = new Date("2026-05-01T12:00:00Z");
});

const run = async (name: string) => {
  const task = ctx.tasks.find((candidate) => candidate.name === name);
  expect(task, name).toBeDefined();
  await task!.run(task!.payload.parse({}), { logger: ctx.deps.logger, jobId: "1", attempts: 1 });
};

describe("jobs tasks", () => {
  it("schedules the expiry daily and the report on the 27th", () => {
    expect(ctx.cronItems.filter((item) => item.task.startsWith("jobs.")).map((item) => [item.task, item.match])).toEqual([
      [EXPIRE_JOBS_TASK, "15 3 * * *"],
      [MONTHLY_REPORT_TASK, "0 8 27 * *"],
    ]);
  });

  it("expires approved jobs at their expiry, with the configured threshold", async () => {
    const fixture = await createJobsTaxonomy(ctx.services.jobs);
    const creator = actorOf(await createTestUser(ctx));
    const admin = actorOf({ id: creator.id }, { isStaff: true });
    const job = await createJobInStatus(ctx.services.jobs, { fixture, creator, admin, status: "approved" });
    expect(job.expires?.toISOString()).toBe("2026-05-31T12:00:00.000Z");
    current = new Date("2026-05-31T11:59:00Z");
    await run(EXPIRE_JOBS_TASK);
    expect((await ctx.services.jobs.getJob({ id: job.id })).status).toBe("approved");
    current = new Date("2026-05-31T12:01:00Z");
    await run(EXPIRE_JOBS_TASK);
    expect((await ctx.services.jobs.getJob({ id: job.id })).status).toBe("expired");
  });

  it("mails the monthly report to the configured recipients", async () => {
    await run(MONTHLY_REPORT_TASK);
    const [report] = await readOutbox(ctx.deps.db);
    expect(report).toMatchObject({ template: "jobs/monthly-report", to: "board@example.org, psf@example.org" });
  });

  it("gives the bench the board, its feed and the API list, each answering 200 on the demo content", async () => {
    await ctx.registry.seed();
    const paths = await ctx.registry.benchPaths();
    expect(paths).toEqual(expect.arrayContaining(["/jobs/", "/jobs/feed/rss/", "/api/v3/jobs/"]));
    for (const path of ["/jobs/", "/jobs/feed/rss/", "/api/v3/jobs/"]) expect([path, (await ctx.app.request(path)).status]).toEqual([path, 200]);
  });
});
