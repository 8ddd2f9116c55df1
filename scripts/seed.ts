// `npm run seed`: loads the demo content into the configured database (idempotent).
import { runCommand } from "../app/core/cli/failure.ts";
import { loadConfig } from "../app/core/config/config.ts";
import { createLogger } from "../app/core/logging/logger.ts";
import { buildRuntime } from "../app/deps.ts";

await runCommand("seed", async () => {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL, pretty: process.stdout.isTTY });
  const runtime = await buildRuntime({ config, logger, worker: { mode: "external", isRunning: () => false } });
  try {
    const summary = await runtime.registry.seed();
    logger.info(summary, "seeded demo content");
  } finally {
    await runtime.close();
  }
});
