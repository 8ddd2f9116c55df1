// The job board's workflow on a real database: the whole lifecycle with its mail, who may
// do what, and that hidden jobs never reach lists, counts, the feed or search.
import { beforeEach, describe, expect, it } from "vitest";
import { useTestContext } from "../../testing/deps.ts";
import { actorOf, createJobAdmin, createJobInStatus, createJobsTaxonomy, jobForm, type JobsFixture } from "../../testing/factories/jobs.ts";
import { createTestUser } from "../../testing/factories/users.ts";
import { readOutbox } from "../../testing/mail.ts";
import type { CurrentUser } from "../../core/http/env.ts";

let current = new Date("2026-03-10T12:00:00Z");
const ctx = useTestContext({ clock: { now: () => current } });
const DAY = 24 * 60 * 60 * 1000;

let fixture: JobsFixture;
let creator: CurrentUser;
let admin: CurrentUser;
let stranger: CurrentUser;

beforeEach(async () => {
  current = new Date("2026-03-10T12:00:00Z");
  fixture = await createJobsTaxonomy(ctx.services.jobs);
  creator = actorOf(await createTestUser(ctx));
  stranger = actorOf(await createTestUser(ctx));
  admin = (await createJobAdmin(ctx)).actor;
});

const jobs = () => ctx.services.jobs;
const mailTo = async () => (await readOutbox(ctx.deps.db)).map((row) => ({ template: row.template, to: row.to }));

async function publicIds() {
  const list = await jobs().listVisibleJobs();
  const feed = await jobs().listFeedJobs();
  await ctx.drainJobs();
  const hits = await ctx.deps.search.search({ q: "Python Developer", types: ["job"] });
  return { list: list.items.map((job) => job.id), count: await jobs().countVisibleJobs(), feed: feed.map((job) => job.id), search: hits.hits.map((hit) => hit.url) };
}

