// Background work runs in graphile-worker. Each domain contributes TaskDefinitions
// (payload schema + handler) to one registry; names are a public contract.
import type { z } from "zod";
import type { Logger } from "../logging/logger.ts";

export interface TaskContext {
  logger: Logger;
  jobId: string;
  attempts: number;
}

export interface TaskDefinition<Schema extends z.ZodType = z.ZodType> {
  /** `<domain>.<verb>-<noun>`, e.g. `boxes.rebuild-supernav`. Never rename one. */
  name: string;
  payload: Schema;
  run(payload: z.infer<Schema>, context: TaskContext): Promise<void>;
}

export interface AddJobOptions {
  /** Jobs sharing a key collapse into one (graphile-worker job_key, mode "replace"). */
  jobKey?: string;
  runAt?: Date;
  maxAttempts?: number;
  queueName?: string;
  priority?: number;
}

/** Anything that can run a raw statement: the Prisma client or a transaction client. */
export interface SqlExecutor {
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): Promise<number>;
}

export interface JobQueue {
  /** Enqueues a job now, outside any transaction. */
  add(task: string, payload: unknown, options?: AddJobOptions): Promise<void>;
  /** Enqueues through `tx`, so the job exists only if the surrounding transaction commits. */
  addWith(tx: SqlExecutor, task: string, payload: unknown, options?: AddJobOptions): Promise<void>;
}

export function defineTask<Schema extends z.ZodType>(task: TaskDefinition<Schema>): TaskDefinition<Schema> {
  return task;
}

/** How the background worker is doing, for /healthz. */
export interface WorkerStatus {
  /** "in-process" when this process runs the worker, "external" when `npm run worker` does. */
  mode: "in-process" | "external" | "disabled";
  isRunning(): boolean;
}
