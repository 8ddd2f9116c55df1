// The outbox at /admin/mail/maildelivery/: every message the site queued, its status,
// tries and last error, searchable by recipient, with the text body on the detail page.
// Read-only: rows are written by the mailer; "retry" (change permission) re-queues failed ones.
import { z } from "zod";
import { defineAdminResource } from "../admin/index.ts";
import { AppError, toAppError } from "../errors.ts";
import type { Mailer } from "./mailer.ts";
import { DELIVERY_SORT_FIELDS, type DeliverySortField, type DeliveryView } from "./outbox.ts";
import { MAIL_STATUSES, type MailStatus } from "./schemas.ts";

const FIELDS = [
  { name: "to", label: "To" },
  { name: "cc", label: "Cc" },
  { name: "replyTo", label: "Reply to" },
  { name: "from", label: "From" },
  { name: "subject", label: "Subject" },
  { name: "template", label: "Template" },
  { name: "status", label: "Status" },
  { name: "attempts", label: "Attempts" },
  { name: "lastError", label: "Last error", widget: "textarea" as const },
  { name: "transport", label: "Sent through" },
  { name: "messageId", label: "Message-ID" },
  { name: "created", label: "Queued at" },
  { name: "sentAt", label: "Sent at" },
  { name: "textBody", label: "Text body", widget: "textarea" as const },
  { name: "htmlBody", label: "HTML body (source)", widget: "textarea" as const },
].map((field) => ({ widget: "text" as const, ...field }));

const READ_ONLY = FIELDS.map((field) => field.name);
const NO_INPUT = z.object({}) as unknown as z.ZodType<Record<string, never>>;

const sortField = (field: string): DeliverySortField => ((DELIVERY_SORT_FIELDS as readonly string[]).includes(field) ? (field as DeliverySortField) : "created");
const statusFilter = (value: string | undefined): MailStatus | undefined => ((MAIL_STATUSES as readonly string[]).includes(value ?? "") ? (value as MailStatus) : undefined);

function refuse(): never {
  throw new AppError("FORBIDDEN", "Mail deliveries are written by the mailer; they cannot be added, changed or deleted here.");
}

/** The admin registration of the outbox (permission `mail.view_maildelivery` to read it). */
export function mailOutboxAdmin(mailer: Pick<Mailer, "outbox">) {
  const { outbox } = mailer;
  return defineAdminResource<DeliveryView, Record<string, never>>({
    appLabel: "mail",
    model: "maildelivery",
    verboseName: "mail delivery",
    verboseNamePlural: "mail deliveries",
    listColumns: [
      { name: "to", label: "To", value: (row) => row.to, sortable: true },
      { name: "subject", label: "Subject", value: (row) => row.subject, sortable: true },
      { name: "template", label: "Template", value: (row) => row.template, sortable: true },
      { name: "status", label: "Status", value: (row) => row.status, sortable: true },
      { name: "attempts", label: "Attempts", value: (row) => row.attempts, sortable: true },
      { name: "lastError", label: "Last error", value: (row) => row.lastError.slice(0, 120) },
      { name: "created", label: "Queued", value: (row) => row.created, sortable: true },
      { name: "sentAt", label: "Sent", value: (row) => row.sentAt, sortable: true },
    ],
    searchFields: ["to", "cc", "subject"],
    filters: [{ name: "status", label: "Status", choices: MAIL_STATUSES.map((status) => ({ value: status, label: status })) }],
    defaultOrdering: "-created",
    perPage: 100,
    form: { schema: NO_INPUT, fields: FIELDS },
    lockedFields: () => READ_ONLY,
    bulkActions: [
      {
        name: "retry",
        label: "Retry selected failed deliveries",
        permission: "change",
        run: ({ ids, onWrite }) => outbox.retryDeliveries({ ids, onWrite }),
      },
    ],
    async list({ query }) {
      const { items, total } = await outbox.searchDeliveries({
        q: query.search,
        status: statusFilter(query.filters.status),
        orderBy: { field: sortField(query.ordering.field), direction: query.ordering.direction },
        offset: query.offset,
        limit: query.limit,
      });
      return { rows: items, total };
    },
    async load({ id }) {
      return outbox.getDelivery({ id }).catch((error: unknown) => {
        if (toAppError(error)?.code === "NOT_FOUND") return null;
        throw error;
      });
    },
    create: refuse,
    update: refuse,
    delete: refuse,
    toFormValues: (row) => ({
      to: row.to,
      cc: row.cc,
      replyTo: row.replyTo,
      from: row.from,
      subject: row.subject,
      template: row.template,
      status: row.status,
      attempts: String(row.attempts),
      lastError: row.lastError,
      transport: row.transport,
      messageId: row.messageId,
      created: row.created.toISOString(),
      sentAt: row.sentAt?.toISOString() ?? "",
      textBody: row.textBody,
      htmlBody: row.htmlBody ?? "",
    }),
    idOf: (row) => row.id,
    toRepr: (row) => `${row.subject} → ${row.to}`.slice(0, 200),
    toAuditSnapshot: (row) => ({ to: row.to, subject: row.subject, template: row.template, status: row.status, attempts: row.attempts }),
  });
}
