// Entry point of `npm run worker`: runs the background worker alone (with RUN_WORKER=0
// on the web processes).
import { ConfigError, loadConfig } from "./core/config/config.ts";
import { startWorker } from "./core/jobs/worker.ts";
import { createLogger } from "./core/logging/logger.ts";
import { buildRuntime } from "./deps.ts";

try {
  const config = loadConfig();
  if (!config.DATABASE_URL) {
    // Two processes cannot share one embedded cluster; `npm start` runs the worker itself.
    throw new ConfigError("Invalid configuration: DATABASE_URL is required for `npm run worker` (without it, `npm start` runs the worker in-process)");
  }
  const logger = createLogger({ level: config.LOG_LEVEL, pretty: process.stdout.isTTY && !config.isProduction });
  let running = false;
  const runtime = await buildRuntime({ config, logger, worker: { mode: "in-process", isRunning: () => running } });
  const worker = await startWorker({
    connectionString: runtime.databaseUrl,
    tasks: runtime.tasks,
    cronItems: runtime.cronItems,
    logger: logger.child({ component: "worker" }),
    concurrency: config.WORKER_CONCURRENCY,
  });
  running = true;
  logger.info({ tasks: runtime.tasks.map((task) => task.name) }, "worker running");
  const stop = async (signal: string) => {
    logger.info({ signal }, "worker stopping");
    await worker.stop();
    await runtime.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
