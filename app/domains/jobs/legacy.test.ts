// The jobs migrator on the shared legacy sample: every table counted, ids and fields kept,
// idempotent, and the migrated board rendering with hostile rows neutralised.
import { afterAll, beforeAll, expect, it } from "vitest";
import { sumValues } from "../../core/legacy/tally.ts";
import type { MigrationReport } from "../../core/legacy/report.ts";
import { signIn } from "../../testing/auth.ts";
import { createTestContext, type TestContext } from "../../testing/deps.ts";
import { describeWithLegacySample } from "../../testing/legacy-bed.ts";
import { createLegacySampleDatabase, migrateLegacy, stepReport, type LegacyDatabase } from "../../testing/legacy-sample.ts";

describeWithLegacySample("jobs legacy migrator", () => {
  let ctx: TestContext;
  let legacy: LegacyDatabase;
  let report: MigrationReport;

  beforeAll(async () => {
    ctx = await createTestContext();
    await ctx.reset();
    legacy = await createLegacySampleDatabase();
    report = await migrateLegacy(legacy, ctx.databaseUrl, { only: ["users", "jobs"] });
  });
  afterAll(async () => {
    await legacy?.drop();
    await ctx?.close();
  });

  it("carries every type, category, job, job type link and review comment, minus the reported skips", async () => {
    const db = ctx.deps.db;
    expect(stepReport(report, "jobs_jobtype")).toMatchObject({ read: 12, inserted: 12 });
    expect(stepReport(report, "jobs_jobcategory")).toMatchObject({ read: 10, inserted: 10 });
    // The sample has no orphans or unknown statuses: everything comes over.
    expect(stepReport(report, "jobs_job")).toMatchObject({ read: 80, inserted: 80, skipped: {} });
    expect(stepReport(report, "jobs_job_job_types")).toMatchObject({ read: 131, inserted: 131, skipped: {} });
    expect(stepReport(report, "jobs_jobreviewcomment")).toMatchObject({ read: 25, inserted: 25, skipped: {} });
    expect(await db.job.count()).toBe(80 - sumValues(stepReport(report, "jobs_job").skipped));
    expect(await db.jobTypeLink.count()).toBe(131 - sumValues(stepReport(report, "jobs_job_job_types").skipped));
    expect(await db.jobReviewComment.count()).toBe(25 - sumValues(stepReport(report, "jobs_jobreviewcomment").skipped));

    const source = (await legacy.query(`SELECT id, job_title, company_name, status, location_slug, email, expires, created, submitted_by_id FROM jobs_job ORDER BY id LIMIT 20`))
      .rows;
    const migrated = await db.job.findMany({
      where: { id: { in: source.map((row) => row.id as number) } },
      orderBy: { id: "asc" },
      select: { id: true, jobTitle: true, companyName: true, status: true, locationSlug: true, email: true, expires: true, created: true },
    });
    expect(
      migrated.map((job) => [job.id, job.jobTitle, job.companyName, job.status, job.locationSlug, job.email, job.expires?.toISOString() ?? null, job.created.toISOString()]),
    ).toEqual(
      source.map((row) => [
        row.id,
        row.job_title,
        row.company_name,
        row.status,
        row.location_slug,
        row.email,
        row.expires ? new Date(row.expires).toISOString() : null,
        new Date(row.created).toISOString(),
      ]),
    );
  });

  it("changes nothing on a second run", async () => {
    const second = await migrateLegacy(legacy, ctx.databaseUrl, { only: ["jobs"] });
    for (const step of ["jobs_jobtype", "jobs_jobcategory", "jobs_job", "jobs_job_job_types", "jobs_jobreviewcomment"]) {
      expect(stepReport(second, step), step).toMatchObject({ inserted: 0, updated: 0 });
    }
  });

  it("lists exactly the visible legacy jobs, and renders hostile rows escaped and sanitised", async () => {
    const visible = (await legacy.query(`SELECT count(*)::int AS n FROM jobs_job WHERE status = 'approved' AND expires >= now()`)).rows[0]!.n as number;
    expect(await ctx.services.jobs.countVisibleJobs()).toBe(visible);
    const list = await ctx.app.request("/jobs/");
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain(`${visible} job${visible === 1 ? "" : "s"} on the Python Job Board`);
    expect(html).not.toMatch(/<script>(?!\s*$)[^<]*alert/i);

    const hostile = (
      await legacy.query(`SELECT id FROM jobs_job WHERE description ILIKE '%<script%' OR _description_rendered ILIKE '%<script%' OR job_title ILIKE '%<script%' ORDER BY id`)
    ).rows.map((row) => row.id as number);
    expect(hostile.length).toBeGreaterThan(0);
    const moderator = await ctx.deps.db.user.findFirstOrThrow({ where: { username: "jobs-moderator" }, select: { id: true } });
    const cookie = await signIn(ctx, moderator.id);
    for (const id of hostile) {
      const response = await ctx.app.request(`/jobs/${id}/`, { headers: { cookie } });
      expect(response.status).toBe(200);
      const page = await response.text();
      expect(page).not.toMatch(/<script[^>]*>[^<]*(alert|document\.cookie)/i);
      expect(page).not.toMatch(/\son\w+="[^"]*alert/i);
      // The raw source, shown in the edit form, is escaped.
      const form = await (await ctx.app.request(`/jobs/${id}/edit/`, { headers: { cookie } })).text();
      expect(form).not.toMatch(/<script[^>]*>[^<]*document\.cookie/i);
      expect(form).toContain("&lt;script&gt;");
    }
    // The README's moderator reaches the review queue through the migrated group permission.
    expect((await ctx.app.request("/jobs/review/", { headers: { cookie } })).status).toBe(200);
    expect((await ctx.app.request("/jobs/feed/rss/")).status).toBe(200);
  });
});
