// What a caller may ask the mailer to send, and the one job payload. Addresses are bare
// e-mail addresses (zod's check also keeps CR/LF, and so header injection, out).
import { z } from "zod";

const Address = z.email("must be an e-mail address").max(254);

/** `jobs/job-submitted` names templates/mail/jobs/job-submitted.{subject,txt,html}.njk. */
export const TEMPLATE_NAME = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*$/;

export const MailMessageSchema = z.object({
  to: z.union([Address, z.array(Address).min(1).max(50)]),
  template: z.string().max(100).regex(TEMPLATE_NAME, "must be a template name such as jobs/job-submitted"),
  /** Values the templates see; rendered when the message is queued, so ids and dates are fine. */
  context: z.record(z.string(), z.unknown()).default({}),
  replyTo: Address.optional(),
  cc: z.array(Address).max(50).default([]),
  /** Overrides MAIL_FROM (e.g. a team address). */
  from: Address.optional(),
});

export type MailMessageInput = z.input<typeof MailMessageSchema>;
export type MailMessage = z.infer<typeof MailMessageSchema>;

/** `mail.send-message`: the delivery id only; the task re-reads the row. */
export const SendMessagePayloadSchema = z.object({ deliveryId: z.number().int().positive() });

export const MAIL_STATUSES = ["queued", "sent", "failed"] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];
