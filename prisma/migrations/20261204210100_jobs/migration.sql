-- The job board (app/domains/jobs): job types, categories, jobs with their types, and
-- review comments (legacy jobs_jobtype, jobs_jobcategory, jobs_job, jobs_job_job_types,
-- jobs_jobreviewcomment; ids kept on migration).

-- CreateTable
CREATE TABLE "job_types" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "slug" VARCHAR(200) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "job_types_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_categories" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "slug" VARCHAR(200) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "job_categories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "jobs" (
    "id" SERIAL NOT NULL,
    "job_title" VARCHAR(100) NOT NULL,
    "company_name" VARCHAR(100),
    "company_description" TEXT NOT NULL DEFAULT '',
    "company_description_markup_type" VARCHAR(30) NOT NULL DEFAULT 'markdown',
    "company_description_rendered" TEXT NOT NULL DEFAULT '',
    "category_id" INTEGER NOT NULL,
    "other_job_type" VARCHAR(100) NOT NULL DEFAULT '',
    "city" VARCHAR(100) NOT NULL,
    "region" VARCHAR(100) NOT NULL DEFAULT '',
    "country" VARCHAR(100) NOT NULL,
    "location_slug" VARCHAR(350) NOT NULL DEFAULT '',
    "country_slug" VARCHAR(100) NOT NULL DEFAULT '',
    "description" TEXT NOT NULL,
    "description_markup_type" VARCHAR(30) NOT NULL DEFAULT 'markdown',
    "description_rendered" TEXT NOT NULL DEFAULT '',
    "requirements" TEXT NOT NULL,
    "requirements_markup_type" VARCHAR(30) NOT NULL DEFAULT 'markdown',
    "requirements_rendered" TEXT NOT NULL DEFAULT '',
    "contact" VARCHAR(100),
    "email" VARCHAR(254) NOT NULL,
    "url" VARCHAR(200),
    "status" VARCHAR(20) NOT NULL DEFAULT 'draft',
    "telecommuting" BOOLEAN NOT NULL DEFAULT false,
    "agencies" BOOLEAN NOT NULL DEFAULT true,
    "is_featured" BOOLEAN NOT NULL DEFAULT false,
    "expires" TIMESTAMPTZ(6),
    "submitted_by_id" INTEGER,
    "creator_id" INTEGER,
    "last_modified_by_id" INTEGER,
    "created" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_job_types" (
    "job_id" INTEGER NOT NULL,
    "job_type_id" INTEGER NOT NULL,

    CONSTRAINT "job_job_types_pkey" PRIMARY KEY ("job_id","job_type_id")
);

-- CreateTable
CREATE TABLE "job_review_comments" (
    "id" SERIAL NOT NULL,
    "job_id" INTEGER NOT NULL,
    "comment" TEXT NOT NULL,
    "comment_markup_type" VARCHAR(30) NOT NULL DEFAULT 'markdown',
    "comment_rendered" TEXT NOT NULL DEFAULT '',
    "creator_id" INTEGER,
    "last_modified_by_id" INTEGER,
    "created" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "job_review_comments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "job_types_slug_key" ON "job_types"("slug");
CREATE UNIQUE INDEX "job_categories_slug_key" ON "job_categories"("slug");
CREATE INDEX "jobs_status_expires_idx" ON "jobs"("status", "expires");
CREATE INDEX "jobs_created_idx" ON "jobs"("created");
CREATE INDEX "jobs_category_id_idx" ON "jobs"("category_id");
CREATE INDEX "jobs_location_slug_idx" ON "jobs"("location_slug");
CREATE INDEX "jobs_is_featured_idx" ON "jobs"("is_featured");
CREATE INDEX "jobs_submitted_by_id_idx" ON "jobs"("submitted_by_id");
CREATE INDEX "jobs_creator_id_idx" ON "jobs"("creator_id");
CREATE INDEX "jobs_last_modified_by_id_idx" ON "jobs"("last_modified_by_id");
CREATE INDEX "job_job_types_job_type_id_idx" ON "job_job_types"("job_type_id");
CREATE INDEX "job_review_comments_job_id_created_idx" ON "job_review_comments"("job_id", "created");
CREATE INDEX "job_review_comments_creator_id_idx" ON "job_review_comments"("creator_id");
CREATE INDEX "job_review_comments_last_modified_by_id_idx" ON "job_review_comments"("last_modified_by_id");

-- AddForeignKey
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "job_categories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_submitted_by_id_fkey" FOREIGN KEY ("submitted_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_creator_id_fkey" FOREIGN KEY ("creator_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_last_modified_by_id_fkey" FOREIGN KEY ("last_modified_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "job_job_types" ADD CONSTRAINT "job_job_types_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "job_job_types" ADD CONSTRAINT "job_job_types_job_type_id_fkey" FOREIGN KEY ("job_type_id") REFERENCES "job_types"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "job_review_comments" ADD CONSTRAINT "job_review_comments_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "job_review_comments" ADD CONSTRAINT "job_review_comments_creator_id_fkey" FOREIGN KEY ("creator_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "job_review_comments" ADD CONSTRAINT "job_review_comments_last_modified_by_id_fkey" FOREIGN KEY ("last_modified_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
