// Entry point of `npm start`: validates configuration, prepares the database (an
// embedded one when DATABASE_URL is unset, seeded on first start), serves HTTP and
// runs the background worker in-process unless RUN_WORKER=0. SIGTERM/SIGINT stop
// accepting connections, let in-flight requests finish, stop the worker, close pools.
import { getRequestListener } from "@hono/node-server";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { adminResourcesOf } from "./app.ts";
import { createAdminRegistry, syncPermissions } from "./core/admin/index.ts";
import { describeFailure } from "./core/cli/failure.ts";
import { ConfigError, loadConfig, type Config } from "./core/config/config.ts";
import { withCachedAnswers } from "./core/http/cached-answers.ts";
import { startWorker, type WorkerHandle } from "./core/jobs/worker.ts";
import { createLogger } from "./core/logging/logger.ts";
import { buildRuntime } from "./deps.ts";

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const logger = createLogger({ level: config.LOG_LEVEL, pretty: process.stdout.isTTY && !config.isProduction });
const startedAt = performance.now();
let worker: WorkerHandle | undefined;
const workerStatus = {
  mode: config.RUN_WORKER ? ("in-process" as const) : ("external" as const),
  isRunning: () => worker?.isRunning() ?? false,
};

const runtime = await buildRuntime({ config, logger, worker: workerStatus }).catch((error: unknown) => {
  logger.fatal({ err: error }, "could not start: %s", describeFailure(error));
  process.exit(1);
});

// Like Django's post_migrate: every admin model has its add/change/delete/view permissions.
await syncPermissions(runtime.deps.db, createAdminRegistry(adminResourcesOf(runtime.deps, runtime.registry)));

const shouldSeed = config.SEED_ON_START === "always" || (config.SEED_ON_START === "auto" && runtime.freshEmbeddedDatabase);
if (shouldSeed) {
  const summary = await runtime.registry.seed();
  logger.info(summary, "seeded demo content");
}

if (config.RUN_WORKER) {
  worker = await startWorker({
    connectionString: runtime.databaseUrl,
    tasks: runtime.tasks,
    cronItems: runtime.cronItems,
    logger: logger.child({ component: "worker" }),
    concurrency: config.WORKER_CONCURRENCY,
  });
}

// Answers held in memory go out before the app is involved (core/http/cached-answers.ts).
const appListener = getRequestListener(runtime.app.fetch, { hostname: config.HOST });
const server = createServer(runtime.deps.responses ? withCachedAnswers(runtime.deps.responses, appListener, logger) : appListener);
server.listen(config.PORT, config.HOST, () => {
  const info = server.address() as AddressInfo;
  logger.info({ url: `http://${info.address}:${info.port}/`, startupMs: Math.round(performance.now() - startedAt) }, `python.org is ready at http://${config.HOST}:${info.port}/`);
});
server.on("error", (error) => {
  logger.fatal({ err: error }, "the HTTP server failed: %s", error.message);
  void shutdown("server error", 1);
});

let stopping = false;
async function shutdown(reason: string, exitCode = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ reason }, "shutting down");
  const forced = setTimeout(() => {
    logger.error("in-flight work did not finish in time; exiting");
    process.exit(1);
  }, config.SHUTDOWN_GRACE_MS + 5000);
  forced.unref();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    // Idle keep-alive sockets would hold close() open; in-flight requests still finish.
    if ("closeIdleConnections" in server) server.closeIdleConnections();
  });
  await worker?.stop();
  await runtime.close();
  logger.info("stopped");
  process.exit(exitCode);
}

process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));
