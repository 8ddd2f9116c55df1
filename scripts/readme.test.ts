// The README's first hour, run as written: its commands are read from README.md itself
// (the code block at the top, the "first account" paragraph), so the README cannot drift
// from the code. `npm install` is the one command skipped: the tree is installed already.
// Then `npm start` on a fresh embedded cluster, `npm run user:create` beside it, and a
// sign-in through the login form that reaches the admin. Slow (an initdb, a build when
// dist/ is stale), so it is one test.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT_DIR } from "../app/core/root-dir.ts";

const README = readFileSync(path.join(ROOT_DIR, "README.md"), "utf8");

/** The commands of the README's first code block, comments dropped, `&&` chains split. */
function quickStartCommands(): string[] {
  const block = /```sh\n([\s\S]*?)```/.exec(README)?.[1] ?? "";
  return block
    .split("\n")
    .map((line) => line.replace(/#.*/, "").trim())
    .filter(Boolean)
    .flatMap((line) => line.split("&&").map((part) => part.trim()));
}

/** The "first account" paragraph: the user:create command, the sign-in path, the admin path. */
function firstAccountSteps(): { createUser: string; loginPath: string; adminPath: string } {
  const paragraph = /\*\*The first account\.\*\*([\s\S]*?)\n\n/.exec(README)?.[1] ?? "";
  const createUser = /`(npm run user:create [^`]*<you>[^`]*)`/.exec(paragraph)?.[1];
  const loginUrl = /`(http:\/\/[^`]*\/accounts\/login\/)`/.exec(paragraph)?.[1];
  const adminPath = /open `(\/[^`]*)`/.exec(paragraph)?.[1];
  if (!createUser || !loginUrl || !adminPath) throw new Error(`README.md lost its "The first account" steps: ${paragraph}`);
  return { createUser, loginPath: new URL(loginUrl).pathname, adminPath };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

/** `npm …` from a README line, in its own process group so every child can be stopped. */
function npm(command: string, env: NodeJS.ProcessEnv): ChildProcess {
  const [program, ...args] = command.split(/\s+/);
  if (program !== "npm") throw new Error(`not an npm command: ${command}`);
  return spawn("npm", args, { cwd: ROOT_DIR, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
}

function collect(child: ChildProcess): { text: () => string } {
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  return { text: () => output };
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/** Resolves when the server logs that it is ready; rejects, with its output, if it exits first. */
function ready(child: ChildProcess, output: { text: () => string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const onData = () => {
      if (output.text().includes("python.org is ready at")) resolve();
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`npm start exited (${code}) before it was ready:\n${output.text()}`)));
  });
}

/** SIGTERM to the whole group (npm, the server, postgres), SIGKILL if it outstays the grace. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), 20_000);
  await exited(child);
  clearTimeout(timer);
  // postgres may outlive npm by a moment; the group is empty once kill(-pgid, 0) fails.
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      process.kill(-child.pid, 0);
    } catch {
      return;
    }
    if (Date.now() > deadline) return signal("SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("README.md, as written", { timeout: 240_000 }, () => {
  let root: string | undefined;
  let server: ChildProcess | undefined;
  afterAll(async () => {
    if (server) await stopGroup(server);
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("starts the site, creates the first account while it runs, and signs in to the admin", async () => {
    const commands = quickStartCommands();
    expect(commands.slice(0, 2)).toEqual(["npm install", "npm start"]);
    const steps = firstAccountSteps();

    root = await mkdtemp(path.join(os.tmpdir(), "pydotorg-readme-"));
    const [port, pgPort] = [await freePort(), await freePort()];
    // A newcomer's environment: nothing configured but where this copy may live and listen.
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME ?? root, LANG: process.env.LANG ?? "C.UTF-8" };
    Object.assign(env, { PORT: String(port), EMBEDDED_PG_DIR: path.join(root, "postgres"), EMBEDDED_PG_PORT: String(pgPort), MEDIA_DIR: path.join(root, "media") });

    // commands[0] is `npm install`: skipped, this tree is installed.
    server = npm(commands[1]!, env);
    const serverOutput = collect(server);
    await ready(server, serverOutput);
    expect(serverOutput.text()).toContain(`postgresql://postgres:pydotorg-embedded@127.0.0.1:${pgPort}/pydotorg`);

    const username = "readme-ada";
    const password = "correct horse battery staple";
    const createUser = npm(steps.createUser.replace("<you>", username), { ...env, USER_PASSWORD: password });
    const createOutput = collect(createUser);
    const code = await exited(createUser);
    expect(createOutput.text(), createOutput.text()).toContain(`Created for ${username}`);
    expect(code).toBe(0);

    const site = `http://127.0.0.1:${port}`;
    const form = await fetch(`${site}${steps.loginPath}`);
    expect(form.status).toBe(200);
    const csrfCookie = form.headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith("csrftoken="))!
      .split(";")[0]!;
    const token = /name="csrf_token" value="([^"]+)"/.exec(await form.text())![1]!;
    const signIn = await fetch(`${site}${steps.loginPath}`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
      body: new URLSearchParams({ csrf_token: token, username, password, next: steps.adminPath }).toString(),
    });
    expect(signIn.status).toBe(303);
    const session = signIn.headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith("sessionid="))!
      .split(";")[0]!;

    const admin = await fetch(`${site}${steps.adminPath}`, { headers: { cookie: `${csrfCookie}; ${session}` }, redirect: "manual" });
    expect(admin.status).toBe(200);
    expect(await admin.text()).toContain("Site administration");
  });
});
