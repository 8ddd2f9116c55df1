// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database).
import { runCommand } from "../app/core/cli/failure.ts";
import { loadConfig } from "../app/core/config/config.ts";
import { createLogger } from "../app/core/logging/logger.ts";
import { buildRuntime } from "../app/deps.ts";

await runCommand("db:migrate", async () => {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL, pretty: process.stdout.isTTY });
  const runtime = await buildRuntime({ config, logger, worker: { mode: "external", isRunning: () => false }, migrate: true });
  await runtime.close();
  logger.info("database is up to date");
});
