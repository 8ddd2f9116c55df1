// The test context: the process the server builds (app/deps.ts buildRuntime), on a
// private copy of the migrated database, real Redis when REDIS_URL is set (keys
// namespaced per worker), PostgreSQL search, and the real tasks a test can drain.
import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, inject } from "vitest";
import type { AppDeps } from "../app.ts";
import { buildRuntime, type Runtime } from "../deps.ts";
import type { Services } from "../domains/index.ts";
import { loadConfig } from "../core/config/config.ts";
import type { Db } from "../core/db/client.ts";
import { drainJobs } from "../core/jobs/worker.ts";
import { createLogger } from "../core/logging/logger.ts";
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
  registry: Runtime["registry"];
  app: Runtime["app"];
  /** The tasks and cron items the worker of this process would run. */
  tasks: Runtime["tasks"];
  cronItems: Runtime["cronItems"];
  databaseUrl: string;
  /** Runs every due background job with the real task handlers. */
  drainJobs(): Promise<void>;
  /** Empties every table (keeps the schema) and the cache; call in beforeEach. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** Test doubles for platform dependencies, and environment settings over the test defaults. */
export type TestOverrides = Partial<Omit<AppDeps, "config" | "paths">> & { env?: Record<string, string> };

/** The test configuration: this worker's database, Redis prefix and media folder; generous API limits. */
function testConfig(databaseUrl: string, redisPrefix: string, mediaDir: string, env: Record<string, string> = {}) {
  return loadConfig({
    NODE_ENV: "test",
    SITE_URL: "http://testserver",
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: "5",
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    REDIS_PREFIX: redisPrefix,
    MEDIA_DIR: mediaDir,
    MIGRATE_ON_START: "0",
    LINK_CHECK_EXTERNAL: "0",
    LOG_LEVEL: "silent",
    // Every test request shares one client IP; rate-limit tests pass their own tiny limits.
    API_V1_LIMIT_PER_HOUR: "1000000",
    API_V2_ANON_PER_DAY: "1000000",
    API_V2_USER_PER_DAY: "1000000",
    API_V3_ANON_PER_HOUR: "1000000",
    API_V3_USER_PER_HOUR: "1000000",
    ...env,
  });
}

/** The application as the server builds it (app/deps.ts), on this worker's private database. */
export async function createTestContext(overrides: TestOverrides = {}): Promise<TestContext> {
  const { env, ...deps } = overrides;
  const databaseUrl = await testDatabaseUrl();
  // The run id keeps concurrent `vitest run`s on one Redis from flushing each other's keys.
  const redisPrefix = `pydotorg-test:${inject("testRunId")}:${workerId}:`;
  // Uploads go to a directory of this run, never into the repository.
  const mediaDir = mkdtempSync(path.join(tmpdir(), "pydotorg-media-"));
  const config = testConfig(databaseUrl, redisPrefix, mediaDir, env);
  const logger = createLogger({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
  const runtime = await buildRuntime({ config, logger, worker: { mode: "external", isRunning: () => false }, overrides: deps });
  const { db, kv } = runtime.deps;
  return {
    deps: runtime.deps,
    services: runtime.services,
    registry: runtime.registry,
    app: runtime.app,
    tasks: runtime.tasks,
    cronItems: runtime.cronItems,
    databaseUrl,
    drainJobs: () => drainJobs({ connectionString: databaseUrl, tasks: runtime.tasks, logger }),
    async reset() {
      await truncateAll(db);
      if ("client" in kv) await flushPrefix(kv.client as import("ioredis").Redis, redisPrefix);
      // The flush took the tag versions with it: copies held in memory must go too.
      runtime.deps.responses?.clear();
      runtime.deps.cache.clearLocal();
    },
    async close() {
      await runtime.close();
      await rm(mediaDir, { recursive: true, force: true });
    },
  };
}

/**
 * Registers the usual hooks — a context per file (beforeAll), a clean database before each
 * test (beforeEach) and closing it (afterAll) — and returns the context. Its properties
 * can be read from hooks and tests, not while the file is being collected.
 */
export function useTestContext(overrides: TestOverrides = {}): TestContext {
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
