import { describe, expect, it } from "vitest";
import { docStage, groupDocVersions } from "./doc-versions.ts";

const release = (name: string, day: string) => ({ name, releaseDate: new Date(`${day}T12:00:00Z`) });

describe("docStage", () => {
  it("names documentation as docs.python.org/release/ does", () => {
    expect(docStage("Python 3.14.0")).toEqual({ stage: "3.14.0", group: "3.14" });
    expect(docStage("Python 3.3.0")).toEqual({ stage: "3.3.0", group: "3.3" });
    expect(docStage("Python 3.2.0")).toEqual({ stage: "3.2", group: "3.2" });
    expect(docStage("Python 2.7.0")).toEqual({ stage: "2.7", group: "2.7" });
    expect(docStage("Python 2.7.18")).toEqual({ stage: "2.7.18", group: "2.7" });
    expect(docStage("Python 2.6")).toEqual({ stage: "2.6", group: "2.6" });
  });

  it("skips names without an X.Y version", () => {
    for (const name of ["Python install manager 25.0", "Python 3", "Python 3..1", "Jython 2.7.0"]) expect(docStage(name), name).toBeNull();
  });
});

describe("groupDocVersions", () => {
  const groups = groupDocVersions([
    release("Python 3.13.8", "2025-10-07"),
    release("Python 3.14.0", "2025-10-07"),
    release("Python 3.13.0", "2024-10-07"),
    release("Python 2.7.18", "2020-04-20"),
    release("Python 2.5.6", "2011-05-26"),
    release("Python 2.2.3", "2003-05-30"),
    release("Python install manager 25.0", "2025-07-01"),
  ]);

  it("orders X.Y groups numerically, newest first, merging the early releases", () => {
    expect(groups.map((group) => group.version)).toEqual(["3.14", "3.13", "2.7", "2.2", "2.1", "2.0", "1.6", "1.5", "1.4"]);
  });

  it("orders releases newest first inside a group and links their archived docs", () => {
    expect(groups[1]).toEqual({
      version: "3.13",
      releases: [
        { stage: "3.13.8", url: "https://docs.python.org/release/3.13.8/", date: "7 October 2025", isoDate: "2025-10-07" },
        { stage: "3.13.0", url: "https://docs.python.org/release/3.13.0/", date: "7 October 2024", isoDate: "2024-10-07" },
      ],
    });
    expect(groups.find((group) => group.version === "2.2")!.releases.map((entry) => entry.stage)).toEqual(["2.2.3", "2.2p1"]);
    expect(groups.find((group) => group.version === "1.5")!.releases.map((entry) => entry.date)).toEqual([
      "22 March 2000",
      "6 July 1999",
      "30 April 1999",
      "6 August 1998",
      "14 April 1998",
      "17 February 1998",
    ]);
  });

  it("leaves out releases that never had documentation of their own", () => {
    expect(groups.some((group) => group.version === "2.5")).toBe(false);
  });
});
