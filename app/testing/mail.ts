// Test helpers for mail: the outbox is the delivery table, so a test reads what the site
// sent (after `ctx.drainJobs()`, status "sent") without an SMTP server.
import type { Db } from "../core/db/client.ts";
import { DELIVERY_SELECT, type DeliveryView } from "../core/mail/index.ts";

/** Every delivery, oldest first. */
export async function readOutbox(db: Db): Promise<DeliveryView[]> {
  return db.mailDelivery.findMany({ select: DELIVERY_SELECT, orderBy: { id: "asc" } });
}

/** The newest delivery whose To or Cc holds `address` (case-insensitive), or undefined. */
export async function lastMessageTo(db: Db, address: string): Promise<DeliveryView | undefined> {
  const wanted = address.toLowerCase();
  const rows = await readOutbox(db);
  const holds = (list: string) => list.split(", ").some((entry) => entry.toLowerCase() === wanted);
  return rows.reverse().find((row) => holds(row.to) || holds(row.cc));
}

/** Makes every waiting job due now, so a retry scheduled with backoff runs on the next drain (no sleeping). */
export async function makeJobsDue(db: Db): Promise<void> {
  await db.$executeRawUnsafe(`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE locked_at IS NULL AND attempts < max_attempts`);
}

export interface PendingMailJob {
  payload: unknown;
  key: string | null;
  attempts: number;
  max_attempts: number;
  run_at: Date;
  last_error: string | null;
}

/** The `mail.send-message` jobs still waiting (graphile-worker's own table: its view omits the payload). */
export async function pendingMailJobs(db: Db): Promise<PendingMailJob[]> {
  return db.$queryRaw`
    SELECT j.payload, j.key, j.attempts, j.max_attempts, j.run_at, j.last_error
    FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE t.identifier = 'mail.send-message' ORDER BY j.id`;
}
