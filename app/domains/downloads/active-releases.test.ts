// "Active Python releases" on /downloads/: the table and the inline SVG chart drawn from
// the release cycle, with today from the injected clock.
import { beforeEach, describe, expect, it } from "vitest";
import { useTestContext } from "../../testing/deps.ts";
import { createDownloadsFixture } from "../../testing/factories/downloads.ts";

const ctx = useTestContext({ clock: { now: () => new Date("2025-11-02T10:00:00Z") } });
const actor = "system" as const;

beforeEach(async () => {
  await createDownloadsFixture(ctx.services.downloads);
  for (const input of [
    { versionMajor: 3, versionMinor: 15, status: "feature" as const, firstRelease: "2026-10-01", endOfLife: "2031-10", pep: 790 },
    { versionMajor: 3, versionMinor: 14, status: "bugfix" as const, firstRelease: "2025-10-07", endOfLife: "2030-10", pep: 745 },
    { versionMajor: 3, versionMinor: 13, status: "security" as const, firstRelease: "2024-10-07", endOfLife: "2029-10", pep: 719 },
    { versionMajor: 2, versionMinor: 7, status: "end-of-life" as const, firstRelease: "2010-07-03", endOfLife: "2020-04-20", pep: 373 },
    { versionMajor: 2, versionMinor: 6, status: "end-of-life" as const, firstRelease: "2008-10-01", endOfLife: "2013-10-29", pep: 361 },
  ]) {
    await ctx.services.downloads.saveReleaseCycle({ input, actor });
  }
});

const home = async () => (await ctx.app.request("/downloads/")).text();

describe("active Python releases", () => {
  it("lists the versions with status, dates and schedule PEP, as python.org's table does", async () => {
    const html = await home();
    const table = html.slice(html.indexOf('<table class="release-table active-release-table">'), html.indexOf("</table>"));
    expect(table).toContain('<caption class="visually-hidden">Active Python releases</caption>');
    const headers = [...table.matchAll(/<th scope="col">([^<]+)<\/th>/g)].map((match) => match[1]);
    expect(headers).toEqual(["Python version", "Maintenance status", "Download", "First released", "End of support", "Release schedule"]);
    const rows = [...table.matchAll(/<tr>\s*<th scope="row">([\d.]+)<\/th>\s*<td>\s*([\s\S]*?)\s*<\/td>/g)].map((match) => [match[1], match[2]!.replace(/<[^>]+>/g, "")]);
    expect(rows).toEqual([
      ["3.15", "pre-release"],
      ["3.14", "bugfix"],
      ["3.13", "security"],
      ["2.7", "end-of-life, last release was 2.7.18"],
    ]);
    expect(table).toContain("<td>2026-10-01 (planned)</td>");
    expect(table).toContain('<a href="https://peps.python.org/pep-0373/">PEP 373</a>');
  });

  it("draws the same versions as an accessible inline SVG chart with today's line, and no remote image", async () => {
    const html = await home();
    expect(html).not.toContain("devguide.python.org/_static");
    const svg = html.slice(html.indexOf('<svg class="release-chart"'), html.indexOf("</svg>"));
    expect(svg).toMatch(/role="img" aria-labelledby="release-chart-title" aria-describedby="release-chart-desc"/);
    expect(svg).toContain('<title id="release-chart-title">Python release cycle</title>');
    expect(svg).toContain("the vertical line marks today, 2 November 2025 (2025-11-02)");
    const rows = [...svg.matchAll(/<g class="chart-row status-([a-z-]+)">\s*<text class="chart-version"[^>]*>([\d.]+)<\/text>/g)].map((match) => [match[2], match[1]]);
    expect(rows).toEqual([
      ["3.15", "feature"],
      ["3.14", "bugfix"],
      ["3.13", "security"],
      ["2.7", "end-of-life"],
    ]);
    expect([...svg.matchAll(/<rect class="chart-bar"/g)]).toHaveLength(4);
    for (const status of ["feature", "bugfix", "security", "end-of-life"]) expect(svg).toMatch(new RegExp(`<text class="chart-status[^"]*"[^>]*>${status}</text>`));
    expect(svg).toMatch(/<line class="chart-today" x1="[\d.]+"/);
    expect(svg).toContain(">Today</text>");
    expect(svg).toContain(">2010</text>");
  });

  it("shows neither table nor chart without release cycle data", async () => {
    await ctx.reset();
    await createDownloadsFixture(ctx.services.downloads);
    const html = await home();
    expect(html).not.toContain('<svg class="release-chart"');
    expect(html).not.toContain("active-release-table");
  });
});
