// Runs graphile-worker in library mode, inside the web process or alone (app/worker.ts).
import { Logger as WorkerLogger, parseCronItems, run, runOnce, type CronItem, type Runner } from "graphile-worker";
import pg from "pg";
import type { Logger } from "../logging/logger.ts";
import { buildCronItems } from "./crontab.ts";
import { buildTaskList } from "./registry.ts";
import type { TaskDefinition } from "./types.ts";

export interface WorkerHandle {
  isRunning(): boolean;
  stop(): Promise<void>;
}

function toWorkerLogger(logger: Logger): WorkerLogger {
  return new WorkerLogger((scope) => (level, message, meta) => {
    const method = level === "error" ? "error" : level === "warning" ? "warn" : "debug";
    logger[method]({ ...scope, ...meta }, message);
  });
}

export async function startWorker(options: {
  connectionString: string;
  tasks: TaskDefinition[];
  cronItems: readonly CronItem[];
  logger: Logger;
  concurrency: number;
}): Promise<WorkerHandle> {
  const taskList = buildTaskList(options.tasks, options.logger);
  // Our own pool, so shutdown can wait until every worker connection is released
  // before the database (possibly the embedded one) goes away.
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.concurrency + 2 });
  pool.on("error", (error) => options.logger.warn({ err: error }, "worker database connection lost"));
  // An idle client can error too (e.g. the server restarts); without a handler that crashes the process.
  pool.on("connect", (client) => client.on("error", (error) => options.logger.warn({ err: error }, "worker database client error")));
  let running = true;
  const runner: Runner = await run({
    pgPool: pool,
    taskList,
    parsedCronItems: parseCronItems(buildCronItems(new Set(Object.keys(taskList)), options.cronItems)),
    concurrency: options.concurrency,
    noHandleSignals: true,
    logger: toWorkerLogger(options.logger),
  });
  runner.promise.finally(() => {
    running = false;
  });
  return {
    isRunning: () => running,
    async stop() {
      if (running) await runner.stop();
      await runner.promise.catch(() => undefined);
      running = false;
      await pool.end();
    },
  };
}

/** Runs every job that is due, then returns: used by tests and one-off scripts. */
export async function drainJobs(options: { connectionString: string; tasks: TaskDefinition[]; logger: Logger }) {
  await runOnce({
    connectionString: options.connectionString,
    taskList: buildTaskList(options.tasks, options.logger),
    logger: toWorkerLogger(options.logger),
    // Unbatched, graphile-worker 0.17 does not await the last job's completion or failure
    // before runOnce resolves, so a caller could still see it pending. Batched (delay 0),
    // the batches are flushed before it returns.
    preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
  });
}
