// Runs once per `vitest run`: builds a template database with every migration
// applied; each test worker then clones it (CREATE DATABASE … TEMPLATE), which is
// much faster than migrating per file.
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../core/db/migrate.ts";
import { createLogger } from "../core/logging/logger.ts";
import { ensureTestDatabaseServer, withDatabase } from "./database-server.ts";

export const TEMPLATE_DATABASE = "pydotorg_test_template";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseServerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, "../..");
  const server = await ensureTestDatabaseServer(root);
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  await migrateDatabase({ connectionString: withDatabase(server.adminUrl, TEMPLATE_DATABASE), logger: createLogger({ level: "warn" }) });
  project.provide("testDatabaseServerUrl", server.adminUrl);
  return async () => {
    await server.stop();
  };
}
