// Entry point of `npm run worker`: runs the background worker alone (with RUN_WORKER=0
// on the web processes). Without DATABASE_URL it joins the embedded PostgreSQL that
// `npm start` runs, or starts it.
import { describeFailure } from "./core/cli/failure.ts";
import { loadConfig } from "./core/config/config.ts";
import { startWorker } from "./core/jobs/worker.ts";
import { createLogger } from "./core/logging/logger.ts";
import { buildRuntime } from "./deps.ts";

try {
  const config = loadConfig();
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
  console.error(`worker: ${describeFailure(error)}`);
  process.exit(1);
}
