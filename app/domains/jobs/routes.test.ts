// The job board's pages as urls.md §7 and §13 describe them: lists, detail, filters,
// feed, the submission flow, review and moderation, with statuses, redirects and mail.
import { beforeEach, describe, expect, it } from "vitest";
import { adminPost, followRedirect, signInAs, type SignedIn } from "../../testing/admin.ts";
import { useTestContext } from "../../testing/deps.ts";
import { actorOf, createJobInStatus, createJobsTaxonomy, jobForm, type JobsFixture } from "../../testing/factories/jobs.ts";
import { readOutbox } from "../../testing/mail.ts";
import type { CurrentUser } from "../../core/http/env.ts";

const ctx = useTestContext();
let fixture: JobsFixture;
let creator: SignedIn;
let reviewer: SignedIn;
let stranger: SignedIn;
let creatorActor: CurrentUser;
let adminActor: CurrentUser;

beforeEach(async () => {
  fixture = await createJobsTaxonomy(ctx.services.jobs);
  creator = await signInAs(ctx, { isStaff: false });
  stranger = await signInAs(ctx, { isStaff: false });
  reviewer = await signInAs(ctx, { isStaff: false, groups: ["Job Board Admin"] });
  creatorActor = actorOf(creator);
  adminActor = actorOf(reviewer, { groups: ["Job Board Admin"] });
});

const get = (path: string, cookie?: string) => ctx.app.request(path, cookie ? { headers: { cookie } } : {});
const post = (path: string, cookie: string, fields: Record<string, string | string[]>) => ctx.app.request(path, adminPost(ctx, cookie, fields));
const job = (status: Parameters<typeof createJobInStatus>[1]["status"], form: Record<string, unknown> = {}) =>
  createJobInStatus(ctx.services.jobs, { fixture, creator: creatorActor, admin: adminActor, status, form });

