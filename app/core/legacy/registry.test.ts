import { describe, expect, it } from "vitest";
import { parseLegacyMigrateArgs } from "./cli.ts";
import { LEGACY_MIGRATORS } from "../../testing/modules.ts";
import { LegacyMigrationError, orderMigrators, outsideDependencies, selectMigrators } from "./registry.ts";
import { formatReport } from "./report.ts";
import { accountedRows, createTally, emptyCounts, parseCounts } from "./tally.ts";
import type { Migrator } from "./types.ts";

const migrator = (name: string, dependsOn: string[] = []): Migrator => ({ name, dependsOn, steps: [] });

describe("orderMigrators", () => {
  it("puts every migrator after its dependencies and keeps listing order otherwise", () => {
    const ordered = orderMigrators([migrator("boxes", ["users"]), migrator("banners"), migrator("users"), migrator("nav", ["users"])]);
    expect(ordered.map((m) => m.name)).toEqual(["users", "boxes", "banners", "nav"]);
  });

  it("names the cycle", () => {
    expect(() => orderMigrators([migrator("a", ["b"]), migrator("b", ["c"]), migrator("c", ["a"])])).toThrow(/cycle: a → b → c → a/);
  });

  it("rejects unknown dependencies and duplicate names", () => {
    expect(() => orderMigrators([migrator("a", ["ghost"])])).toThrow(/unknown migrator "ghost"/);
    expect(() => orderMigrators([migrator("a"), migrator("a")])).toThrow(LegacyMigrationError);
  });

  it("orders the registered migrators with users first", () => {
    const names = orderMigrators(LEGACY_MIGRATORS).map((m) => m.name);
    expect(names[0]).toBe("users");
    expect(names.indexOf("boxes")).toBeGreaterThan(names.indexOf("users"));
    expect(names.indexOf("pages")).toBeGreaterThan(names.indexOf("users"));
  });
});

describe("selectMigrators", () => {
  const ordered = orderMigrators([migrator("users"), migrator("boxes", ["users"]), migrator("banners")]);

  it("returns all without --only, and the named ones in dependency order with it", () => {
    expect(selectMigrators(ordered).map((m) => m.name)).toEqual(["users", "boxes", "banners"]);
    expect(selectMigrators(ordered, ["banners", "users"]).map((m) => m.name)).toEqual(["users", "banners"]);
  });

  it("rejects unknown names, listing the known ones", () => {
    expect(() => selectMigrators(ordered, ["pages"])).toThrow(/unknown migrator "pages" \(known: users, boxes, banners\)/);
  });

  it("lists dependencies left outside the selection", () => {
    expect(outsideDependencies(selectMigrators(ordered, ["boxes"]))).toEqual([{ migrator: "boxes", dependency: "users" }]);
    expect(outsideDependencies(selectMigrators(ordered, ["boxes", "users"]))).toEqual([]);
  });
});

describe("parseLegacyMigrateArgs", () => {
  it("reads --from, --dry-run, repeated or comma-separated --only and --batch-size", () => {
    expect(parseLegacyMigrateArgs(["--from", "postgres://h/db", "--dry-run", "--only", "users,boxes", "--only", "banners", "--batch-size", "50"])).toEqual({
      from: "postgres://h/db",
      dryRun: true,
      only: ["users", "boxes", "banners"],
      batchSize: 50,
    });
    expect(parseLegacyMigrateArgs(["--help"])).toBe("help");
  });

  it("explains bad input in one line", () => {
    expect(() => parseLegacyMigrateArgs([])).toThrow(/--from .* is required/);
    expect(() => parseLegacyMigrateArgs(["--from", "mysql://x"])).toThrow(/postgres/);
    expect(() => parseLegacyMigrateArgs(["--from", "postgres://h/db", "--batch-size", "0"])).toThrow(/batch-size/);
    expect(() => parseLegacyMigrateArgs(["--from", "postgres://h/db", "--frm"])).toThrow(LegacyMigrationError);
  });
});

describe("tally and report", () => {
  it("accounts for rows once each and survives a round trip through the state table", () => {
    const tally = createTally();
    tally.inserted(2);
    tally.unchanged();
    tally.skip("content type not found", 2);
    tally.note("md5 hash kept but unusable");
    expect(accountedRows(tally.counts)).toBe(5);
    expect(parseCounts(JSON.parse(JSON.stringify(tally.counts)))).toEqual(tally.counts);
    expect(parseCounts(null)).toEqual(emptyCounts());
  });

  it("prints one line per step with reasons underneath", () => {
    const counts = { ...emptyCounts(), read: 3, inserted: 1, unchanged: 1, skipped: { "content type not found": 1 }, notes: { n: 1 } };
    const text = formatReport({
      dryRun: true,
      steps: [{ migrator: "users", step: "auth_permission", table: "auth_permission", target: "permissions", resumed: false, ...counts }],
    });
    expect(text).toContain("DRY RUN");
    expect(text).toMatch(/users: auth_permission → permissions\s+3\s+1\s+0\s+1\s+1/);
    expect(text).toContain("skipped 1: content type not found");
    expect(text).toContain("1 rows would be written.");
  });
});
