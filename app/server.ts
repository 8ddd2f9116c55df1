// Entry point of `npm start`: validates configuration, prepares the database (an
// embedded one when DATABASE_URL is unset, seeded on first start), serves HTTP and
// runs the background worker in-process unless RUN_WORKER=0. SIGTERM/SIGINT stop
// accepting connections, let in-flight requests finish, stop the worker, close pools.
// With WEB_CONCURRENCY=N > 1 this process becomes a node:cluster primary (./cluster.ts)
// that prepares the database once and forks N HTTP processes sharing the port.
import cluster from "node:cluster";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { runClusterPrimary, CLUSTER_ROLE_ENV, type ClusterRole } from "./cluster.ts";
import { describeFailure } from "./core/cli/failure.ts";
import { ConfigError, loadConfig, type Config } from "./core/config/config.ts";
import type { WorkerHandle } from "./core/jobs/worker.ts";
import { createLogger } from "./core/logging/logger.ts";

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

if (cluster.isPrimary && config.WEB_CONCURRENCY > 1) await runClusterPrimary(config);
else await serveHttp(config, cluster.isWorker ? (process.env[CLUSTER_ROLE_ENV] as ClusterRole) : "alone");

/**
 * One HTTP process. "alone" is `npm start` without a cluster; in a cluster the "lead"
 * worker also syncs permissions, seeds and runs graphile-worker (when RUN_WORKER), the
 * others only serve.
 */
async function serveHttp(config: Config, role: ClusterRole | "alone"): Promise<void> {
  // Loaded here, not at the top: a cluster primary never needs the app (it stays small).
  const [{ getRequestListener }, { withCachedAnswers }, { adminResourcesOf }, { createAdminRegistry, syncPermissions }, { startWorker }, { buildRuntime }] = await Promise.all([
    import("@hono/node-server"),
    import("./core/http/cached-answers.ts"),
    import("./app.ts"),
    import("./core/admin/index.ts"),
    import("./core/jobs/worker.ts"),
    import("./deps.ts"),
  ]);
  const baseLogger = createLogger({ level: config.LOG_LEVEL, pretty: process.stdout.isTTY && !config.isProduction });
  const logger = cluster.worker ? baseLogger.child({ web: cluster.worker.id }) : baseLogger;
  // Only one process of a cluster seeds and runs the jobs: the others just serve.
  const leads = role !== "follower";
  const runWorker = config.RUN_WORKER && leads;
  const startedAt = performance.now();
  let worker: WorkerHandle | undefined;
  const workerStatus = {
    mode: runWorker ? ("in-process" as const) : ("external" as const),
    isRunning: () => worker?.isRunning() ?? false,
  };

  const runtime = await buildRuntime({ config, logger, worker: workerStatus }).catch((error: unknown) => {
    logger.fatal({ err: error }, "could not start: %s", describeFailure(error));
    process.exit(1);
  });

  // Like Django's post_migrate: every admin model has its add/change/delete/view permissions.
  if (leads) await syncPermissions(runtime.deps.db, createAdminRegistry(adminResourcesOf(runtime.deps, runtime.registry)));

  const shouldSeed = leads && (config.SEED_ON_START === "always" || (config.SEED_ON_START === "auto" && runtime.freshEmbeddedDatabase));
  if (shouldSeed) {
    const summary = await runtime.registry.seed();
    logger.info(summary, "seeded demo content");
  }

  if (runWorker) {
    worker = await startWorker({
      connectionString: runtime.databaseUrl,
      tasks: runtime.tasks,
      cronItems: runtime.cronItems,
      logger: logger.child({ component: "worker" }),
      concurrency: config.WORKER_CONCURRENCY,
    });
  }

  // Tests of the cluster tell its processes apart by this header; nothing else sees it.
  const workerId = cluster.worker && config.NODE_ENV === "test" ? String(cluster.worker.id) : null;
  const fetch = workerId
    ? async (request: Request) => {
        const response = await runtime.app.fetch(request);
        const tagged = new Response(response.body, response);
        tagged.headers.set("x-cluster-worker", workerId);
        return tagged;
      }
    : runtime.app.fetch;
  // Answers held in memory go out before the app is involved (core/http/cached-answers.ts).
  const appListener = getRequestListener(fetch, { hostname: config.HOST });
  const server = createServer(runtime.deps.responses ? withCachedAnswers(runtime.deps.responses, appListener, logger) : appListener);
  server.listen(config.PORT, config.HOST, () => {
    const info = server.address() as AddressInfo;
    logger.info(
      { url: `http://${info.address}:${info.port}/`, startupMs: Math.round(performance.now() - startedAt) },
      `python.org is ready at http://${config.HOST}:${info.port}/`,
    );
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
}
