// Pure tests of the occurrence rules: legacy next_time / previous_time on plain data.
import { describe, expect, it } from "vitest";
import { currentOccurrence, nextOccurrence, parseDuration, previousOccurrence, ruleString, upcomingOccurrences, type RecurringRuleData } from "./recurrence.ts";

const weekly: RecurringRuleData = {
  begin: new Date("2026-01-07T18:00:00Z"),
  finish: new Date("2026-03-04T18:00:00Z"),
  durationSeconds: 7200,
  interval: 2,
  frequency: 2,
  allDay: false,
  rrule: "",
  exdates: [],
};

describe("recurring rules", () => {
  it("builds legacy's FREQ/INTERVAL/UNTIL rule and expands it every other week until finish", () => {
    expect(ruleString(weekly)).toBe("FREQ=WEEKLY;INTERVAL=2;UNTIL=20260304T180000Z");
    const starts = upcomingOccurrences({ occurringRule: null, recurringRules: [weekly] }, new Date("2026-01-01T00:00:00Z"), 10).map((o) => o.start.toISOString());
    expect(starts).toEqual(["2026-01-07T18:00:00.000Z", "2026-01-21T18:00:00.000Z", "2026-02-04T18:00:00.000Z", "2026-02-18T18:00:00.000Z", "2026-03-04T18:00:00.000Z"]);
  });

  it("finds the next, current and previous occurrence, skipping excluded dates", () => {
    const times = { occurringRule: null, recurringRules: [{ ...weekly, exdates: [new Date("2026-02-04T18:00:00Z")] }] };
    expect(nextOccurrence(times, new Date("2026-01-25T00:00:00Z"))?.start.toISOString()).toBe("2026-02-18T18:00:00.000Z");
    expect(previousOccurrence(times, new Date("2026-02-10T00:00:00Z"))?.start.toISOString()).toBe("2026-01-21T18:00:00.000Z");
    expect(currentOccurrence(times, new Date("2026-01-21T19:00:00Z"))?.end.toISOString()).toBe("2026-01-21T20:00:00.000Z");
    expect(currentOccurrence(times, new Date("2026-01-21T21:00:00Z"))).toBeNull();
    expect(nextOccurrence(times, new Date("2026-03-05T00:00:00Z"))).toBeNull();
  });

  it("honours an imported RRULE with BYDAY and COUNT", () => {
    const rule = { ...weekly, interval: 1, rrule: "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=4", finish: new Date("2027-01-01T00:00:00Z"), begin: new Date("2026-01-06T17:00:00Z") };
    const starts = upcomingOccurrences({ occurringRule: null, recurringRules: [rule] }, new Date("2026-01-01T00:00:00Z"), 10).map((o) => o.start.toISOString().slice(0, 10));
    expect(starts).toEqual(["2026-01-06", "2026-01-08", "2026-01-13", "2026-01-15"]);
  });

  it("prefers the sooner of a single occurrence and a rule", () => {
    const single = { dtStart: new Date("2026-01-10T10:00:00Z"), dtEnd: new Date("2026-01-10T11:00:00Z"), allDay: false };
    expect(nextOccurrence({ occurringRule: single, recurringRules: [weekly] }, new Date("2026-01-08T00:00:00Z"))).toMatchObject({ start: single.dtStart, recurring: false });
    expect(nextOccurrence({ occurringRule: single, recurringRules: [weekly] }, new Date("2026-01-01T00:00:00Z"))).toMatchObject({ recurring: true });
  });
});

describe("parseDuration (legacy timedelta_parse)", () => {
  it("reads the forms editors type", () => {
    expect(parseDuration("15 min")).toBe(900);
    expect(parseDuration("2 hours")).toBe(7200);
    expect(parseDuration("1 day, 3h")).toBe(97_200);
    expect(parseDuration("1:30")).toBe(5400);
    expect(parseDuration("soon")).toBeNull();
  });
});
