// `npm run mail:check -- --to <address> [--note <text>]`: queues the `mail-check` message
// and sends it at once, printing the outcome, so an operator can test SMTP_URL. The queued
// job stays; when the worker runs it, the delivery is already sent and is skipped.
import { parseArgs } from "node:util";
import { loadConfig } from "../app/core/config/config.ts";
import { createLogger } from "../app/core/logging/logger.ts";
import { buildRuntime } from "../app/deps.ts";

const { values } = parseArgs({ options: { to: { type: "string" }, note: { type: "string" } }, strict: true });
if (!values.to) {
  console.error("Usage: npm run mail:check -- --to <address> [--note <text>]");
  process.exit(2);
}
const config = loadConfig();
const logger = createLogger({ level: config.LOG_LEVEL, pretty: process.stdout.isTTY });
const runtime = await buildRuntime({ config, logger, worker: { mode: "external", isRunning: () => false } });
try {
  const { mailer, db } = runtime.deps;
  const queued = await mailer.send({ to: values.to, template: "mail-check", context: { note: values.note } });
  await mailer.deliverMessage({ deliveryId: queued.id, attempt: 1 }).catch(() => undefined);
  const delivery = await db.mailDelivery.findUniqueOrThrow({ where: { id: queued.id } });
  const via = delivery.status === "sent" ? ` via ${delivery.transport}` : "";
  const error = delivery.lastError ? `; last error: ${delivery.lastError}` : "";
  console.log(`delivery ${delivery.id}: ${delivery.status}${via}${error}`);
  process.exitCode = delivery.status === "sent" ? 0 : 1;
} finally {
  await runtime.close();
}
