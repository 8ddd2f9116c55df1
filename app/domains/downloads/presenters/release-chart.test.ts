import { describe, expect, it } from "vitest";
import { buildReleaseChart, parseCycleDate, type ChartRelease } from "./release-chart.ts";

const releases: ChartRelease[] = [
  { version: "3.15", status: "feature", firstRelease: "2026-10-01", endOfLife: "2031-10" },
  { version: "3.14", status: "bugfix", firstRelease: "2025-10-07", endOfLife: "2030-10" },
  { version: "3.10", status: "security", firstRelease: "2021-10-04", endOfLife: "2026-10" },
  { version: "3.9", status: "end-of-life", firstRelease: "2020-10-05", endOfLife: "2025-10-31" },
];
const today = new Date("2025-11-02T15:30:00Z");

describe("parseCycleDate", () => {
  it("reads days, and months as the whole month", () => {
    expect(parseCycleDate("2025-10-07", "start")).toBe(Date.UTC(2025, 9, 7));
    expect(parseCycleDate("2030-10", "start")).toBe(Date.UTC(2030, 9, 1));
    expect(parseCycleDate("2030-10", "end")).toBe(Date.UTC(2030, 10, 1));
    expect(parseCycleDate("2030-12", "end")).toBe(Date.UTC(2031, 0, 1));
  });

  it("refuses what is not a date", () => {
    for (const value of ["", "2030", "2030-13", "2025-02-30", "soon"]) expect(parseCycleDate(value, "start"), value).toBeNull();
  });
});

describe("buildReleaseChart", () => {
  const chart = buildReleaseChart({ releases, today })!;

  it("spans whole years from the earliest first release to the latest end of support", () => {
    expect(chart.ticks.map((tick) => tick.label)).toEqual(["2020", "2021", "2022", "2023", "2024", "2025", "2026", "2027", "2028", "2029", "2030", "2031", "2032"]);
    expect(chart.ticks[0]!.x).toBe(chart.plot.left);
    expect(chart.ticks.at(-1)!.x).toBe(chart.plot.right);
    expect(chart.height).toBe(chart.plot.bottom + 26);
  });

  it("draws one bar per version in order, from first release to end of support", () => {
    expect(chart.rows.map((row) => [row.version, row.status])).toEqual([
      ["3.15", "feature"],
      ["3.14", "bugfix"],
      ["3.10", "security"],
      ["3.9", "end-of-life"],
    ]);
    const [feature, bugfix] = chart.rows;
    // 3.14: 7 Oct 2025 to 1 Nov 2030 over 2020–2032 (12 years on 720 units).
    const perDay = (chart.plot.right - chart.plot.left) / ((Date.UTC(2032, 0, 1) - Date.UTC(2020, 0, 1)) / 86_400_000);
    expect(bugfix!.bar!.x).toBeCloseTo(chart.plot.left + perDay * ((Date.UTC(2025, 9, 7) - Date.UTC(2020, 0, 1)) / 86_400_000), 0);
    expect(bugfix!.bar!.width).toBeCloseTo(perDay * ((Date.UTC(2030, 10, 1) - Date.UTC(2025, 9, 7)) / 86_400_000), 0);
    expect(feature!.y).toBeLessThan(bugfix!.y);
    expect(bugfix!.bar!.y).toBeGreaterThan(bugfix!.y);
  });

  it("writes each status on its bar, so colour is not the only cue", () => {
    for (const row of chart.rows) {
      expect(row.label.text).toBe(row.status);
      expect(row.label.inside).toBe(true);
      expect(row.label.x).toBeGreaterThan(row.bar!.x);
    }
  });

  it("puts a label that does not fit beside its bar", () => {
    const short = buildReleaseChart({ releases: [{ version: "3.8", status: "end-of-life", firstRelease: "2019-10-14", endOfLife: "2019-12" }, releases[1]!], today })!;
    const row = short.rows[0]!;
    expect(row.label.inside).toBe(false);
    expect(row.label.anchor).toBe("start");
    expect(row.label.x).toBeGreaterThan(row.bar!.x + row.bar!.width);
  });

  it("marks today, whatever the time of day, and widens the span to include it", () => {
    const expected = chart.plot.left + ((Date.UTC(2025, 10, 2) - Date.UTC(2020, 0, 1)) / (Date.UTC(2032, 0, 1) - Date.UTC(2020, 0, 1))) * (chart.plot.right - chart.plot.left);
    expect(chart.today.x).toBeCloseTo(expected, 0);
    expect(chart.description).toContain("today, 2 November 2025 (2025-11-02)");
    const later = buildReleaseChart({ releases, today: new Date("2034-06-01T00:00:00Z") })!;
    expect(later.ticks.at(-1)!.label).toBe("2035");
    expect(later.today.x).toBeLessThan(later.plot.right);
  });

  it("keeps a version whose dates are unknown, saying so instead of drawing a bar", () => {
    const partial = buildReleaseChart({ releases: [{ version: "3.16", status: "feature", firstRelease: "", endOfLife: "" }, releases[1]!], today })!;
    expect(partial.rows[0]!.bar).toBeNull();
    expect(partial.rows[0]!.label.text).toBe("feature (dates not set)");
  });

  it("describes the chart in words and returns nothing to draw without releases", () => {
    expect(chart.description).toMatch(/^Support periods of Python 3\.15, 3\.14, 3\.10, 3\.9: each bar runs from/);
    expect(buildReleaseChart({ releases: [], today })).toBeNull();
  });
});
