// The composition root: builds the platform dependencies from configuration (an
// embedded database when DATABASE_URL is unset, Redis or in-process, Meilisearch or
// PostgreSQL search), the module registry, the background tasks and the HTTP app. The
// server, the worker, every script and the tests build their process with it; tests
// choose test doubles by passing `overrides`, never by wiring a second graph.
import path from "node:path";
import type { CronItem } from "graphile-worker";
import { createApp, type AppDeps, type AppRegistry } from "./app.ts";
import { ROOT_DIR } from "./core/root-dir.ts";
import { codeGeneration } from "./core/cache/code-generation.ts";
import { createCache } from "./core/cache/cache.ts";
import { createMemoryKeyValue } from "./core/cache/memory.ts";
import { createFailoverKeyValue, FALLBACK_MAX_ENTRIES } from "./core/cache/failover.ts";
import { createLocalInvalidationBus, createRedisInvalidationBus } from "./core/cache/invalidation-bus.ts";
import { createResponseStore } from "./core/cache/response-store.ts";
import { createRedisKeyValue, isRedisKeyValue, REDIS_CONNECT_TIMEOUT_MS } from "./core/cache/redis.ts";
import { systemClock } from "./core/clock/clock.ts";
import type { Config } from "./core/config/config.ts";
import { createDb } from "./core/db/client.ts";
import { startEmbeddedPostgres } from "./core/db/embedded.ts";
import { migrateDatabase } from "./core/db/migrate.ts";
import { cdnPurgeTasks, createCdnPurger, queueCdnPurge } from "./core/http/cdn-purge.ts";
import { encodeStoredResponse } from "./core/http/response-cache.ts";
import { createJobQueue } from "./core/jobs/queue.ts";
import type { TaskDefinition, WorkerStatus } from "./core/jobs/types.ts";
import type { Logger } from "./core/logging/logger.ts";
import { markupTasks } from "./core/markup/jobs.ts";
import { createMailer, mailTasks } from "./core/mail/index.ts";
import { createModuleRegistry } from "./core/modules/index.ts";
import { createSearchIndex } from "./core/search/index.ts";
import { searchTasks } from "./core/search/jobs.ts";
import { createStorage, MEDIA_URL_PREFIX } from "./core/storage/index.ts";
import { DOMAIN_MODULES, type Services } from "./domains/index.ts";

export interface RuntimeOptions {
  config: Config;
  logger: Logger;
  worker: WorkerStatus;
  /** Apply pending migrations first; defaults to MIGRATE_ON_START. */
  migrate?: boolean;
  /** Platform dependencies to use instead of those built from the configuration (tests). */
  overrides?: Partial<AppDeps>;
}

export interface Runtime {
  deps: AppDeps;
  registry: AppRegistry;
  services: Services;
  /** Every background task: the platform's (search, markup) and each module's. */
  tasks: TaskDefinition[];
  cronItems: CronItem[];
  app: ReturnType<typeof createApp>;
  databaseUrl: string;
  /** True when an embedded database was created on this start (it is empty). */
  freshEmbeddedDatabase: boolean;
  /** Releases every connection and stops the embedded database, in order. */
  close(): Promise<void>;
}

export async function buildRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { logger, overrides = {} } = options;
  const cleanups: Array<() => Promise<void>> = [];
  try {
    const { databaseUrl, freshEmbeddedDatabase } = await prepareDatabase(options, cleanups);
    const taskNames = new Set<string>();
    const deps = buildDeps({ ...options, overrides }, databaseUrl, cleanups, taskNames);
    // Commands are not queued while disconnected, so wait (briefly) for the first connection.
    if (isRedisKeyValue(deps.kv) && !(await deps.kv.waitUntilReady(2 * REDIS_CONNECT_TIMEOUT_MS))) {
      logger.warn("Redis is not reachable at start: running degraded until it is");
    }
    const registry = createModuleRegistry(DOMAIN_MODULES, deps);
    const app = createApp(deps, registry);
    // The link checker asks the app itself about internal links, without the network.
    const dispatch = async (request: Request) => app.fetch(request);
    const tasks = [
      ...searchTasks({ search: deps.search, sources: registry.searchSources() }),
      ...markupTasks(registry.markupTargets()),
      ...mailTasks(deps.mailer),
      ...cdnPurgeTasks(deps.cdn),
      ...registry.tasks(dispatch),
    ];
    for (const task of tasks) taskNames.add(task.name);
    // What a write invalidates is purged from the CDN by the same names (surrogate keys).
    if (deps.cdn) deps.cache.afterInvalidate((tags) => queueCdnPurge(deps.jobs, tags, logger));
    return {
      deps,
      registry,
      services: registry.services,
      tasks,
      cronItems: registry.cronItems(),
      app,
      databaseUrl,
      freshEmbeddedDatabase,
      close: () => runCleanups(cleanups, logger),
    };
  } catch (error) {
    await runCleanups(cleanups, logger);
    throw error;
  }
}

async function prepareDatabase(options: RuntimeOptions, cleanups: Array<() => Promise<void>>) {
  const { config, logger } = options;
  let databaseUrl = config.DATABASE_URL;
  let freshEmbeddedDatabase = false;
  if (!databaseUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: config.EMBEDDED_PG_DIR, port: config.EMBEDDED_PG_PORT, logger });
    cleanups.push(() => embedded.stop());
    databaseUrl = embedded.url;
    freshEmbeddedDatabase = embedded.created;
    // The URL is printed so other tools (psql, a second shell's scripts) can reach it.
    logger.info(
      { dataDir: config.EMBEDDED_PG_DIR, port: config.EMBEDDED_PG_PORT, joined: embedded.joined },
      `using the embedded PostgreSQL at ${embedded.url} (DATABASE_URL is not set)${embedded.joined ? "; it was already running" : ""}`,
    );
  }
  if (options.migrate ?? config.MIGRATE_ON_START) await migrateDatabase({ connectionString: databaseUrl, logger });
  return { databaseUrl, freshEmbeddedDatabase };
}

