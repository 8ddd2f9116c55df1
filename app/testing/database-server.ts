// Finds the PostgreSQL server tests use: TEST_DATABASE_URL or DATABASE_URL when set,
// otherwise an embedded cluster under .data/test-postgres (kept between runs).
import path from "node:path";
import { describeFailure } from "../core/cli/failure.ts";
import { startEmbeddedPostgres } from "../core/db/embedded.ts";
import { createLogger } from "../core/logging/logger.ts";

export interface DatabaseServer {
  /** URL of a database on the server that tests may connect to for admin work. */
  adminUrl: string;
  stop(): Promise<void>;
}

export async function ensureTestDatabaseServer(rootDir: string): Promise<DatabaseServer> {
  const configured = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (configured) return { adminUrl: configured, stop: async () => undefined };
  const port = Number(process.env.TEST_EMBEDDED_PG_PORT ?? 54339);
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(rootDir, ".data/test-postgres"), port, logger: createLogger({ level: "warn" }) }).catch((error: unknown) => {
    // vitest prints a rejection's message only, so the message carries the whole advice.
    throw new Error(`The tests found no PostgreSQL: ${describeFailure(error)} (or set DATABASE_URL / TEST_DATABASE_URL to a server the tests may use).`);
  });
  return { adminUrl: embedded.url, stop: embedded.stop };
}

/** The same server URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
