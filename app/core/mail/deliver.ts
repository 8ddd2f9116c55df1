// The body of `mail.send-message`: send one stored delivery and record the outcome.
// Idempotent: a delivery already sent is never sent again. A refusal the server calls
// temporary (4xx, or no answer) is recorded and rethrown so graphile-worker retries with
// its exponential backoff; a permanent one (5xx) or the last attempt marks it failed.
import type { Db } from "../db/client.ts";
import type { Logger } from "../logging/logger.ts";
import type { MailTransport } from "./transports.ts";

/** graphile-worker's backoff is exp(attempt) seconds: ten attempts span about 8½ hours. */
export const MAIL_MAX_ATTEMPTS = 10;

const MAX_ERROR_LENGTH = 2000;

/** nodemailer puts the SMTP reply code on its errors. */
function responseCodeOf(error: unknown): number | undefined {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" ? code : undefined;
}

/** Refusals no retry will change: SMTP 5xx replies (unknown mailbox, policy, message too big). */
export function isPermanentFailure(error: unknown): boolean {
  const code = responseCodeOf(error);
  return code !== undefined && code >= 500 && code < 600;
}

export function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = responseCodeOf(error);
  const text = code !== undefined && !message.includes(String(code)) ? `${code} ${message}` : message;
  return text.slice(0, MAX_ERROR_LENGTH);
}

export interface DeliverDeps {
  db: Db;
  transport: MailTransport;
  logger: Logger;
  now: () => Date;
}

/** Sends delivery `deliveryId` unless it is already sent; `attempt` is the job's attempt number (1 first). */
export async function deliverMessage(deps: DeliverDeps, options: { deliveryId: number; attempt: number }): Promise<void> {
  const { db, transport, logger } = deps;
  const delivery = await db.mailDelivery.findUnique({ where: { id: options.deliveryId } });
  if (!delivery) {
    logger.warn({ deliveryId: options.deliveryId }, "mail delivery no longer exists; nothing to send");
    return;
  }
  if (delivery.status === "sent") return;
  try {
    await transport.send({
      deliveryId: delivery.id,
      from: delivery.from,
      to: delivery.to,
      cc: delivery.cc,
      replyTo: delivery.replyTo,
      subject: delivery.subject,
      text: delivery.textBody,
      html: delivery.htmlBody,
      messageId: delivery.messageId,
    });
  } catch (error) {
    const final = isPermanentFailure(error) || options.attempt >= MAIL_MAX_ATTEMPTS;
    await db.mailDelivery.update({
      where: { id: delivery.id },
      data: { attempts: { increment: 1 }, lastError: describeFailure(error), status: final ? "failed" : "queued" },
    });
    logger.warn({ deliveryId: delivery.id, attempt: options.attempt, final, err: error }, final ? "mail delivery failed; giving up" : "mail delivery failed; will retry");
    if (final) return;
    throw error;
  }
  await db.mailDelivery.update({
    where: { id: delivery.id },
    data: { attempts: { increment: 1 }, status: "sent", sentAt: deps.now(), transport: transport.name },
  });
}
