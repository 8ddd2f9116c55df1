// Legacy python.org databases for migration tests, built from the shared test bed
// (../shared/legacy: schema.sql + sample/*.json through load_dumpdata.py). The sample is
// loaded once per `vitest run` into a template database; each caller gets a cheap clone
// (CREATE DATABASE … TEMPLATE). Names start with this run's test prefix, so the global
// teardown drops them even when a test file crashes.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { LEGACY_TESTBED_DIR, legacyTestbedAvailable } from "./legacy-testbed.ts";

export { LEGACY_TESTBED_DIR, legacyTestbedAvailable };
import { LEGACY_MIGRATORS } from "./modules.ts";
import type { MigrationReport } from "../core/legacy/report.ts";
import { runLegacyMigration, type RunOptions } from "../core/legacy/runner.ts";
import type { StepReport } from "../core/legacy/types.ts";
import { withDatabase } from "./database-server.ts";

/** A legacy database private to one test file. */
export interface LegacyDatabase {
  url: string;
  /** Runs SQL against the legacy database (to plant edge cases). */
  query(sql: string, params?: unknown[]): Promise<pg.QueryResult>;
  drop(): Promise<void>;
}

async function withAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: inject("testDatabaseServerUrl") });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

function run(command: string, args: string[], input?: NodeJS.ReadableStream): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: [input ? "pipe" : "ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    if (input) input.pipe(child.stdin!);
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}: ${stderr.trim()}`))));
  });
}

/** schema.sql, then every sample/*.json through load_dumpdata.py, piped into psql. */
async function loadSample(url: string): Promise<void> {
  const psql = ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url];
  await run("psql", [...psql, "-f", path.join(LEGACY_TESTBED_DIR, "schema.sql")]);
  const sampleDir = path.join(LEGACY_TESTBED_DIR, "sample");
  const files = readdirSync(sampleDir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => path.join(sampleDir, name));
  const loader = spawn("python3", [path.join(LEGACY_TESTBED_DIR, "load_dumpdata.py"), ...files], { stdio: ["ignore", "pipe", "pipe"] });
  let loaderError = "";
  loader.stderr.on("data", (chunk: Buffer) => (loaderError += chunk.toString()));
  const loaded = new Promise<void>((resolve, reject) =>
    loader.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`load_dumpdata.py exited with ${code}: ${loaderError.trim()}`)))),
  );
  await Promise.all([run("psql", psql, loader.stdout), loaded]);
}

/** Builds this run's template once, whichever test worker gets there first (advisory lock). */
async function ensureTemplate(): Promise<string> {
  const server = inject("testDatabaseServerUrl");
  const template = `pydotorg_test_${inject("testRunId")}_legacy_template`;
  await withAdmin(async (admin) => {
    await admin.query("SELECT pg_advisory_lock(hashtext($1))", [template]);
    try {
      const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
      if (rowCount) return;
      const building = `${template}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${building}`);
      await loadSample(withDatabase(server, building));
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
    } finally {
      await admin.query("SELECT pg_advisory_unlock(hashtext($1))", [template]);
    }
  });
  return template;
}

/** A private legacy database holding the README's sample data set. */
export async function createLegacySampleDatabase(): Promise<LegacyDatabase> {
  const template = await ensureTemplate();
  const name = `pydotorg_test_${inject("testRunId")}_legacy_${randomBytes(4).toString("hex")}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const url = withDatabase(inject("testDatabaseServerUrl"), name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    url,
    query: (sql, params) => client.query(sql, params),
    async drop() {
      await client.end();
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** Runs every registered legacy migrator from `source` into `targetUrl` (silent progress). */
export function migrateLegacy(source: LegacyDatabase, targetUrl: string, options: Partial<RunOptions> = {}): Promise<MigrationReport> {
  return runLegacyMigration({ sourceUrl: source.url, targetUrl, migrators: LEGACY_MIGRATORS, ...options });
}

/** The report line of one step (e.g. "users_user"); throws when absent. */
export function stepReport(report: MigrationReport, step: string): StepReport {
  const found = report.steps.find((candidate) => candidate.step === step);
  if (!found) throw new Error(`no step ${step} in the report`);
  return found;
}
