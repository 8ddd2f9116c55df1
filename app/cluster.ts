// `npm start` with WEB_CONCURRENCY=N > 1: this process becomes a node:cluster primary.
// It prepares the database once (starts the embedded PostgreSQL when DATABASE_URL is
// unset, applies migrations), then forks the HTTP processes, which share the port
// (the primary hands out connections round-robin). The first one, the "lead", syncs
// permissions, seeds and runs graphile-worker when RUN_WORKER; the others only serve,
// and start once the lead listens. A process that dies after it served is replaced; one
// that dies before serving stops the whole set (a bad configuration would loop).
// SIGTERM/SIGINT pass SIGTERM to every process, wait for their graceful shutdown, then
// stop the embedded database.
import cluster, { type Worker } from "node:cluster";
import { describeFailure } from "./core/cli/failure.ts";
import type { Config } from "./core/config/config.ts";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./core/db/embedded.ts";
import { migrateDatabase } from "./core/db/migrate.ts";
import { createLogger } from "./core/logging/logger.ts";

/** Tells a forked process its part (read by app/server.ts). */
export const CLUSTER_ROLE_ENV = "PYDOTORG_CLUSTER_ROLE";
export type ClusterRole = "lead" | "follower";

/** How long a process that died after serving waits to be replaced (no tight crash loop). */
const RESTART_DELAY_MS = 1000;

export async function runClusterPrimary(config: Config): Promise<void> {
  const logger = createLogger({ level: config.LOG_LEVEL, pretty: process.stdout.isTTY && !config.isProduction }).child({ cluster: "primary" });
  // What every forked process gets on top of this environment: the database is ready.
  const env: Record<string, string> = { MIGRATE_ON_START: "0" };
  let embedded: EmbeddedDatabase | undefined;
  try {
    let databaseUrl = config.DATABASE_URL;
    if (!databaseUrl) {
      embedded = await startEmbeddedPostgres({ dataDir: config.EMBEDDED_PG_DIR, port: config.EMBEDDED_PG_PORT, logger });
      databaseUrl = embedded.url;
      env.DATABASE_URL = databaseUrl;
      // "auto" seeds a database created on this start, which only the primary knows.
      if (config.SEED_ON_START === "auto") env.SEED_ON_START = embedded.created ? "always" : "never";
      logger.info({ dataDir: config.EMBEDDED_PG_DIR, port: config.EMBEDDED_PG_PORT }, `using the embedded PostgreSQL at ${embedded.url} (DATABASE_URL is not set)`);
    }
    if (config.MIGRATE_ON_START) await migrateDatabase({ connectionString: databaseUrl, logger });
  } catch (error) {
    logger.fatal({ err: error }, "could not start: %s", describeFailure(error));
    await embedded?.stop().catch(() => undefined);
    process.exit(1);
  }

  const roles = new Map<Worker, ClusterRole>();
  const served = new Set<Worker>();
  let stopping = false;
  const fork = (role: ClusterRole): Worker => {
    const worker = cluster.fork({ ...env, [CLUSTER_ROLE_ENV]: role });
    roles.set(worker, role);
    return worker;
  };

  cluster.on("listening", (worker) => served.add(worker));
  cluster.on("exit", (worker, code, signal) => {
    const role = roles.get(worker) ?? "follower";
    roles.delete(worker);
    if (stopping) return;
    if (!served.has(worker)) {
      logger.fatal({ pid: worker.process.pid, code, signal }, "a web process exited before it served; stopping");
      void shutdown("a web process could not start", 1);
      return;
    }
    served.delete(worker);
    logger.error({ pid: worker.process.pid, code, signal }, "a web process exited; starting another");
    setTimeout(() => {
      if (!stopping) fork(role);
    }, RESTART_DELAY_MS).unref();
  });

  async function shutdown(reason: string, exitCode = 0): Promise<void> {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, "shutting down every web process");
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
    const forced = setTimeout(() => {
      logger.error("web processes did not stop in time; killing them");
      for (const worker of workers) worker.process.kill("SIGKILL");
    }, config.SHUTDOWN_GRACE_MS + 10_000);
    forced.unref();
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.isDead()) return resolve();
            worker.once("exit", () => resolve());
            worker.process.kill("SIGTERM");
          }),
      ),
    );
    clearTimeout(forced);
    await embedded?.stop().catch((error: unknown) => logger.warn({ err: error }, "stopping the embedded PostgreSQL failed"));
    logger.info("stopped");
    process.exit(exitCode);
  }
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));

  // The lead first: permissions and seed are in place before the others serve.
  const lead = fork("lead");
  await new Promise<void>((resolve) => {
    const onListening = (worker: Worker) => {
      if (worker !== lead) return;
      cluster.off("listening", onListening);
      resolve();
    };
    cluster.on("listening", onListening);
  });
  const followers = Array.from({ length: config.WEB_CONCURRENCY - 1 }, () => fork("follower"));
  await Promise.all(followers.map((worker) => new Promise<void>((resolve) => (served.has(worker) ? resolve() : worker.once("listening", () => resolve())))));
  logger.info({ processes: config.WEB_CONCURRENCY, runWorker: config.RUN_WORKER }, `serving with ${config.WEB_CONCURRENCY} web processes on port ${config.PORT}`);
  // A parent that started us with an IPC channel (the bench) learns when every process listens.
  process.send?.({ type: "pydotorg:cluster-ready", processes: config.WEB_CONCURRENCY });
}
