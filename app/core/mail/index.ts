// The mail machinery's public surface: domains send through `deps.mailer` (send / sendWith).
export { createMailer, SEND_MESSAGE_TASK, type Mailer, type MailerDeps, type QueuedMail } from "./mailer.ts";
export { mailTasks } from "./jobs.ts";
export { mailOutboxAdmin } from "./admin.ts";
export { createMailTransport, createOutboxTransport, createSmtpTransport, type MailTransport, type OutgoingMail } from "./transports.ts";
export { MAIL_MAX_ATTEMPTS } from "./deliver.ts";
export { DELIVERY_SELECT, type DeliveryView } from "./outbox.ts";
export type { MailMessageInput } from "./schemas.ts";
