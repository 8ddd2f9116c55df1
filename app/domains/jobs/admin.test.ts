// The jobs admin: lists with status filters and search, a job saved from the form, bulk
// approval running the workflow (expiry set, mail queued, audited), and types/categories.
import { beforeEach, describe, expect, it } from "vitest";
import { adminPost, followRedirect, signInAs, syncAdminPermissions, type SignedIn } from "../../testing/admin.ts";
import { useTestContext } from "../../testing/deps.ts";
import { actorOf, createJobInStatus, createJobsTaxonomy, type JobsFixture } from "../../testing/factories/jobs.ts";
import { readOutbox } from "../../testing/mail.ts";

const ctx = useTestContext();
let editor: SignedIn;
let fixture: JobsFixture;

beforeEach(async () => {
  await syncAdminPermissions(ctx);
  editor = await signInAs(ctx, { permissions: ["jobs.view_job", "jobs.add_job", "jobs.change_job", "jobs.view_jobtype", "jobs.add_jobtype"] });
  fixture = await createJobsTaxonomy(ctx.services.jobs);
});

const get = (path: string) => ctx.app.request(path, { headers: { cookie: editor.cookie } });
const post = (path: string, fields: Record<string, string | string[]>) => ctx.app.request(path, adminPost(ctx, editor.cookie, fields));
const job = (status: "review" | "approved" | "draft", title: string) => {
  const creator = actorOf({ id: editor.id });
  return createJobInStatus(ctx.services.jobs, { fixture, creator, admin: actorOf({ id: editor.id }, { isStaff: true }), status, form: { jobTitle: title } });
};

describe("jobs admin", () => {
  it("filters jobs by status and searches titles", async () => {
    await job("review", "Waiting engineer");
    await job("approved", "Listed engineer");
    const inReview = await (await get("/admin/jobs/job/?status=review")).text();
    expect(inReview).toContain("Waiting engineer");
    expect(inReview).not.toContain("Listed engineer");
    const searched = await (await get("/admin/jobs/job/?q=listed")).text();
    expect(searched).toContain("Listed engineer");
    expect(searched).not.toContain("Waiting engineer");
  });

  it("creates a job from the form and refuses an invalid one with field errors", async () => {
    const fields = {
      jobTitle: "Admin-made job",
      companyName: "PSF",
      categoryId: String(fixture.categories.web),
      jobTypeIds: [String(fixture.types.fullTime), String(fixture.types.contract)],
      city: "Wilmington",
      country: "USA",
      description: "Do things",
      requirements: "Python",
      email: "jobs@psf.example",
      status: "approved",
      expires: "2099-01-01 00:00",
    };
    const created = await post("/admin/jobs/job/add/", fields);
    expect(created.status).toBe(303);
    const saved = await ctx.deps.db.job.findFirstOrThrow({ where: { jobTitle: "Admin-made job" }, include: { jobTypes: true } });
    expect(saved).toMatchObject({ status: "approved", locationSlug: "wilmington-usa" });
    expect(saved.jobTypes).toHaveLength(2);
    expect(await (await ctx.app.request("/jobs/")).text()).toContain("Admin-made job");

    const invalid = await post("/admin/jobs/job/add/", { ...fields, email: "nope", status: "published" });
    expect(invalid.status).toBe(422);
  });

  it("approves selected jobs in bulk through the workflow: expiry set, contact mailed", async () => {
    const first = await job("review", "Bulk one");
    const second = await job("review", "Bulk two");
    const done = await post("/admin/jobs/job/action/", { action: "approve", ids: [String(first.id), String(second.id)], confirm: "yes" });
    expect(done.status).toBe(303);
    expect(await (await followRedirect(ctx, editor.cookie, done)).text()).toContain("done for 2 jobs");
    const approved = await ctx.deps.db.job.findMany({ where: { id: { in: [first.id, second.id] } }, select: { status: true, expires: true } });
    expect(approved.every((row) => row.status === "approved" && row.expires !== null)).toBe(true);
    expect((await readOutbox(ctx.deps.db)).filter((row) => row.template === "jobs/job-approved")).toHaveLength(2);
  });

  it("adds job types and refuses a taken slug", async () => {
    expect((await post("/admin/jobs/jobtype/add/", { name: "Seasonal", slug: "seasonal", active: "on" })).status).toBe(303);
    const taken = await post("/admin/jobs/jobtype/add/", { name: "Again", slug: "seasonal" });
    expect(taken.status).toBe(422);
    expect(await taken.text()).toContain("A job type with this slug already exists.");
    expect((await get("/admin/jobs/jobcategory/")).status).toBe(403);
  });
});
