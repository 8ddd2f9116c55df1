// API v3 of the job board: visible jobs only, filters, pages with links, problem details,
// responses matching the OpenAPI schemas, and the document checking clean.
import { beforeEach, describe, expect, it } from "vitest";
import { signInAs } from "../../testing/admin.ts";
import { useTestContext } from "../../testing/deps.ts";
import { actorOf, createJobInStatus, createJobsTaxonomy, type JobsFixture } from "../../testing/factories/jobs.ts";
import { checkOpenApiDocument } from "../../testing/openapi-check.ts";
import { JobPageSchema, JobSchema, JobTaxonomySchema } from "./openapi.ts";
import type { CurrentUser } from "../../core/http/env.ts";

const ctx = useTestContext();
let fixture: JobsFixture;
let creator: CurrentUser;
let admin: CurrentUser;

beforeEach(async () => {
  fixture = await createJobsTaxonomy(ctx.services.jobs);
  creator = actorOf(await signInAs(ctx, { isStaff: false }));
  admin = actorOf({ id: creator.id }, { isStaff: true });
});

const job = (status: "approved" | "draft" | "review", form: Record<string, unknown> = {}) => createJobInStatus(ctx.services.jobs, { fixture, creator, admin, status, form });
const getJson = async (path: string) => {
  const response = await ctx.app.request(path);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe("jobs API v3", () => {
  it("lists visible jobs with their fields and no contact address, filtered like the pages", async () => {
    const shown = await job("approved", { jobTitle: "API job", jobTypeIds: [fixture.types.contract], telecommuting: true });
    await job("approved", { jobTitle: "Other job", categoryId: fixture.categories.science });
    await job("draft", { jobTitle: "Draft job" });
    const list = await getJson("/api/v3/jobs/");
    expect(list.status).toBe(200);
    expect(JobPageSchema.parse(list.body)).toMatchObject({ count: 2, next: null, previous: null });
    expect((list.body.results as Array<{ job_title: string }>).map((item) => item.job_title).sort()).toEqual(["API job", "Other job"]);
    expect(JSON.stringify(list.body)).not.toContain("hiring@acme.example");

    const byType = await getJson("/api/v3/jobs/?type=contract");
    expect((byType.body.results as Array<{ id: number }>).map((item) => item.id)).toEqual([shown.id]);
    expect(((await getJson("/api/v3/jobs/?telecommute=true")).body.results as unknown[]).length).toBe(1);
    expect(((await getJson("/api/v3/jobs/?category=scientific")).body.results as unknown[]).length).toBe(1);

    const one = await getJson(`/api/v3/jobs/${shown.id}/`);
    expect(JobSchema.parse(one.body)).toMatchObject({
      id: shown.id,
      job_title: "API job",
      html_url: `http://testserver/jobs/${shown.id}/`,
      job_types: [{ name: "Contract", slug: "contract" }],
    });
    const types = await ctx.app.request("/api/v3/jobs/types/");
    expect(
      JobTaxonomySchema.array()
        .parse(await types.json())
        .map((type) => type.slug),
    ).toEqual(["contract", "full-time"]);
  });

  it("pages 25 at a time with next and previous links", async () => {
    for (let index = 0; index < 26; index += 1) await job("approved", { jobTitle: `Paged ${index}` });
    const first = await getJson("/api/v3/jobs/");
    expect(first.body).toMatchObject({ count: 26, next: "http://testserver/api/v3/jobs/?page=2", previous: null });
    const second = await getJson("/api/v3/jobs/?page=2");
    expect(second.body).toMatchObject({ next: null, previous: "http://testserver/api/v3/jobs/?page=1" });
    expect((second.body.results as unknown[]).length).toBe(1);
    expect((await ctx.app.request("/api/v3/jobs/?page=3")).status).toBe(404);
  });

  it("answers problem details for hidden jobs, bad ids and unknown parameters", async () => {
    const draft = await job("draft");
    expect((await ctx.app.request(`/api/v3/jobs/${draft.id}/`)).status).toBe(404);
    expect((await ctx.app.request("/api/v3/jobs/abc/")).status).toBe(404);
    expect((await ctx.app.request("/api/v3/jobs/?page=0")).status).toBe(400);
    expect((await ctx.app.request("/api/v3/jobs/?colour=blue")).status).toBe(400);
  });

  it("is described in /api/openapi.json without structural problems", async () => {
    const document = (await (await ctx.app.request("/api/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/api/v3/jobs/", "/api/v3/jobs/{id}/", "/api/v3/jobs/types/", "/api/v3/jobs/categories/"]));
    expect(checkOpenApiDocument(document)).toEqual([]);
  });
});
