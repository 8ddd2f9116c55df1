// The checks behind /healthz: database, key-value store, search index and worker.
import type { Cache, KeyValue } from "../core/cache/types.ts";
import type { Db } from "../core/db/client.ts";
import type { SearchIndex } from "../core/search/types.ts";
import type { WorkerStatus } from "../core/jobs/types.ts";
import type { HealthCheck } from "./health.ts";

export function serviceHealthChecks(deps: { db: Db; kv: KeyValue; cache?: Cache; search: SearchIndex; worker: WorkerStatus }): HealthCheck[] {
  return [
    {
      name: "database",
      async check() {
        await deps.db.$queryRaw`SELECT 1`;
        return { ok: true };
      },
    },
    {
      name: "redis",
      async check() {
        return { ok: await deps.kv.ping(), detail: { backend: deps.kv.kind } };
      },
    },
    {
      name: "search",
      async check() {
        return { ok: await deps.search.ping(), detail: { backend: deps.search.kind } };
      },
    },
    {
      name: "worker",
      async check() {
        const [queue] = await deps.db.$queryRaw<Array<{ due: bigint; failing: bigint }>>`
          SELECT count(*) FILTER (WHERE run_at <= now() AND locked_at IS NULL AND attempts < max_attempts) AS due,
                 count(*) FILTER (WHERE attempts >= max_attempts) AS failing
          FROM graphile_worker.jobs`;
        const running = deps.worker.mode === "external" || deps.worker.isRunning();
        return {
          ok: running,
          detail: { mode: deps.worker.mode, running, due: Number(queue?.due ?? 0), failed: Number(queue?.failing ?? 0) },
        };
      },
    },
  ];
}