describe("public job pages", () => {
  it("lists visible jobs only, with the count header, 25 a page and 404 past the last page", async () => {
    const hidden = await job("review", { jobTitle: "Hidden reviewer job" });
    const shown = await job("approved", { jobTitle: "Shown <b>job</b>" });
    const response = await get("/jobs/");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("1 job on the Python Job Board");
    expect(html).toContain(`href="/jobs/${shown.id}/"`);
    expect(html).toContain("Shown &lt;b&gt;job&lt;/b&gt;");
    expect(html).not.toContain(hidden.jobTitle);
    expect((await get("/jobs/?page=last")).status).toBe(200);
    expect((await get("/jobs/?page=2")).status).toBe(404);
    expect((await get("/jobs/?page=abc")).status).toBe(404);
  });

  it("pages through more than 25 jobs", async () => {
    const category = fixture.categories.science;
    const rows = Array.from({ length: 26 }, (_, index) => index);
    for (const index of rows) await job("approved", { jobTitle: `Bulk job ${index}`, categoryId: category });
    const first = await (await get("/jobs/category/scientific/")).text();
    expect(first.match(/class="job-listing"/g)).toHaveLength(25);
    expect(first).toContain('href="?page=2"');
    const second = await (await get("/jobs/category/scientific/?page=2")).text();
    expect(second.match(/class="job-listing"/g)).toHaveLength(1);
    expect(second).toContain("Bulk job 0");
    expect((await get("/jobs/category/scientific/?page=3")).status).toBe(404);
  });

  it("shows the detail page with obfuscated email, JSON-LD and sanitised markup; hides drafts from others", async () => {
    const shown = await job("approved", { description: "Hi <script>alert(1)</script> **there**", email: "apply@acme.example" });
    const html = await (await get(`/jobs/${shown.id}/`)).text();
    expect(html).toContain("<strong>there</strong>");
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).not.toContain("apply@acme.example");
    expect(html).toContain("&#97;&#112;&#112;&#108;&#121;&#64;");
    expect(html).toContain('"@type":"JobPosting"');

    const draft = await job("draft");
    expect((await get(`/jobs/${draft.id}/`)).status).toBe(404);
    expect((await get(`/jobs/${draft.id}/`, stranger.cookie)).status).toBe(404);
    expect((await get(`/jobs/${draft.id}/`, creator.cookie)).status).toBe(200);
    expect((await get(`/jobs/${draft.id}/`, reviewer.cookie)).status).toBe(200);
    expect((await get("/jobs/99999999/")).status).toBe(404);
    expect((await get("/jobs/99999999999999/")).status).toBe(404);
  });

  it("lists types, categories and locations with visible jobs, and filters by them", async () => {
    await job("approved", { jobTypeIds: [fixture.types.contract], city: "東京", region: "", country: "Japan", telecommuting: true });
    await job("review", { categoryId: fixture.categories.science, city: "Paris", country: "France" });
    const types = await (await get("/jobs/types/")).text();
    expect(types).toContain('href="/jobs/type/contract/"');
    expect(types).not.toContain("/jobs/type/full-time/");
    const categories = await (await get("/jobs/categories/")).text();
    expect(categories).toContain("/jobs/category/web-development/");
    expect(categories).not.toContain("/jobs/category/scientific/");
    const locations = await (await get("/jobs/locations/")).text();
    expect(locations).toContain('href="/jobs/location/japan/"');
    expect(locations).not.toContain("Paris");
    expect(await (await get("/jobs/location/japan/")).text()).toContain('class="job-listing"');
    expect(await (await get("/jobs/location/telecommute/")).text()).toContain('class="job-listing"');
    expect((await get("/jobs/location/nowhere/")).status).toBe(200);
    expect((await get("/jobs/type/no-such-type/")).status).toBe(404);
    expect((await get("/jobs/category/no-such-category/")).status).toBe(404);
    expect(await (await get("/jobs/type/contract/")).text()).toContain('class="job-listing"');
  });

  it("serves the RSS feed of the 20 newest approved jobs as legacy JobFeed", async () => {
    const shown = await job("approved", { jobTitle: "Feed job", companyName: "Feed Co", description: "Great **job**", requirements: "Python" });
    await job("draft", { jobTitle: "Draft job" });
    const response = await get("/jobs/feed/rss/");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/rss+xml");
    const xml = await response.text();
    expect(xml).toContain("<title>Python.org Jobs Feed</title>");
    expect(xml).toContain("Python jobs from Python.org");
    expect(xml).toContain("<title><![CDATA[Feed job, Feed Co]]></title>");
    expect(xml).toContain(`<link>http://testserver/jobs/${shown.id}/</link>`);
    expect(xml).toContain("Zürich, ZH, Switzerland\n<p>Great <strong>job</strong></p>");
    expect(xml).not.toContain("Draft job");
    expect((await get("/jobs/feed/atom/")).status).toBe(200);
  });

  it("shows an approval at once on the cached list (cache tags)", async () => {
    const pending = await job("review", { jobTitle: "Soon visible" });
    expect(await (await get("/jobs/")).text()).not.toContain("Soon visible");
    expect(await (await get("/jobs/")).text()).not.toContain("Soon visible");
    await ctx.services.jobs.moderateJob({ id: pending.id, action: "approve", actor: adminActor });
    expect(await (await get("/jobs/")).text()).toContain("Soon visible");
  });
});

