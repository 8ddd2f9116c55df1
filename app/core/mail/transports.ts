// Where a rendered message goes: an SMTP server (nodemailer) when SMTP_URL is set,
// otherwise nowhere but the delivery table itself (the outbox) and an info log line.
import nodemailer from "nodemailer";
import type { Logger } from "../logging/logger.ts";

export interface OutgoingMail {
  deliveryId: number;
  from: string;
  to: string;
  cc: string;
  replyTo: string;
  subject: string;
  text: string;
  html: string | null;
  messageId: string;
}

export interface MailTransport {
  /** Stored on the delivery once sent: "smtp" or "outbox". */
  name: "smtp" | "outbox";
  /** Resolves once the message is accepted; throws (with nodemailer's `responseCode` for SMTP) when refused. */
  send(mail: OutgoingMail): Promise<void>;
  close(): Promise<void>;
}

/** Sends through the SMTP server at `url` (smtp:// upgrades with STARTTLS when offered; smtps:// is TLS). */
export function createSmtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    name: "smtp",
    async send(mail) {
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        cc: mail.cc || undefined,
        replyTo: mail.replyTo || undefined,
        subject: mail.subject,
        text: mail.text,
        html: mail.html ?? undefined,
        messageId: mail.messageId,
      });
    },
    async close() {
      transporter.close();
    },
  };
}

/** Keeps messages in the delivery table (the admin's outbox) and logs each one. */
export function createOutboxTransport(logger: Logger): MailTransport {
  return {
    name: "outbox",
    async send(mail) {
      logger.info({ deliveryId: mail.deliveryId, to: mail.to, subject: mail.subject }, "mail kept in the outbox (SMTP_URL is not set)");
    },
    async close() {},
  };
}

/** The transport the configuration asks for. */
export function createMailTransport(config: { SMTP_URL?: string }, logger: Logger): MailTransport {
  return config.SMTP_URL ? createSmtpTransport(config.SMTP_URL) : createOutboxTransport(logger);
}
