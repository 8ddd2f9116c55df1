// `npm start` with WEB_CONCURRENCY=2: two HTTP processes answer on one port, only one
// of them runs graphile-worker, and SIGTERM to the primary stops them all.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT_DIR } from "./core/root-dir.ts";
import { testDatabaseUrl } from "./testing/deps.ts";

let primary: ChildProcess | undefined;

afterAll(() => {
  if (primary && primary.exitCode === null) primary.kill("SIGKILL");
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

/** GET on a new connection each time (a kept-alive one would stay with one process). */
function getFresh(url: string): Promise<{ status: number; worker: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, worker: response.headers["x-cluster-worker"] as string | undefined, body }));
    });
    request.on("error", reject);
  });
}

describe("WEB_CONCURRENCY", () => {
  it("serves from two processes, runs the job worker in one and stops both on SIGTERM", { timeout: 120_000 }, async () => {
    const port = await freePort();
    let output = "";
    primary = spawn(process.execPath, ["--import", "tsx", path.join(ROOT_DIR, "app/server.ts")], {
      cwd: ROOT_DIR,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "test",
        HOST: "127.0.0.1",
        PORT: String(port),
        DATABASE_URL: await testDatabaseUrl(),
        WEB_CONCURRENCY: "2",
        RUN_WORKER: "1",
        SEED_ON_START: "never",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    primary.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    primary.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => primary!.once("exit", resolve));

    // Until both processes have answered (the second starts once the first listens).
    const modes = new Map<string, string>();
    const deadline = Date.now() + 90_000;
    while (modes.size < 2) {
      if (primary.exitCode !== null) throw new Error(`the server exited (${primary.exitCode}):\n${output}`);
      if (Date.now() > deadline) throw new Error(`only ${modes.size} process(es) answered within 90 s:\n${output}`);
      const answer = await getFresh(`http://127.0.0.1:${port}/healthz`).catch(() => null);
      if (!answer || modes.has(answer.worker ?? "")) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        if (!answer) continue;
      }
      expect(answer.status).toBe(200);
      expect(answer.worker).toMatch(/^\d+$/);
      const health = JSON.parse(answer.body) as { checks: { worker: { detail: { mode: string } } } };
      modes.set(answer.worker!, health.checks.worker.detail.mode);
    }
    expect([...modes.values()].sort()).toEqual(["external", "in-process"]);

    primary.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).not.toMatch(/"level":(50|60)/);
  });
});