/** Each dependency from its override or from the configuration; what is built here is closed here. */
function buildDeps(
  options: RuntimeOptions & Required<Pick<RuntimeOptions, "overrides">>,
  databaseUrl: string,
  cleanups: Array<() => Promise<void>>,
  taskNames: ReadonlySet<string>,
): AppDeps {
  const { config, logger, overrides } = options;
  const owned = <T>(value: T, close: (value: T) => Promise<void>): T => {
    cleanups.push(() => close(value));
    return value;
  };
  const db = overrides.db ?? owned(createDb(databaseUrl, { maxConnections: config.DATABASE_POOL_SIZE }), (client) => client.$disconnect());
  const kv =
    overrides.kv ??
    owned(config.REDIS_URL ? createRedisKeyValue({ url: config.REDIS_URL, keyPrefix: config.REDIS_PREFIX, logger }) : createMemoryKeyValue(), (store) => store.close());
  // While Redis is down the cache lives in the process (bounded), and Redis takes over again when back.
  const cacheStore = isRedisKeyValue(kv)
    ? owned(createFailoverKeyValue({ primary: kv, fallback: createMemoryKeyValue({ maxEntries: FALLBACK_MAX_ENTRIES }) }), (store) => store.close())
    : kv;
  if (!config.REDIS_URL && !overrides.kv) logger.info("REDIS_URL is not set: cache, sessions and rate limits live in this process");
  // Running from dist/, the bundle is the code; from source (tests, tsx), app/.
  const codeDir = import.meta.dirname.split(path.sep).includes("dist") ? path.join(ROOT_DIR, "dist") : path.join(ROOT_DIR, "app");
  const generation = codeGeneration({ releaseId: config.RELEASE_ID, folders: [codeDir, overrides.paths?.templates ?? path.join(ROOT_DIR, "templates")] });
  const cache =
    overrides.cache ??
    createCache(cacheStore, {
      generation,
      bus: isRedisKeyValue(kv)
        ? owned(createRedisInvalidationBus({ publisher: kv.client, channel: `${config.REDIS_PREFIX}cache-invalidations`, logger }), (bus) => bus.close())
        : createLocalInvalidationBus(),
      localBytes: config.CACHE_MEMORY_MB * 1024 * 1024,
      now: () => (overrides.clock ?? systemClock).now().getTime(),
    });
  const responses =
    overrides.responses !== undefined
      ? overrides.responses
      : config.RESPONSE_CACHE === "on"
        ? createResponseStore({
            cache,
            bus: cache.bus,
            shared: isRedisKeyValue(kv) ? kv : null,
            maxBytes: config.RESPONSE_CACHE_MEMORY_MB * 1024 * 1024,
            encode: encodeStoredResponse,
            generation,
            now: () => (overrides.clock ?? systemClock).now().getTime(),
          })
        : null;
  const search =
    overrides.search ?? owned(createSearchIndex({ db, meiliUrl: config.MEILI_URL, meiliKey: config.MEILI_MASTER_KEY, indexName: config.MEILI_INDEX }), (index) => index.close());
  if (!config.MEILI_URL && !overrides.search) logger.info("MEILI_URL is not set: search uses PostgreSQL full-text search");
  // The queue checks task names lazily: the tasks come from services that need the queue.
  const jobs = overrides.jobs ?? createJobQueue(db, () => taskNames);
  const clock = overrides.clock ?? systemClock;
  const templatesDir = overrides.paths?.templates ?? path.join(ROOT_DIR, "templates");
  return {
    config,
    logger,
    db,
    kv,
    cache,
    responses,
    search,
    jobs,
    clock,
    mailer: overrides.mailer ?? owned(createMailer({ db, jobs, logger, config, templatesDir: templatesDir, now: () => clock.now() }), (mailer) => mailer.close()),
    storage: overrides.storage ?? createStorage(config, { root: config.MEDIA_DIR, baseUrl: MEDIA_URL_PREFIX }),
    cdn: overrides.cdn !== undefined ? overrides.cdn : config.CDN_PURGE_URL ? createCdnPurger({ url: config.CDN_PURGE_URL, token: config.CDN_PURGE_TOKEN }) : null,
    worker: overrides.worker ?? options.worker,
    apiRateLimits: overrides.apiRateLimits ?? {
      API_V1_LIMIT_PER_HOUR: config.API_V1_LIMIT_PER_HOUR,
      API_V2_ANON_PER_DAY: config.API_V2_ANON_PER_DAY,
      API_V2_USER_PER_DAY: config.API_V2_USER_PER_DAY,
      API_V3_ANON_PER_HOUR: config.API_V3_ANON_PER_HOUR,
      API_V3_USER_PER_HOUR: config.API_V3_USER_PER_HOUR,
    },
    paths: {
      templates: templatesDir,
      static: overrides.paths?.static ?? path.join(ROOT_DIR, "static"),
    },
  };
}

async function runCleanups(cleanups: Array<() => Promise<void>>, logger: Logger): Promise<void> {
  for (const cleanup of cleanups.reverse()) {
    await cleanup().catch((error: unknown) => logger.warn({ err: error }, "cleanup step failed"));
  }
  cleanups.length = 0;
}
