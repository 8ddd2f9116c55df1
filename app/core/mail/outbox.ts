// Reading the delivery table for the admin's outbox, and putting failed deliveries back
// in the queue. Rows are written only here and in deliver.ts / mailer.ts.
import type { Db } from "../db/client.ts";
import type { Tx, WriteHook } from "../db/write-hook.ts";
import { AppError } from "../errors.ts";
import type { MailStatus } from "./schemas.ts";

export const DELIVERY_SELECT = {
  id: true,
  to: true,
  cc: true,
  replyTo: true,
  from: true,
  subject: true,
  template: true,
  textBody: true,
  htmlBody: true,
  status: true,
  attempts: true,
  lastError: true,
  messageId: true,
  transport: true,
  sentAt: true,
  created: true,
} as const;

export interface DeliveryView {
  id: number;
  to: string;
  cc: string;
  replyTo: string;
  from: string;
  subject: string;
  template: string;
  textBody: string;
  htmlBody: string | null;
  status: string;
  attempts: number;
  lastError: string;
  messageId: string;
  transport: string;
  sentAt: Date | null;
  created: Date;
}

export const DELIVERY_SORT_FIELDS = ["id", "to", "subject", "template", "status", "attempts", "sentAt", "created"] as const;
export type DeliverySortField = (typeof DELIVERY_SORT_FIELDS)[number];

export interface MailOutboxDeps {
  db: Db;
  /** Queues the send job for a delivery inside `tx` (mailer.ts owns the job options). */
  enqueue(tx: Tx, deliveryId: number): Promise<void>;
}

/** Reads and re-queues deliveries; see createMailer for sending. */
export function createMailOutbox(deps: MailOutboxDeps) {
  const { db } = deps;

  /** One page of deliveries, newest first unless told otherwise; `q` matches recipients (To and Cc) and subject. */
  async function searchDeliveries(options: { q?: string; status?: MailStatus; orderBy?: { field: DeliverySortField; direction: "asc" | "desc" }; offset: number; limit: number }) {
    const q = options.q?.trim();
    const where = {
      ...(options.status ? { status: options.status } : {}),
      ...(q ? { OR: (["to", "cc", "subject"] as const).map((field) => ({ [field]: { contains: q, mode: "insensitive" as const } })) } : {}),
    };
    const order = options.orderBy ?? { field: "created", direction: "desc" };
    const [items, total] = await Promise.all([
      db.mailDelivery.findMany({
        where,
        select: DELIVERY_SELECT,
        orderBy: [{ [order.field]: order.direction }, { id: order.direction }],
        skip: options.offset,
        take: options.limit,
      }),
      db.mailDelivery.count({ where }),
    ]);
    return { items: items as DeliveryView[], total };
  }

  /** The delivery with this id; NOT_FOUND when there is none. */
  async function getDelivery(options: { id: number }): Promise<DeliveryView> {
    const row = await db.mailDelivery.findUnique({ where: { id: options.id }, select: DELIVERY_SELECT });
    if (!row) throw new AppError("NOT_FOUND", `There is no mail delivery with id ${options.id}.`);
    return row;
  }

  /**
   * Puts each failed delivery among `ids` back in the queue (status queued, a fresh job with
   * fresh retries) in one transaction; others are left alone. Returns how many were queued.
   */
  async function retryDeliveries(options: { ids: number[]; onWrite?: WriteHook<DeliveryView> }): Promise<number> {
    return db.$transaction(async (tx) => {
      let count = 0;
      for (const id of options.ids) {
        // The status guard makes a double-clicked retry queue the message once.
        const { count: changed } = await tx.mailDelivery.updateMany({ where: { id, status: "failed" }, data: { status: "queued" } });
        if (changed === 0) continue;
        const after = await tx.mailDelivery.findUniqueOrThrow({ where: { id }, select: DELIVERY_SELECT });
        await deps.enqueue(tx, id);
        await options.onWrite?.(tx, { before: { ...after, status: "failed" }, after });
        count += 1;
      }
      return count;
    });
  }

  return { searchDeliveries, getDelivery, retryDeliveries };
}

export type MailOutbox = ReturnType<typeof createMailOutbox>;
