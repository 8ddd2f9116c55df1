// `npm run search:reindex`: rebuilds the configured search index from every domain's
// search source without downtime (documents go into a new index that replaces the
// live one only when complete).
import { runCommand } from "../app/core/cli/failure.ts";
import { loadConfig } from "../app/core/config/config.ts";
import { createLogger } from "../app/core/logging/logger.ts";
import { allDocuments } from "../app/core/search/sources.ts";
import { buildRuntime } from "../app/deps.ts";

await runCommand("search:reindex", async () => {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL, pretty: process.stdout.isTTY });
  const runtime = await buildRuntime({ config, logger, worker: { mode: "external", isRunning: () => false } });
  try {
    const sources = runtime.registry.searchSources();
    const started = performance.now();
    const { documents } = await runtime.deps.search.rebuild(allDocuments(sources));
    logger.info(
      { backend: runtime.deps.search.kind, sources: sources.map((source) => source.type), documents, ms: Math.round(performance.now() - started) },
      "search index rebuilt",
    );
  } finally {
    await runtime.close();
  }
});
