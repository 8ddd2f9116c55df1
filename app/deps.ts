// Builds the real dependencies from configuration: database (embedded when
// DATABASE_URL is unset), key-value store, cache, search index and job queue. Only
// the entry points (server, worker, scripts) call this.
import type { AppDeps, Services } from "./app.ts";
import { createApp, createServices, collectTasks } from "./app.ts";
import { createCdnPurger } from "./domains/downloads/index.ts";
import { createMediaStorage, MEDIA_URL_PREFIX } from "./domains/pages/index.ts";
import { createCache } from "./core/cache/cache.ts";
import { createMemoryKeyValue } from "./core/cache/memory.ts";
import { createRedisKeyValue } from "./core/cache/redis.ts";
import type { KeyValue } from "./core/cache/types.ts";
import type { Config } from "./core/config/config.ts";
import { createDb } from "./core/db/client.ts";
import { startEmbeddedPostgres } from "./core/db/embedded.ts";
import { migrateDatabase } from "./core/db/migrate.ts";
import { createJobQueue } from "./core/jobs/queue.ts";
import { createMailer } from "./core/mail/index.ts";
import type { TaskDefinition } from "./core/jobs/types.ts";
import type { Logger } from "./core/logging/logger.ts";
import { createSearchIndex } from "./core/search/index.ts";
import type { WorkerStatus } from "./site/health-checks.ts";

export interface Runtime {
  deps: AppDeps;
  services: Services;
  tasks: TaskDefinition[];
  databaseUrl: string;
  /** True when an embedded database was created on this start (it is empty). */
  freshEmbeddedDatabase: boolean;
  /** Releases every connection and stops the embedded database, in order. */
  close(): Promise<void>;
}

export async function buildRuntime(options: {
  config: Config;
  logger: Logger;
  worker: WorkerStatus;
  migrate?: boolean;
}): Promise<Runtime> {
  const { config, logger } = options;
  const cleanups: Array<() => Promise<void>> = [];
  try {
    let databaseUrl = config.DATABASE_URL;
    let freshEmbeddedDatabase = false;
    if (!databaseUrl) {
      const embedded = await startEmbeddedPostgres({ dataDir: config.EMBEDDED_PG_DIR, port: config.EMBEDDED_PG_PORT, logger });
      cleanups.push(() => embedded.stop());
      databaseUrl = embedded.url;
      freshEmbeddedDatabase = embedded.created;
      logger.info({ dataDir: config.EMBEDDED_PG_DIR, port: config.EMBEDDED_PG_PORT }, "using the embedded PostgreSQL (DATABASE_URL is not set)");
    }
    if (options.migrate ?? config.MIGRATE_ON_START) await migrateDatabase({ connectionString: databaseUrl, logger });

    const db = createDb(databaseUrl);
    cleanups.push(() => db.$disconnect());
    const kv: KeyValue = config.REDIS_URL
      ? createRedisKeyValue({ url: config.REDIS_URL, keyPrefix: config.REDIS_PREFIX })
      : createMemoryKeyValue();
    cleanups.push(() => kv.close());
    if (!config.REDIS_URL) logger.info("REDIS_URL is not set: cache, sessions and rate limits live in this process");
    const search = createSearchIndex({ db, meiliUrl: config.MEILI_URL, meiliKey: config.MEILI_MASTER_KEY, indexName: config.MEILI_INDEX });
    cleanups.push(() => search.close());
    if (!config.MEILI_URL) logger.info("MEILI_URL is not set: search uses PostgreSQL full-text search");

    const cache = createCache(kv);
    // The queue checks task names lazily: the tasks come from services that need the queue.
    const taskNames = new Set<string>();
    const jobs = createJobQueue(db, () => taskNames);
    const paths = { media: config.MEDIA_DIR };
    const mediaStorage = createMediaStorage(config, { root: config.MEDIA_DIR, baseUrl: MEDIA_URL_PREFIX });
    const mailer = createMailer({ db, jobs, logger, config });
    cleanups.push(() => mailer.close());
    const deps: AppDeps = { config, logger, db, kv, cache, search, jobs, mailer, worker: options.worker, paths, mediaStorage };
    // One set of services per process: the worker's tasks and the HTTP routes share it.
    const services = createServices(deps);
    // The link checker fetches internal links through the app itself, without the network.
    let linkCheckApp: ReturnType<typeof createApp> | undefined;
    const tasks = collectTasks(services, {
      search,
      mailer,
      linkCheck: {
        siteUrl: config.SITE_URL,
        external: config.LINK_CHECK_EXTERNAL,
        dispatch: async (request) => (linkCheckApp ??= createApp(deps, services)).fetch(request),
      },
      cdn: config.CDN_PURGE_URL ? createCdnPurger({ url: config.CDN_PURGE_URL, token: config.CDN_PURGE_TOKEN }) : undefined,
    });
    for (const task of tasks) taskNames.add(task.name);

    return {
      deps,
      services,
      tasks,
      databaseUrl,
      freshEmbeddedDatabase,
      close: () => runCleanups(cleanups, logger),
    };
  } catch (error) {
    await runCleanups(cleanups, logger);
    throw error;
  }
}

async function runCleanups(cleanups: Array<() => Promise<void>>, logger: Logger): Promise<void> {
  for (const cleanup of cleanups.reverse()) {
    await cleanup().catch((error: unknown) => logger.warn({ err: error }, "cleanup step failed"));
  }
  cleanups.length = 0;
}
