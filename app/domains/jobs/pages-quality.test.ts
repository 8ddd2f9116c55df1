// /jobs/ within its query budget (a fixed number of queries, whatever the number of jobs
// shown), and every job page valid HTML for an anonymous visitor, a creator and a reviewer.
import { beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../core/db/client.ts";
import { signInAs } from "../../testing/admin.ts";
import { testDatabaseUrl, useTestContext } from "../../testing/deps.ts";
import { actorOf, createJobInStatus, createJobsTaxonomy, type JobsFixture } from "../../testing/factories/jobs.ts";
import { findHtmlProblems } from "../../testing/html-structure.ts";

const operations: string[] = [];
const countingDb = (url: string) =>
  createDb(url).$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        operations.push(`${model ?? "raw"}.${operation}`);
        return query(args);
      },
    },
  }) as unknown as Db;

// The response cache is off so every request builds its page (and runs its queries).
const ctx = useTestContext({ db: countingDb(await testDatabaseUrl()), env: { RESPONSE_CACHE: "off" } });
let fixture: JobsFixture;

beforeEach(async () => {
  fixture = await createJobsTaxonomy(ctx.services.jobs);
});

async function jobs(count: number, status: "approved" | "draft" | "review" = "approved") {
  const creator = actorOf({ id: (await signInAs(ctx, { isStaff: false })).id });
  const admin = actorOf({ id: creator.id }, { isStaff: true });
  const created = [];
  for (let index = 0; index < count; index += 1) created.push(await createJobInStatus(ctx.services.jobs, { fixture, creator, admin, status, form: { jobTitle: `Job ${index}` } }));
  return created;
}

async function queriesOf(path: string): Promise<string[]> {
  await ctx.app.request(path); // warms the boxes and navigation caches
  operations.length = 0;
  const response = await ctx.app.request(path);
  expect(response.status).toBe(200);
  return [...operations];
}

describe("/jobs/ query budget", () => {
  it("runs the same few queries for 2 jobs as for 25", async () => {
    await jobs(2);
    const few = await queriesOf("/jobs/");
    await jobs(23);
    const many = await queriesOf("/jobs/");
    expect(many).toEqual(few);
    // The list's count, the page of jobs with their categories and types (one joined query), and the header count.
    expect(many).toEqual(["Job.count", "Job.findMany", "Job.count"]);
  });
});

describe("the job pages validate", () => {
  it("for anonymous visitors", async () => {
    const [shown] = await jobs(1);
    for (const path of [
      "/jobs/",
      `/jobs/${shown!.id}/`,
      "/jobs/types/",
      "/jobs/categories/",
      "/jobs/locations/",
      "/jobs/location/telecommute/",
      "/jobs/type/full-time/",
      "/jobs/thanks/",
    ]) {
      const response = await ctx.app.request(path);
      expect(response.status, path).toBe(200);
      expect(findHtmlProblems(await response.text()), path).toEqual([]);
    }
  });

  it("for a reviewer's pages and a creator's form", async () => {
    const [pending] = await jobs(1, "review");
    const reviewer = await signInAs(ctx, { isStaff: false, groups: ["Job Board Admin"] });
    for (const path of [
      "/jobs/review/",
      "/jobs/moderate/",
      `/jobs/${pending!.id}/`,
      "/jobs/create/",
      `/jobs/${pending!.id}/edit/`,
      `/jobs/${pending!.id}/preview/`,
      "/jobs/mine/",
    ]) {
      const response = await ctx.app.request(path, { headers: { cookie: reviewer.cookie } });
      expect(response.status, path).toBe(200);
      expect(findHtmlProblems(await response.text()), path).toEqual([]);
    }
  });
});