describe("jobs workflow", () => {
  it("walks draft → review → comment → approved → expired, mailing each step to the right people", async () => {
    const draft = await jobs().createJob({ input: jobForm(fixture, { email: "contact@acme.example" }), actor: creator });
    expect(draft).toMatchObject({ status: "draft", locationSlug: "zurich-zh-switzerland", creatorId: creator.id, submittedById: creator.id });
    expect(draft.descriptionHtml).toContain("<strong>web</strong>");
    expect((await publicIds()).list).toEqual([]);

    await jobs().submitForReview({ id: draft.id, actor: creator });
    await jobs().addReviewComment({ input: { jobId: String(draft.id), comment: "Please add a salary range." }, actor: admin });
    await jobs().addReviewComment({ input: { jobId: String(draft.id), comment: "Added it." }, actor: creator });
    const approved = await jobs().moderateJob({ id: draft.id, action: "approve", actor: admin });
    expect(approved.status).toBe("approved");
    expect(approved.expires?.toISOString()).toBe(new Date(current.getTime() + 90 * DAY).toISOString());
    await ctx.drainJobs();
    expect(await mailTo()).toEqual([
      { template: "jobs/job-submitted", to: "jobs@python.org" },
      { template: "jobs/job-comment", to: "contact@acme.example, jobs@python.org" },
      { template: "jobs/job-comment", to: "jobs@python.org" },
      { template: "jobs/job-approved", to: "contact@acme.example, jobs@python.org" },
    ]);
    const visible = await publicIds();
    expect(visible).toMatchObject({ list: [draft.id], count: 1, feed: [draft.id], search: [`/jobs/${draft.id}/`] });

    // The day before `expires` the job is still up; after it, the cron expires it (once, not after another 90 days).
    current = new Date(approved.expires!.getTime() - DAY);
    expect(await jobs().expireJobs()).toBe(0);
    current = new Date(approved.expires!.getTime() + 1000);
    expect((await jobs().listVisibleJobs()).items).toEqual([]);
    expect(await jobs().expireJobs()).toBe(1);
    expect((await jobs().getJob({ id: draft.id })).status).toBe("expired");
    expect(await publicIds()).toMatchObject({ list: [], count: 0, feed: [], search: [] });

    const audit = await ctx.deps.db.auditLogEntry.findMany({ where: { model: "jobs.job", objectId: String(draft.id) }, orderBy: { id: "asc" } });
    expect(audit.map((row) => [row.action, (row.before as { status: string }).status, (row.after as { status: string }).status])).toEqual([
      ["review", "draft", "review"],
      ["approve", "review", "approved"],
      ["expire", "approved", "expired"],
    ]);
  });

  it("keeps rejected, removed, archived, in-review and draft jobs out of lists, counts, feed and search", async () => {
    for (const status of ["draft", "review", "rejected", "removed", "archived"] as const) {
      await createJobInStatus(jobs(), { fixture, creator, admin, status });
    }
    const shown = await createJobInStatus(jobs(), { fixture, creator, admin, status: "approved" });
    expect(await publicIds()).toMatchObject({ list: [shown.id], count: 1, feed: [shown.id], search: [`/jobs/${shown.id}/`] });
    expect((await jobs().listTypesWithJobs()).map((type) => type.slug)).toEqual(["full-time"]);
    expect((await jobs().listCategoriesWithJobs()).map((category) => category.slug)).toEqual(["web-development"]);
  });

  it("mails a rejection to the contact address and the jobs address, and lets the creator edit and resubmit", async () => {
    const job = await createJobInStatus(jobs(), { fixture, creator, admin, status: "review" });
    await jobs().addReviewComment({ input: { jobId: String(job.id), comment: "Not a Python job.", action: "reject" }, actor: admin });
    expect((await jobs().getJob({ id: job.id })).status).toBe("rejected");
    const updated = await jobs().updateJob({ id: job.id, input: jobForm(fixture, { jobTitle: "Python Engineer" }), actor: creator });
    expect(updated.jobTitle).toBe("Python Engineer");
    await jobs().submitForReview({ id: job.id, actor: creator });
    expect((await mailTo()).map((row) => row.template)).toEqual(["jobs/job-submitted", "jobs/job-comment", "jobs/job-rejected", "jobs/job-submitted"]);
    expect((await mailTo())[2]!.to).toBe("hiring@acme.example, jobs@python.org");
  });

  it("lets only job admins moderate, and only the creator or job admins comment", async () => {
    const job = await createJobInStatus(jobs(), { fixture, creator, admin, status: "review" });
    await expect(jobs().moderateJob({ id: job.id, action: "approve", actor: creator })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(jobs().addReviewComment({ input: { jobId: String(job.id), comment: "hi" }, actor: stranger })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(jobs().addReviewComment({ input: { jobId: String(job.id), comment: "ok", action: "approve" }, actor: creator })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(jobs().listReviewQueue({ viewer: creator })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Staff and holders of jobs.can_moderate_jobs are job admins too.
    const staff = actorOf({ id: stranger.id }, { isStaff: true });
    await jobs().moderateJob({ id: job.id, action: "archive", actor: staff });
    const moderator = actorOf({ id: stranger.id }, { permissions: new Set(["jobs.can_moderate_jobs"]) });
    await jobs().moderateJob({ id: job.id, action: "approve", actor: moderator });
    expect((await jobs().getJob({ id: job.id })).status).toBe("approved");
  });

  it("lets creators edit only draft, review and rejected jobs, and hides others' hidden jobs", async () => {
    const approved = await createJobInStatus(jobs(), { fixture, creator, admin, status: "approved" });
    await expect(jobs().updateJob({ id: approved.id, input: jobForm(fixture), actor: creator })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await jobs().updateJob({ id: approved.id, input: jobForm(fixture, { jobTitle: "Edited by admin" }), actor: admin });
    const draft = await createJobInStatus(jobs(), { fixture, creator, admin, status: "draft" });
    await expect(jobs().updateJob({ id: draft.id, input: jobForm(fixture), actor: stranger })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(jobs().getViewableJob({ id: draft.id, viewer: stranger })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(jobs().getViewableJob({ id: draft.id, viewer: null })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await jobs().getViewableJob({ id: draft.id, viewer: creator })).id).toBe(draft.id);
    expect((await jobs().getViewableJob({ id: draft.id, viewer: admin })).id).toBe(draft.id);

    await jobs().removeOwnJob({ id: draft.id, actor: creator });
    await expect(jobs().removeOwnJob({ id: approved.id, actor: stranger })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await jobs().listMyJobs({ user: creator })).items.map((job) => [job.id, job.status])).toEqual([
      [draft.id, "removed"],
      [approved.id, "approved"],
    ]);
  });

  it("validates the form with messages per field, including unknown categories and types", async () => {
    await expect(jobs().createJob({ input: jobForm(fixture, { jobTitle: "", email: "nope", url: "javascript:alert(1)" }), actor: creator })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { jobTitle: ["This field is required."], email: ["Enter a valid email address."], url: [expect.stringContaining("http")] },
    });
    await expect(jobs().createJob({ input: jobForm(fixture, { categoryId: "999999", jobTypeIds: ["999999"] }), actor: creator })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { categoryId: ["Select a valid category."], jobTypeIds: ["Select a valid job type."] },
    });
  });

  it("keeps the review queue to jobs in review from the last 120 days, oldest first, 20 a page", async () => {
    current = new Date("2025-10-01T12:00:00Z");
    await createJobInStatus(jobs(), { fixture, creator, admin, status: "review" });
    current = new Date("2026-03-01T12:00:00Z");
    const recent = await createJobInStatus(jobs(), { fixture, creator, admin, status: "review" });
    current = new Date("2026-03-02T12:00:00Z");
    const newer = await createJobInStatus(jobs(), { fixture, creator, admin, status: "review" });
    const approved = await createJobInStatus(jobs(), { fixture, creator, admin, status: "approved" });
    current = new Date("2026-03-10T12:00:00Z");
    expect((await jobs().listReviewQueue({ viewer: admin })).items.map((job) => job.id)).toEqual([recent.id, newer.id]);
    const moderation = await jobs().listModeration({ viewer: admin, q: approved.jobTitle.toUpperCase() });
    expect(moderation.items.map((job) => job.id)).toEqual([approved.id]);
    await expect(jobs().listReviewQueue({ viewer: admin, page: 2 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("sends the monthly report with counts by status for this and last month", async () => {
    current = new Date("2026-02-10T12:00:00Z");
    await createJobInStatus(jobs(), { fixture, creator, admin, status: "approved" });
    current = new Date("2026-03-05T12:00:00Z");
    await createJobInStatus(jobs(), { fixture, creator, admin, status: "draft" });
    await createJobInStatus(jobs(), { fixture, creator, admin, status: "review" });
    current = new Date("2026-03-27T08:00:00Z");
    const report = await jobs().sendMonthlyReport();
    expect(report).toEqual({ thisMonth: { draft: 1, review: 1 }, lastMonth: { approved: 1 } });
    const rows = await readOutbox(ctx.deps.db);
    const sent = rows[rows.length - 1]!;
    expect(sent).toMatchObject({ template: "jobs/monthly-report", to: "jobs@python.org", subject: "Python Job Board report for 2026-03" });
    expect(sent.textBody).toContain("review: 1");
  });
});

describe("jobs demo seed", () => {
  it("adds approved jobs that show on the board, and adds nothing the second time", async () => {
    const first = await ctx.registry.seed();
    expect(first).toBeDefined();
    const shown = await jobs().countVisibleJobs();
    expect(shown).toBeGreaterThanOrEqual(6);
    const { seedJobsDemo } = await import("./seed.ts");
    expect(await seedJobsDemo(jobs())).toEqual({ jobTypes: 0, jobCategories: 0, jobs: 0 });
    expect(await jobs().countVisibleJobs()).toBe(shown);
  });
});
