import { describe, expect, it } from "vitest";
import { useTestContext } from "../../testing/deps.ts";

const ctx = useTestContext();

const banner = (overrides: Partial<{ title: string; active: boolean; psfPagesOnly: boolean }> = {}) => ({
  title: "Take the survey",
  message: "Tell us how you use Python.",
  link: "https://example.org/survey",
  active: true,
  psfPagesOnly: false,
  ...overrides,
});

describe("banners service", () => {
  it("shows PSF-only banners only on PSF pages (legacy templatetags/banners.py)", async () => {
    await ctx.services.banners.saveBanner({ input: banner({ title: "PSF only", psfPagesOnly: true }) });
    expect(await ctx.services.banners.getActiveBanner({ psfPage: false })).toBeNull();
    expect((await ctx.services.banners.getActiveBanner({ psfPage: true }))?.title).toBe("PSF only");
  });

  it("picks the oldest active banner and ignores inactive ones", async () => {
    await ctx.services.banners.saveBanner({ input: banner({ title: "inactive", active: false }) });
    await ctx.services.banners.saveBanner({ input: banner({ title: "first" }) });
    await ctx.services.banners.saveBanner({ input: banner({ title: "second" }) });
    expect((await ctx.services.banners.getActiveBanner({ psfPage: false }))?.title).toBe("first");
  });

  it("stops showing a banner as soon as it is switched off", async () => {
    const saved = await ctx.services.banners.saveBanner({ input: banner() });
    expect(await ctx.services.banners.getActiveBanner({ psfPage: false })).not.toBeNull();
    await ctx.services.banners.saveBanner({ id: saved.id, input: banner({ active: false }) });
    expect(await ctx.services.banners.getActiveBanner({ psfPage: false })).toBeNull();
  });

  it("validates links and reports unknown ids", async () => {
    await expect(ctx.services.banners.saveBanner({ input: { ...banner(), link: "javascript:alert(1)" } })).rejects.toThrow(/http/);
    await expect(ctx.services.banners.saveBanner({ id: 999, input: banner() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(ctx.services.banners.getBanner({ id: 999 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("banners API v3 and pages", () => {
  it("lists banners and filters by active", async () => {
    await ctx.services.banners.saveBanner({ input: banner({ title: "on" }) });
    await ctx.services.banners.saveBanner({ input: banner({ title: "off", active: false }) });
    const response = await ctx.app.request("/api/v3/banners/?active=true");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([expect.objectContaining({ title: "on", active: true, psf_pages_only: false, resource_uri: "http://testserver/api/v3/banners/1/" })]);
    expect((await ctx.app.request("/api/v3/banners/?active=maybe")).status).toBe(400);
    expect((await ctx.app.request("/api/v3/banners/abc/")).status).toBe(404);
  });

  it("renders the active banner on every page, escaped", async () => {
    await ctx.services.banners.saveBanner({ input: banner({ title: "Survey <b>now</b>" }) });
    const html = await (await ctx.app.request("/")).text();
    expect(html).toContain("Survey &lt;b&gt;now&lt;/b&gt;");
    expect(html).toContain('href="https://example.org/survey"');
    const notFound = await (await ctx.app.request("/no-such-page/")).text();
    expect(notFound).toContain("Survey &lt;b&gt;now&lt;/b&gt;");
  });
});
