// `npm run legacy:migrate -- --from <postgres-url>`: copies the legacy python.org
// database into DATABASE_URL (or the embedded database), printing progress on stderr and
// the per-table report on stdout. Exits non-zero with one line on failure.
import { runCommand } from "../app/core/cli/failure.ts";
import { loadConfig } from "../app/core/config/config.ts";
import { LEGACY_MIGRATE_USAGE, parseLegacyMigrateArgs } from "../app/core/legacy/cli.ts";
import { legacyMigratorsOf } from "../app/core/modules/index.ts";
import { DOMAIN_MODULES } from "../app/domains/index.ts";
import { progressFor } from "../app/core/legacy/progress.ts";
import { formatReport } from "../app/core/legacy/report.ts";
import { runLegacyMigration } from "../app/core/legacy/runner.ts";
import { createLogger } from "../app/core/logging/logger.ts";
import { buildRuntime } from "../app/deps.ts";

async function main(): Promise<void> {
  const args = parseLegacyMigrateArgs(process.argv.slice(2));
  if (args === "help") {
    process.stdout.write(`${LEGACY_MIGRATE_USAGE}\n`);
    return;
  }
  const config = loadConfig();
  // Only warnings: the progress bar and the report are this command's output.
  const logger = createLogger({ level: "warn" });
  const runtime = await buildRuntime({ config, logger, worker: { mode: "external", isRunning: () => false }, migrate: true });
  try {
    const report = await runLegacyMigration({
      sourceUrl: args.from,
      targetUrl: runtime.databaseUrl,
      migrators: legacyMigratorsOf(DOMAIN_MODULES),
      only: args.only,
      dryRun: args.dryRun,
      batchSize: args.batchSize,
      progress: progressFor(process.stderr),
    });
    process.stdout.write(`${formatReport(report)}\n`);
  } finally {
    await runtime.close();
  }
}

await runCommand("legacy:migrate", main);
