import { describe, expect, it } from "vitest";
import { isoDate, isoDateTime, longDate } from "./filters.ts";

describe("date filters", () => {
  const date = new Date("2025-10-07T12:30:00Z");

  it("formats ISO dates in UTC", () => {
    expect(isoDate(date)).toBe("2025-10-07");
    expect(isoDate("2025-10-07T23:59:00Z")).toBe("2025-10-07");
    expect(isoDateTime(date)).toBe("2025-10-07T12:30:00.000Z");
  });

  it("formats long dates the python.org way", () => {
    expect(longDate(date)).toBe("Oct. 7, 2025");
    expect(longDate(new Date("2025-05-02T00:00:00Z"))).toBe("May 2, 2025");
  });

  it("returns an empty string for values that are not dates", () => {
    expect(isoDate("not a date")).toBe("");
    expect(longDate(undefined)).toBe("");
    expect(isoDateTime(null)).toBe("");
  });
});
