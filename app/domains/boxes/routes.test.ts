import { describe, expect, it } from "vitest";
import { useTestContext } from "../../testing/deps.ts";

const ctx = useTestContext();

describe("GET /box/<label>/", () => {
  it("answers the box HTML without the layout", async () => {
    await ctx.services.boxes.saveBox({ input: { label: "supernav-python-about", content: "About *Python*", contentMarkupType: "markdown" } });
    const response = await ctx.app.request("/box/supernav-python-about/");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const body = await response.text();
    expect(body).toBe("<p>About <em>Python</em></p>\n");
    expect(body).not.toContain("<html");
    expect(response.headers.get("surrogate-key")).toContain("box-supernav-python-about");
  });

  it("is 404 in the site look for an unknown or malformed label", async () => {
    expect((await ctx.app.request("/box/unknown/")).status).toBe(404);
    const malformed = await ctx.app.request("/box/%3Cscript%3E/");
    expect(malformed.status).toBe(404);
    expect(await malformed.text()).not.toContain("<script>");
  });

  it("redirects the slash-less form", async () => {
    await ctx.services.boxes.saveBox({ input: { label: "x", content: "x", contentMarkupType: "plain" } });
    const response = await ctx.app.request("/box/x");
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe("/box/x/");
  });
});
