-- The events domain (app/domains/events): calendars, categories, locations, events,
-- their occurring and recurring rules, alarms (legacy events_* tables, ids kept) and
-- the submissions staff review. Author columns are plain ids, as legacy's are nullable.

-- CreateTable
CREATE TABLE "event_calendars" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "slug" VARCHAR(50) NOT NULL,
    "description" VARCHAR(255) NOT NULL DEFAULT '',
    "url" VARCHAR(200) NOT NULL DEFAULT '',
    "rss" VARCHAR(200) NOT NULL DEFAULT '',
    "embed" VARCHAR(200) NOT NULL DEFAULT '',
    "twitter" VARCHAR(200) NOT NULL DEFAULT '',
    "last_import_at" TIMESTAMPTZ(6),
    "last_import_ok_at" TIMESTAMPTZ(6),
    "last_import_error" VARCHAR(2000) NOT NULL DEFAULT '',
    "last_import_created" INTEGER NOT NULL DEFAULT 0,
    "last_import_updated" INTEGER NOT NULL DEFAULT 0,
    "last_import_removed" INTEGER NOT NULL DEFAULT 0,
    "creator_id" INTEGER,
    "last_modified_by_id" INTEGER,
    "created" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_calendars_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_categories" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "slug" VARCHAR(200) NOT NULL,
    "calendar_id" INTEGER,

    CONSTRAINT "event_categories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_locations" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(255) NOT NULL,
    "address" VARCHAR(255) NOT NULL DEFAULT '',
    "url" VARCHAR(200) NOT NULL DEFAULT '',
    "calendar_id" INTEGER,

    CONSTRAINT "event_locations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "events" (
    "id" SERIAL NOT NULL,
    "uid" VARCHAR(200),
    "title" VARCHAR(200) NOT NULL,
    "calendar_id" INTEGER NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "description_markup_type" VARCHAR(30) NOT NULL DEFAULT 'restructuredtext',
    "description_rendered" TEXT NOT NULL DEFAULT '',
    "venue_id" INTEGER,
    "featured" BOOLEAN NOT NULL DEFAULT false,
    "creator_id" INTEGER,
    "last_modified_by_id" INTEGER,
    "created" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_category_links" (
    "event_id" INTEGER NOT NULL,
    "category_id" INTEGER NOT NULL,

    CONSTRAINT "event_category_links_pkey" PRIMARY KEY ("event_id","category_id")
);

-- CreateTable
CREATE TABLE "event_occurring_rules" (
    "id" SERIAL NOT NULL,
    "event_id" INTEGER NOT NULL,
    "dt_start" TIMESTAMPTZ(6) NOT NULL,
    "dt_end" TIMESTAMPTZ(6) NOT NULL,
    "all_day" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "event_occurring_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_recurring_rules" (
    "id" SERIAL NOT NULL,
    "event_id" INTEGER NOT NULL,
    "begin" TIMESTAMPTZ(6) NOT NULL,
    "finish" TIMESTAMPTZ(6) NOT NULL,
    "duration" VARCHAR(50) NOT NULL DEFAULT '15 min',
    "duration_seconds" INTEGER NOT NULL DEFAULT 900,
    "interval" INTEGER NOT NULL DEFAULT 1,
    "frequency" INTEGER NOT NULL DEFAULT 2,
    "all_day" BOOLEAN NOT NULL DEFAULT false,
    "rrule" VARCHAR(500) NOT NULL DEFAULT '',
    "exdates" TIMESTAMPTZ(6)[] NOT NULL DEFAULT ARRAY[]::TIMESTAMPTZ(6)[],

    CONSTRAINT "event_recurring_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_alarms" (
    "id" SERIAL NOT NULL,
    "event_id" INTEGER NOT NULL,
    "trigger" INTEGER NOT NULL DEFAULT 24,
    "creator_id" INTEGER,
    "last_modified_by_id" INTEGER,
    "created" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_alarms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_submissions" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER,
    "submitter_email" VARCHAR(254) NOT NULL DEFAULT '',
    "event_name" VARCHAR(200) NOT NULL,
    "event_type" VARCHAR(200) NOT NULL,
    "python_focus" VARCHAR(200) NOT NULL,
    "expected_attendees" VARCHAR(100) NOT NULL,
    "location" VARCHAR(255) NOT NULL,
    "date_from" DATE NOT NULL,
    "date_to" DATE NOT NULL,
    "recurrence" VARCHAR(200) NOT NULL,
    "link" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL,
    "status" VARCHAR(10) NOT NULL DEFAULT 'pending',
    "event_id" INTEGER,
    "created" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_submissions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "event_calendars_slug_key" ON "event_calendars"("slug");
CREATE UNIQUE INDEX "event_categories_slug_key" ON "event_categories"("slug");
CREATE INDEX "event_categories_calendar_id_idx" ON "event_categories"("calendar_id");
CREATE INDEX "event_locations_calendar_id_idx" ON "event_locations"("calendar_id");
CREATE INDEX "events_calendar_id_idx" ON "events"("calendar_id");
CREATE INDEX "events_venue_id_idx" ON "events"("venue_id");
CREATE INDEX "events_featured_idx" ON "events"("featured");
CREATE INDEX "events_uid_idx" ON "events"("uid");
CREATE INDEX "event_category_links_category_id_idx" ON "event_category_links"("category_id");
CREATE UNIQUE INDEX "event_occurring_rules_event_id_key" ON "event_occurring_rules"("event_id");
CREATE INDEX "event_occurring_rules_dt_start_idx" ON "event_occurring_rules"("dt_start");
CREATE INDEX "event_occurring_rules_dt_end_idx" ON "event_occurring_rules"("dt_end");
CREATE INDEX "event_recurring_rules_event_id_idx" ON "event_recurring_rules"("event_id");
CREATE INDEX "event_recurring_rules_finish_idx" ON "event_recurring_rules"("finish");
CREATE INDEX "event_recurring_rules_begin_idx" ON "event_recurring_rules"("begin");
CREATE INDEX "event_alarms_event_id_idx" ON "event_alarms"("event_id");
CREATE INDEX "event_submissions_status_idx" ON "event_submissions"("status");

-- AddForeignKey
ALTER TABLE "event_categories" ADD CONSTRAINT "event_categories_calendar_id_fkey" FOREIGN KEY ("calendar_id") REFERENCES "event_calendars"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "event_locations" ADD CONSTRAINT "event_locations_calendar_id_fkey" FOREIGN KEY ("calendar_id") REFERENCES "event_calendars"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "events" ADD CONSTRAINT "events_calendar_id_fkey" FOREIGN KEY ("calendar_id") REFERENCES "event_calendars"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "events" ADD CONSTRAINT "events_venue_id_fkey" FOREIGN KEY ("venue_id") REFERENCES "event_locations"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "event_category_links" ADD CONSTRAINT "event_category_links_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "event_category_links" ADD CONSTRAINT "event_category_links_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "event_categories"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "event_occurring_rules" ADD CONSTRAINT "event_occurring_rules_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "event_recurring_rules" ADD CONSTRAINT "event_recurring_rules_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "event_alarms" ADD CONSTRAINT "event_alarms_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
