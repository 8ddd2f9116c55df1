-- Outgoing mail: one row per message, rendered when queued and updated by the
-- `mail.send-message` task (app/core/mail). Without SMTP_URL this table is the outbox.

-- CreateTable
CREATE TABLE "mail_deliveries" (
    "id" SERIAL NOT NULL,
    "to" VARCHAR(2000) NOT NULL,
    "cc" VARCHAR(2000) NOT NULL DEFAULT '',
    "reply_to" VARCHAR(254) NOT NULL DEFAULT '',
    "from" VARCHAR(254) NOT NULL,
    "subject" VARCHAR(300) NOT NULL,
    "template" VARCHAR(100) NOT NULL,
    "text_body" TEXT NOT NULL,
    "html_body" TEXT,
    "status" VARCHAR(10) NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" VARCHAR(2000) NOT NULL DEFAULT '',
    "message_id" VARCHAR(255) NOT NULL,
    "transport" VARCHAR(10) NOT NULL DEFAULT '',
    "sent_at" TIMESTAMPTZ(6),
    "created" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mail_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "mail_deliveries_message_id_key" ON "mail_deliveries"("message_id");
CREATE INDEX "mail_deliveries_status_idx" ON "mail_deliveries"("status");
CREATE INDEX "mail_deliveries_created_idx" ON "mail_deliveries"("created");
