// Runs once per `vitest run`: builds a template database with every migration
// applied; each test worker then clones it (CREATE DATABASE … TEMPLATE), which is
// much faster than migrating per file.
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../core/db/migrate.ts";
import { createLogger } from "../core/logging/logger.ts";
import { ensureTestDatabaseServer, withDatabase } from "./database-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseServerUrl: string;
    /** Names this run's databases, so concurrent runs on one server never collide. */
    testRunId: string;
  }
}

export const templateDatabaseName = (runId: string) => `pydotorg_test_${runId}_template`;

export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, "../..");
  const server = await ensureTestDatabaseServer(root);
  const runId = `${process.pid.toString(36)}${Date.now().toString(36)}`;
  const template = templateDatabaseName(runId);
  await withAdmin(server.adminUrl, async (admin) => {
    await dropStaleDatabases(admin);
    await admin.query(`CREATE DATABASE ${template}`);
  });
  await migrateDatabase({ connectionString: withDatabase(server.adminUrl, template), logger: createLogger({ level: "warn" }) });
  project.provide("testDatabaseServerUrl", server.adminUrl);
  project.provide("testRunId", runId);
  return async () => {
    await withAdmin(server.adminUrl, async (admin) => {
      const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`pydotorg_test_${runId}_%`]);
      for (const row of rows) await admin.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
    });
    await server.stop();
  };
}

async function withAdmin(url: string, work: (admin: pg.Client) => Promise<void>): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}

/** Removes databases of runs that crashed more than a day ago (names carry the start time). */
async function dropStaleDatabases(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'pydotorg\\_test\\_%'`);
  const dayAgo = Date.now() - 86_400_000;
  for (const { datname } of rows) {
    const started = parseInt(/^pydotorg_test_[0-9a-z]+?([0-9a-z]{8})_/.exec(datname)?.[1] ?? "", 36);
    if (Number.isFinite(started) && started < dayAgo) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
}