describe("submitting a job", () => {
  it("sends anonymous visitors to the login page", async () => {
    for (const path of ["/jobs/create/", "/jobs/mine/", "/jobs/review/", "/jobs/moderate/", "/jobs/1/edit/", "/jobs/1/preview/"]) {
      const response = await get(path);
      expect(response.status, path).toBe(302);
      expect(response.headers.get("location"), path).toBe(`/accounts/login/?next=${path}`);
    }
  });

  it("re-renders the form with errors (422), then saves a draft, previews and submits it for review", async () => {
    expect((await get("/jobs/create/", creator.cookie)).status).toBe(200);
    const invalid = await post("/jobs/create/", creator.cookie, { jobTitle: "", companyName: "Acme", email: "nope" });
    expect(invalid.status).toBe(422);
    const page = await invalid.text();
    expect(page).toContain("This field is required.");
    expect(page).toContain("Enter a valid email address.");
    expect(page).toContain('value="Acme"');

    const form = Object.fromEntries(
      Object.entries(jobForm(fixture, { jobTitle: "Posted through the form" })).map(([name, value]) => [name, Array.isArray(value) ? value.map(String) : String(value)]),
    );
    const saved = await post("/jobs/create/", creator.cookie, { ...form, telecommuting: "on" });
    expect(saved.status).toBe(303);
    const location = saved.headers.get("location")!;
    expect(location).toMatch(/^\/jobs\/\d+\/preview\/$/);
    const id = Number(location.split("/")[2]);
    expect(await (await get(location, creator.cookie)).text()).toContain("Submit for review");
    expect((await get(location, stranger.cookie)).status).toBe(404);

    const submitted = await post(location, creator.cookie, { action: "review" });
    expect(submitted.status).toBe(303);
    expect(submitted.headers.get("location")).toBe("/jobs/thanks/");
    expect((await ctx.services.jobs.getJob({ id })).status).toBe("review");
    expect((await readOutbox(ctx.deps.db)).map((row) => [row.template, row.to])).toEqual([["jobs/job-submitted", "jobs@python.org"]]);
    expect((await get("/jobs/thanks/")).status).toBe(200);
  });

  it("edits a job back to `next`, refuses approved jobs to the creator, and removes through GET", async () => {
    const draft = await job("draft");
    const form = Object.fromEntries(
      Object.entries(jobForm(fixture, { jobTitle: "Edited title" })).map(([name, value]) => [name, Array.isArray(value) ? value.map(String) : String(value)]),
    );
    const edited = await post(`/jobs/${draft.id}/edit/`, creator.cookie, { ...form, next: "/jobs/mine/" });
    expect(edited.status).toBe(303);
    expect(edited.headers.get("location")).toBe("/jobs/mine/");
    expect(await (await followRedirect(ctx, creator.cookie, edited)).text()).toContain("Edited title");

    const approved = await job("approved");
    expect((await get(`/jobs/${approved.id}/edit/`, creator.cookie)).status).toBe(404);
    expect((await get(`/jobs/${approved.id}/edit/`, reviewer.cookie)).status).toBe(200);

    const removed = await get(`/jobs/${draft.id}/remove/`, creator.cookie);
    expect(removed.status).toBe(302);
    expect(removed.headers.get("location")).toBe("/jobs/mine/");
    expect((await ctx.services.jobs.getJob({ id: draft.id })).status).toBe("removed");
    expect((await get(`/jobs/${approved.id}/remove/`, stranger.cookie)).status).toBe(404);
  });
});

describe("reviewing jobs", () => {
  it("is for job admins only (403 for others) and approves from the queue", async () => {
    const pending = await job("review", { jobTitle: "Awaiting review" });
    expect((await get("/jobs/review/", stranger.cookie)).status).toBe(403);
    expect((await get("/jobs/moderate/", stranger.cookie)).status).toBe(403);
    const queue = await (await get("/jobs/review/", reviewer.cookie)).text();
    expect(queue).toContain("Awaiting review");
    expect((await post("/jobs/review/", reviewer.cookie, { job_id: String(pending.id), action: "delete" })).status).toBe(404);
    const approved = await post("/jobs/review/", reviewer.cookie, { job_id: String(pending.id), action: "approve" });
    expect(approved.status).toBe(302);
    expect(approved.headers.get("location")).toBe("/jobs/review/");
    expect(await (await get("/jobs/")).text()).toContain("Awaiting review");
    const moderation = await (await get("/jobs/moderate/?q=awaiting", reviewer.cookie)).text();
    expect(moderation).toContain("Awaiting review");
    expect(await (await get("/jobs/moderate/?q=nothing-matches", reviewer.cookie)).text()).toContain("No jobs to show.");
  });

  it("takes comments from the creator and reviewers, and answers 401 to anyone else", async () => {
    const pending = await job("review");
    const denied = await post("/jobs/create-review-comment/", stranger.cookie, { job: String(pending.id), comment: "Let me in" });
    expect(denied.status).toBe(401);
    expect(await denied.text()).toContain("You may not comment");
    const creatorApproves = await post("/jobs/create-review-comment/", creator.cookie, { job: String(pending.id), comment: "Approve me", action: "approve" });
    expect(creatorApproves.status).toBe(401);

    const byCreator = await post("/jobs/create-review-comment/", creator.cookie, { job: String(pending.id), comment: "Updated the salary" });
    expect(byCreator.status).toBe(302);
    expect(byCreator.headers.get("location")).toBe(`/jobs/${pending.id}/`);
    const rejected = await post("/jobs/create-review-comment/", reviewer.cookie, { job: String(pending.id), comment: "Needs a location", action: "reject" });
    expect(rejected.status).toBe(302);
    expect((await ctx.services.jobs.getJob({ id: pending.id })).status).toBe("rejected");
    const page = await (await get(`/jobs/${pending.id}/`, creator.cookie)).text();
    expect(page).toContain("Updated the salary");
    expect(page).toContain("Needs a location");
    expect((await post("/jobs/create-review-comment/", reviewer.cookie, { job: "99999999", comment: "x" })).status).toBe(404);
  });
});
