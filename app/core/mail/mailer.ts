// The site's mailer (`deps.mailer`). Sending a message renders it at once — so a bad
// template fails the caller, not a job hours later, and the delivery row shows the real
// subject — stores it as a `MailDelivery` and queues `mail.send-message`, all in one
// transaction: a rolled-back write leaves neither a row nor a job, and a committed one
// always has both.
import { ROOT_DIR } from "../root-dir.ts";
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Db } from "../db/client.ts";
import type { Tx } from "../db/write-hook.ts";
import { AppError } from "../errors.ts";
import { fieldErrors } from "../http/validate.ts";
import type { JobQueue } from "../jobs/types.ts";
import type { Logger } from "../logging/logger.ts";
import { deliverMessage, MAIL_MAX_ATTEMPTS } from "./deliver.ts";
import { createMailOutbox, type MailOutbox } from "./outbox.ts";
import { createMailRenderer } from "./render.ts";
import { type MailMessageInput, MailMessageSchema } from "./schemas.ts";
import { createMailTransport, type MailTransport } from "./transports.ts";

export const SEND_MESSAGE_TASK = "mail.send-message";

const DEFAULT_TEMPLATES_DIR = path.join(ROOT_DIR, "templates");

export interface QueuedMail {
  id: number;
  subject: string;
  messageId: string;
}

export interface Mailer {
  /** Renders, records and queues one message in its own transaction. */
  send(message: MailMessageInput): Promise<QueuedMail>;
  /** Renders, records and queues one message inside `tx`: nothing is kept unless it commits. */
  sendWith(tx: Tx, message: MailMessageInput): Promise<QueuedMail>;
  /** Sends one queued delivery now (the `mail.send-message` task). */
  deliverMessage(options: { deliveryId: number; attempt: number }): Promise<void>;
  /** The delivery table, as the admin's outbox reads it. */
  outbox: MailOutbox;
  close(): Promise<void>;
}

export interface MailerDeps {
  db: Db;
  jobs: JobQueue;
  logger: Logger;
  config: { MAIL_FROM: string; SITE_URL: string; SMTP_URL?: string };
  /** The folder holding `mail/`; defaults to the repository's templates. */
  templatesDir?: string;
  /** Defaults to SMTP when `SMTP_URL` is set, else the outbox. */
  transport?: MailTransport;
  now?: () => Date;
}

/** A Message-ID under the sender's domain, fixed before the first attempt. */
function newMessageId(from: string): string {
  return `<${randomUUID()}@${from.slice(from.lastIndexOf("@") + 1)}>`;
}

/** Builds the mailer; only entry points and tests call this. */
export function createMailer(deps: MailerDeps): Mailer {
  const renderer = createMailRenderer({ templatesDir: deps.templatesDir ?? DEFAULT_TEMPLATES_DIR, siteUrl: deps.config.SITE_URL });
  const transport = deps.transport ?? createMailTransport(deps.config, deps.logger);
  const now = deps.now ?? (() => new Date());
  const enqueue = (tx: Tx, deliveryId: number) => deps.jobs.addWith(tx, SEND_MESSAGE_TASK, { deliveryId }, { jobKey: `mail:${deliveryId}`, maxAttempts: MAIL_MAX_ATTEMPTS });

  async function sendWith(tx: Tx, input: MailMessageInput): Promise<QueuedMail> {
    const parsed = MailMessageSchema.safeParse(input);
    if (!parsed.success) throw new AppError("VALIDATION", "The mail message is invalid.", { fields: fieldErrors(parsed.error) });
    const message = parsed.data;
    const rendered = renderer.renderMail(message.template, message.context);
    const from = message.from ?? deps.config.MAIL_FROM;
    const delivery = await tx.mailDelivery.create({
      data: {
        to: [message.to].flat().join(", "),
        cc: message.cc.join(", "),
        replyTo: message.replyTo ?? "",
        from,
        subject: rendered.subject,
        template: message.template,
        textBody: rendered.text,
        htmlBody: rendered.html,
        messageId: newMessageId(from),
      },
      select: { id: true, subject: true, messageId: true },
    });
    await enqueue(tx, delivery.id);
    return delivery;
  }

  return {
    sendWith,
    send: (message) => deps.db.$transaction((tx) => sendWith(tx, message)),
    deliverMessage: (options) => deliverMessage({ db: deps.db, transport, logger: deps.logger, now }, options),
    outbox: createMailOutbox({ db: deps.db, enqueue }),
    close: () => transport.close(),
  };
}
