// Test dependencies: the real app on a private copy of the migrated database, real
// Redis when REDIS_URL is set (keys namespaced per worker), PostgreSQL search, and a
// job queue whose jobs a test can drain with the real tasks.
import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, inject } from "vitest";
import { createApp, createServices, collectTasks, type AppDeps, type Services } from "../app.ts";
import { createCache } from "../core/cache/cache.ts";
import { createMemoryKeyValue } from "../core/cache/memory.ts";
import { createRedisKeyValue } from "../core/cache/redis.ts";
import { loadConfig } from "../core/config/config.ts";
import { createDb, type Db } from "../core/db/client.ts";
import { createJobQueue } from "../core/jobs/queue.ts";
import { createMailer } from "../core/mail/index.ts";
import { drainJobs } from "../core/jobs/worker.ts";
import { createLogger } from "../core/logging/logger.ts";
import { createPostgresSearchIndex } from "../core/search/postgres.ts";
import { withDatabase } from "./database-server.ts";
import { templateDatabaseName } from "./global-setup.ts";

const workerId = process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? "0";
let databaseUrlPromise: Promise<string> | undefined;

/** A database cloned from the migrated template, private to this test file's worker. */
export function testDatabaseUrl(): Promise<string> {
  databaseUrlPromise ??= (async () => {
    const serverUrl = inject("testDatabaseServerUrl");
    const runId = inject("testRunId");
    const name = `pydotorg_test_${runId}_w${workerId}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabaseName(runId)}`);
    } finally {
      await admin.end();
    }
    return withDatabase(serverUrl, name);
  })();
  return databaseUrlPromise;
}

export interface TestContext {
  deps: AppDeps;
  services: Services;
  app: ReturnType<typeof createApp>;
  databaseUrl: string;
  /** Runs every due background job with the real task handlers. */
  drainJobs(): Promise<void>;
  /** Empties every table (keeps the schema) and the cache; call in beforeEach. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function createTestContext(overrides: Partial<AppDeps> = {}): Promise<TestContext> {
  const databaseUrl = await testDatabaseUrl();
  const config = loadConfig({ NODE_ENV: "test", SITE_URL: "http://testserver", DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" });
  const logger = createLogger({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
  const db = createDb(databaseUrl, { maxConnections: 5 });
  // The run id keeps concurrent `vitest run`s on one Redis from flushing each other's keys.
  const redisPrefix = `pydotorg-test:${inject("testRunId")}:${workerId}:`;
  const kv = process.env.REDIS_URL ? createRedisKeyValue({ url: process.env.REDIS_URL, keyPrefix: redisPrefix }) : createMemoryKeyValue();
  const cache = createCache(kv);
  const search = createPostgresSearchIndex({ db, indexName: "pydotorg" });
  const taskNames = new Set<string>();
  const jobs = createJobQueue(db, () => taskNames);
  // Uploads go to a directory of this run, never into the repository.
  const paths = { media: mkdtempSync(path.join(tmpdir(), "pydotorg-media-")), ...overrides.paths };
  const deps: AppDeps = {
    config,
    logger,
    db,
    kv,
    cache,
    search,
    jobs,
    // The outbox transport: tests read sent mail from the delivery table (app/testing/mail.ts).
    mailer: createMailer({ db, jobs, logger, config }),
    worker: { mode: "external", isRunning: () => false },
    // Every test request shares one client IP; rate-limit tests pass their own tiny limits.
    apiRateLimits: { API_V1_LIMIT_PER_HOUR: 1e6, API_V2_ANON_PER_DAY: 1e6, API_V2_USER_PER_DAY: 1e6, API_V3_ANON_PER_HOUR: 1e6, API_V3_USER_PER_HOUR: 1e6 },
    ...overrides,
    paths,
  };
  // Built from the final deps, so overrides such as `now` or `mediaStorage` reach the services.
  const services = createServices(deps);
  // The link checker asks the app itself about internal links; external links stay off in tests.
  let app: ReturnType<typeof createApp> | undefined;
  const linkCheck = { siteUrl: config.SITE_URL, external: false, dispatch: async (request: Request) => app!.fetch(request) };
  const tasks = collectTasks(services, { search, linkCheck, mailer: deps.mailer });
  for (const task of tasks) taskNames.add(task.name);
  app = createApp(deps, services);
  return {
    deps,
    services,
    app,
    databaseUrl,
    drainJobs: () => drainJobs({ connectionString: databaseUrl, tasks, logger }),
    async reset() {
      await truncateAll(db);
      if ("client" in kv) await flushPrefix(kv.client as import("ioredis").Redis, redisPrefix);
    },
    async close() {
      if (!overrides.paths?.media) await rm(paths.media, { recursive: true, force: true });
      await search.close();
      await kv.close();
      await db.$disconnect();
    },
  };
}

/**
 * Registers the usual hooks — a context per file (beforeAll), a clean database before each
 * test (beforeEach) and closing it (afterAll) — and returns the context. Its properties
 * can be read from hooks and tests, not while the file is being collected.
 */
export function useTestContext(overrides: Partial<AppDeps> = {}): TestContext {
  let current: TestContext | undefined;
  beforeAll(async () => {
    current = await createTestContext(overrides);
  });
  beforeEach(async () => {
    await current!.reset();
  });
  afterAll(async () => {
    await current?.close();
  });
  return new Proxy({} as TestContext, {
    get(_target, key) {
      if (!current) throw new Error("useTestContext: the test context exists only inside hooks and tests");
      return current[key as keyof TestContext];
    },
  });
}

export async function truncateAll(db: Db): Promise<void> {
  const tables = await db.$queryRaw<Array<{ tablename: string }>>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length > 0) {
    const list = tables.map((table) => `"public"."${table.tablename.replaceAll('"', '""')}"`).join(", ");
    await db.$executeRawUnsafe(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
  }
  await db.$executeRawUnsafe(`DELETE FROM graphile_worker._private_jobs`);
}

async function flushPrefix(client: import("ioredis").Redis, prefix: string): Promise<void> {
  // ioredis applies keyPrefix to commands but not to SCAN patterns or returned keys.
  let cursor = "0";
  do {
    const [next, keys] = await client.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
    cursor = next;
    if (keys.length > 0) await client.unlink(...keys.map((key) => key.slice(prefix.length)));
  } while (cursor !== "0");
}
