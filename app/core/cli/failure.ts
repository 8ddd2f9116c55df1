// How the server, the worker and every script report a failure: one sentence that says
// what went wrong and what to do, never a bare `undefined` or a stack trace.
import { ConfigError } from "../config/config.ts";
import { EmbeddedDatabaseError } from "../db/embedded.ts";

const CONNECTION_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ETIMEDOUT", "ECONNRESET"]);

/** One line for a failure at start or in a command. */
export function describeFailure(error: unknown): string {
  if (error instanceof ConfigError || error instanceof EmbeddedDatabaseError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : error === undefined || error === null ? "" : String(error);
  if (typeof code === "string" && CONNECTION_CODES.has(code)) {
    return `Could not reach the database (${message || code}): start PostgreSQL, or check DATABASE_URL (unset it to use the embedded server).`;
  }
  if (code === "28P01" || code === "3D000") {
    return `The database refused the connection (${message}): check the user, password and database name in DATABASE_URL.`;
  }
  if (!message) return "It failed without giving a reason: run it again with LOG_LEVEL=debug to see what happened before.";
  return message;
}

/**
 * Runs a command's main function; on failure prints `<name>: <sentence>` on stderr and
 * sets exit code 1 (the process then ends once its handles close).
 */
export async function runCommand(name: string, main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    process.stderr.write(`${name}: ${describeFailure(error)}\n`);
    process.exitCode = 1;
  }
}
