// Adds jobs with graphile-worker's own SQL function, so the same code enqueues inside a
// Prisma transaction (`addWith(tx, …)`) or on its own (`add`).
import type { AddJobOptions, JobQueue, SqlExecutor } from "./types.ts";

export function createJobQueue(db: SqlExecutor, knownTasks: () => ReadonlySet<string>): JobQueue {
  async function addWith(executor: SqlExecutor, task: string, payload: unknown, options: AddJobOptions = {}) {
    if (!knownTasks().has(task)) throw new Error(`Unknown task "${task}"; register it in the domain's jobs.ts`);
    await executor.$executeRaw`SELECT graphile_worker.add_job(
      identifier => ${task}::text,
      payload => ${JSON.stringify(payload ?? {})}::json,
      queue_name => ${options.queueName ?? null}::text,
      run_at => ${options.runAt ?? null}::timestamptz,
      max_attempts => ${options.maxAttempts ?? null}::int,
      job_key => ${options.jobKey ?? null}::text,
      priority => ${options.priority ?? null}::int
    )`;
  }
  return {
    add: (task, payload, options) => addWith(db, task, payload, options),
    addWith,
  };
}
