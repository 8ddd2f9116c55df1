// The legacy /m/<path>/ media URLs (pydotorg/urls.py MediaMigrationView): 301 to where the
// upload lives now, /media/<path>, with `.`/`..` segments removed and the query dropped.
import { describe, expect, it } from "vitest";
import { useTestContext } from "../../testing/deps.ts";
import { legacyMediaLocation } from "./routes/media.ts";

const ctx = useTestContext();

async function expectMoved(path: string, location: string, init: RequestInit = {}) {
  const response = await ctx.app.request(path, init);
  expect(response.status, path).toBe(301);
  expect(response.headers.get("location"), path).toBe(location);
}

describe("/m/<path>/", () => {
  it("redirects permanently to /media/<path> without the query string", async () => {
    await expectMoved("/m/images/2014/logo.png/", "/media/images/2014/logo.png");
    await expectMoved("/m/files/report.pdf/?download=1", "/media/files/report.pdf");
    await expectMoved("/m/images/logo.png/", "/media/images/logo.png", { method: "HEAD" });
  });

  it("reaches the slashed form first through APPEND_SLASH, keeping the query for that hop", async () => {
    await expectMoved("/m/images/logo.png?x=1", "/m/images/logo.png/?x=1");
    await expectMoved("/m/images/logo.png/?x=1", "/media/images/logo.png");
  });

  it("removes dot segments instead of resolving them, encoded ones too", async () => {
    // URL parsing already resolves `%2e%2e` segments: this one leaves /m/ and is a 404.
    expect((await ctx.app.request("/m/%2e%2e/%2e%2e/etc/passwd/")).status).toBe(404);
    // Segments that survive URL parsing (an encoded slash) are removed, not resolved.
    await expectMoved("/m/a%2F..%2F..%2Fetc%2Fpasswd/", "/media/a/etc/passwd");
    await expectMoved("/m/images/.%2Fx.png/", "/media/images/x.png");
    await expectMoved("/m/images//x.png/", "/media/images/x.png");
    await expectMoved("/m/....//x.png/", "/media/..../x.png");
    await expectMoved("/m/a%2F..%2Fb.png/", "/media/a/b.png");
  });

  it("keeps names percent-encoded in the Location", async () => {
    await expectMoved("/m/images/caf%C3%A9%20menu.png/", "/media/images/caf%C3%A9%20menu.png");
    expect(legacyMediaLocation("/m/%E0%A4%A/")).toBe("/media/%25E0%25A4%25A");
  });

  it("answers 404 where the legacy pattern does not match", async () => {
    expect((await ctx.app.request("/m/")).status).toBe(404);
    expect((await ctx.app.request("/m")).status).toBe(404);
  });
});
