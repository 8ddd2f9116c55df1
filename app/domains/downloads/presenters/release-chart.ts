// The geometry of the "Active Python releases" chart as plain data: one bar per version
// from its first release to its end of support, a year axis and a line at today. It
// replaces the devguide's release-cycle.svg legacy /downloads/ hot-linked from another
// host; templates/downloads/_release_chart.njk draws it as inline SVG. Pure: today is a
// parameter, so the cached page data stays free of the date.
import type { ReleaseCycleStatus } from "../schemas.ts";

export interface ChartRelease {
  /** "3.14" */
  version: string;
  status: ReleaseCycleStatus;
  /** YYYY-MM-DD or YYYY-MM; empty when unknown. */
  firstRelease: string;
  endOfLife: string;
}

export interface ChartRow {
  version: string;
  status: ReleaseCycleStatus;
  /** Top of the row's band and the baseline of its texts. */
  y: number;
  textY: number;
  bar: { x: number; y: number; width: number; height: number } | null;
  /** The status written on (or next to) the bar, so colour is never the only cue. */
  label: { text: string; x: number; anchor: "start" | "end"; inside: boolean };
}

export interface ReleaseChart {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  versionX: number;
  ticks: Array<{ x: number; label: string; labelY: number }>;
  /** Always inside the chart: the time span is widened to include today. */
  today: { x: number; labelY: number; label: string };
  rows: ChartRow[];
  description: string;
}

const WIDTH = 800;
const PLOT_LEFT = 64;
const PLOT_RIGHT = WIDTH - 16;
const TOP = 26;
const ROW_HEIGHT = 30;
const BAR_HEIGHT = 20;
const AXIS_HEIGHT = 26;
/** Rough width of one character of the 12px label font, to decide whether a label fits a bar. */
const CHAR_WIDTH = 7;
const LABEL_PADDING = 6;

export const STATUS_LABELS: Record<ReleaseCycleStatus, string> = {
  feature: "feature",
  prerelease: "prerelease",
  bugfix: "bugfix",
  security: "security",
  "end-of-life": "end-of-life",
};

/**
 * A cycle date as a UTC instant. A month alone ("2030-10") stands for the whole month:
 * its first day as a start, the first day of the next month as an end.
 */
export function parseCycleDate(value: string, edge: "start" | "end"): number | null {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [year, month] = [Number(match[1]), Number(match[2])];
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) return edge === "start" ? Date.UTC(year, month - 1, 1) : Date.UTC(year, month, 1);
  const time = Date.UTC(year, month - 1, Number(match[3]));
  // Date.UTC rolls 2025-02-30 over into March; such a date is not a date.
  return new Date(time).getUTCDate() === Number(match[3]) ? time : null;
}

const round = (value: number) => Math.round(value * 10) / 10;

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** The time span shown: whole years around every bar and today. */
function timeRange(spans: Array<[number, number]>, today: number): [number, number] {
  const times = [today, ...spans.flat()];
  const first = new Date(Math.min(...times)).getUTCFullYear();
  const last = new Date(Math.max(...times) - 1).getUTCFullYear();
  return [Date.UTC(first, 0, 1), Date.UTC(last + 1, 0, 1)];
}

function placeLabel(text: string, bar: ChartRow["bar"]): ChartRow["label"] {
  const needed = text.length * CHAR_WIDTH + 2 * LABEL_PADDING;
  if (!bar) return { text, x: PLOT_LEFT + LABEL_PADDING, anchor: "start", inside: false };
  if (bar.width >= needed) return { text, x: round(bar.x + LABEL_PADDING), anchor: "start", inside: true };
  const after = bar.x + bar.width + LABEL_PADDING;
  if (after + needed <= PLOT_RIGHT) return { text, x: round(after), anchor: "start", inside: false };
  return { text, x: round(bar.x - LABEL_PADDING), anchor: "end", inside: false };
}

/** Year ticks, thinned to every second or fifth year on long spans so labels never collide. */
function yearTicks(range: [number, number], toX: (time: number) => number, labelY: number): ReleaseChart["ticks"] {
  const first = new Date(range[0]).getUTCFullYear();
  const last = new Date(range[1]).getUTCFullYear();
  const years = last - first;
  const step = years > 30 ? 5 : years > 15 ? 2 : 1;
  const ticks: ReleaseChart["ticks"] = [];
  for (let year = first; year <= last; year += 1) {
    if (year % step === 0) ticks.push({ x: toX(Date.UTC(year, 0, 1)), label: String(year), labelY });
  }
  return ticks;
}

/** The chart of `releases` in their order, with today's line; null when there is nothing to draw. */
export function buildReleaseChart(options: { releases: ChartRelease[]; today: Date }): ReleaseChart | null {
  if (options.releases.length === 0) return null;
  const today = Date.UTC(options.today.getUTCFullYear(), options.today.getUTCMonth(), options.today.getUTCDate());
  const spans = options.releases.map((release) => {
    const start = parseCycleDate(release.firstRelease, "start");
    const end = parseCycleDate(release.endOfLife, "end");
    return start !== null && end !== null && end > start ? ([start, end] as [number, number]) : null;
  });
  const range = timeRange(
    spans.filter((span): span is [number, number] => span !== null),
    today,
  );
  const toX = (time: number) => round(PLOT_LEFT + ((time - range[0]) / (range[1] - range[0])) * (PLOT_RIGHT - PLOT_LEFT));
  const bottom = TOP + options.releases.length * ROW_HEIGHT;

  const rows = options.releases.map((release, index): ChartRow => {
    const y = TOP + index * ROW_HEIGHT;
    const span = spans[index];
    const barY = y + (ROW_HEIGHT - BAR_HEIGHT) / 2;
    const bar = span ? { x: toX(span[0]), y: barY, width: round(toX(span[1]) - toX(span[0])), height: BAR_HEIGHT } : null;
    const text = span ? STATUS_LABELS[release.status] : `${STATUS_LABELS[release.status]} (dates not set)`;
    return { version: release.version, status: release.status, y, textY: barY + BAR_HEIGHT / 2 + 4, bar, label: placeLabel(text, bar) };
  });

  const todayLabel = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(today);
  return {
    width: WIDTH,
    height: bottom + AXIS_HEIGHT,
    plot: { left: PLOT_LEFT, right: PLOT_RIGHT, top: TOP, bottom },
    versionX: PLOT_LEFT - 10,
    ticks: yearTicks(range, toX, bottom + 18),
    today: { x: toX(today), labelY: TOP - 10, label: "Today" },
    rows,
    description:
      `Support periods of Python ${options.releases.map((release) => release.version).join(", ")}: ` +
      "each bar runs from a version's first release to its end of support and is labelled with its status; " +
      `the vertical line marks today, ${todayLabel} (${isoDay(today)}). The table below lists the same dates.`,
  };
}
