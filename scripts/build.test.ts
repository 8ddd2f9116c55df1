// `npm run build` writes every entry npm runs, and the bundled server starts on its own:
// it finds templates/, static/ and prisma/migrations from dist/ and serves requests.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT_DIR } from "../app/core/root-dir.ts";
import { testDatabaseUrl } from "../app/testing/deps.ts";

// Inside the repository (the bundle finds the root by its package.json) and at the depth
// of dist/, so code that counted ".." from its own file would break here as in dist/.
const outdir = path.join(ROOT_DIR, `.dist-test-${process.pid}`);
const ENTRIES = ["app/server.js", "app/worker.js", ...["seed", "migrate", "legacy-migrate", "search-reindex", "create-user", "bench"].map((name) => `scripts/${name}.js`)];

let server: ChildProcess | undefined;
let baseUrl = "";

function runNode(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT_DIR, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, output }));
  });
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

/** Starts the bundled server and resolves once it logs that it is ready. */
async function startBuiltServer(databaseUrl: string): Promise<ChildProcess> {
  const port = await findFreePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    PATH: process.env.PATH,
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    RUN_WORKER: "0",
    SEED_ON_START: "never",
    LOG_LEVEL: "info",
  };
  const child = spawn(process.execPath, ["--enable-source-maps", path.join(outdir, "app/server.js")], { cwd: ROOT_DIR, env, stdio: ["ignore", "pipe", "pipe"] });
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk;
      if (output.includes("is ready at")) resolve();
    };
    child.stdout!.on("data", collect);
    child.stderr!.on("data", collect);
    child.on("exit", (code) => reject(new Error(`the built server exited (${code}) before it was ready:\n${output}`)));
  });
  return child;
}

beforeAll(async () => {
  const build = await runNode(["scripts/build.mjs", "--outdir", path.relative(ROOT_DIR, outdir)]);
  expect(build, build.output).toMatchObject({ code: 0 });
});

afterAll(() => {
  if (server && server.exitCode === null) server.kill("SIGKILL");
  rmSync(outdir, { recursive: true, force: true });
});

describe("npm run build", () => {
  it("writes every entry the npm scripts run", () => {
    expect(ENTRIES.filter((entry) => !existsSync(path.join(outdir, entry)))).toEqual([]);
  });

  it("builds nothing when no source changed (--if-stale)", async () => {
    const again = await runNode(["scripts/build.mjs", "--if-stale", "--outdir", path.relative(ROOT_DIR, outdir)]);
    expect(again).toMatchObject({ code: 0 });
    expect(again.output).not.toContain("entries written");
  });

  it("produces a server that migrates, renders templates, serves static files and stops on SIGTERM", async () => {
    server = await startBuiltServer(await testDatabaseUrl());
    const health = await fetch(`${baseUrl}/_health`);
    expect([health.status, await health.text()]).toEqual([200, "OK"]);
    const deep = await fetch(`${baseUrl}/healthz`);
    expect(await deep.json()).toMatchObject({ checks: { database: { ok: true } } });
    const missing = await fetch(`${baseUrl}/no-such-page/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("<html");
    const favicon = await fetch(`${baseUrl}/static/favicon.svg`);
    expect(favicon.status).toBe(200);

    const exited = new Promise<number | null>((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
