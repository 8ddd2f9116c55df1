import { describe, expect, it } from "vitest";
import { useTestContext } from "../../testing/deps.ts";

const ctx = useTestContext();

describe("boxes API v3", () => {
  it("lists boxes with absolute resource URIs and filters by prefix", async () => {
    await ctx.services.boxes.saveBox({ input: { label: "homepage-jobs", content: "Jobs", contentMarkupType: "plain" } });
    await ctx.services.boxes.saveBox({ input: { label: "widget-about-psf", content: "PSF", contentMarkupType: "plain" } });
    const response = await ctx.app.request("/api/v3/boxes/?label__startswith=homepage-");
    expect(response.status).toBe(200);
    const body = (await response.json()) as Array<Record<string, unknown>>;
    expect(body).toHaveLength(1);
    expect(body[0]).toMatchObject({
      label: "homepage-jobs",
      content: "Jobs",
      content_markup_type: "plain",
      content_html: "<p>Jobs</p>",
      resource_uri: "http://testserver/api/v3/boxes/homepage-jobs/",
      html_uri: "http://testserver/box/homepage-jobs/",
    });
    expect(body[0]!.updated).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("answers one box and a problem+json 404 for an unknown one", async () => {
    await ctx.services.boxes.saveBox({ input: { label: "one", content: "1", contentMarkupType: "plain" } });
    expect((await ctx.app.request("/api/v3/boxes/one/")).status).toBe(200);
    const missing = await ctx.app.request("/api/v3/boxes/none/");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toContain("application/problem+json");
    expect(await missing.json()).toMatchObject({ status: 404, title: "Not Found", code: "NOT_FOUND" });
  });

  it("rejects malformed filters with a 400 listing the field", async () => {
    const response = await ctx.app.request(`/api/v3/boxes/?label=${"x".repeat(500)}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Record<string, string[]> };
    expect(Object.keys(body.errors)).toEqual(["label"]);
  });
});
