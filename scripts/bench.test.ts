// `npm run bench`, end to end but short: generated data in a scratch database, two paths,
// 1 s each against the warm app, the cold app and the static server (each in its own
// process), and the JSON it writes.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { ROOT_DIR } from "../app/core/root-dir.ts";
import { withDatabase } from "../app/testing/database-server.ts";
import type { BenchResults } from "./bench/main.ts";

let outDir: string | undefined;

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe("npm run bench", () => {
  it("measures each path warm, cold and static and writes the results as JSON", { timeout: 180_000 }, async () => {
    outDir = await mkdtemp(path.join(os.tmpdir(), "bench-test-"));
    const out = path.join(outDir, "results.json");
    // Named with the run's prefix: the global teardown drops it even if this test crashes.
    const database = withDatabase(inject("testDatabaseServerUrl"), `pydotorg_test_${inject("testRunId")}_bench`);
    const args = ["--seconds", "1", "--warmup", "0", "--connections", "4", "--generator", "node", "--data", "generated"];
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench.ts", ...args, "--path", "/", "--path", "/api/v2/downloads/release/", "--out", out], {
      cwd: ROOT_DIR,
      // No REDIS_URL: the in-process cache, so a bench running on this machine keeps its keys.
      env: { PATH: process.env.PATH, BENCH_DATABASE_URL: database },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code, output).toBe(0);
    expect(existsSync(out)).toBe(true);

    const report = JSON.parse(await readFile(out, "utf8")) as BenchResults;
    expect(report).toMatchObject({ generator: "node", connections: 4, seconds: 1, data: { source: "generated" }, cache: "in-process" });
    expect(report.results.map((row) => row.path)).toEqual(["/", "/api/v2/downloads/release/"]);
    for (const row of report.results) {
      expect(row.status).toBe(200);
      expect(row.bytes).toBeGreaterThan(1000);
      for (const mode of ["warm", "cold", "static"] as const) {
        const measured = row[mode]!;
        expect(measured.requests, `${row.path} ${mode}`).toBeGreaterThan(0);
        expect(measured.non2xx + measured.errors, `${row.path} ${mode}`).toBe(0);
        expect(measured.p99Ms).toBeGreaterThanOrEqual(measured.p50Ms);
        // Every answer carried the whole body.
        expect(measured.bytesRead).toBe(measured.requests * row.bytes);
      }
      expect(row.warm!.ratioToStatic).toBeCloseTo(row.warm!.rps / row.static!.rps);
    }
    expect(report.peakRssBytes.warm).toBeGreaterThan(10 * 1024 * 1024);
    expect(output).toContain("| `/` |");
    expect(output).toContain("generated data of the legacy sample's size (--data generated)");
  });
});
