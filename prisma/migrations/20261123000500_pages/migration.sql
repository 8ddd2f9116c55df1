-- CMS pages with their images and documents (legacy pages_page, pages_image,
-- pages_documentfile; ids and paths kept on migration), the link checker's findings, and
-- the foreign key from releases to the CMS page holding old release notes.

-- CreateTable
CREATE TABLE "pages" (
    "id" SERIAL NOT NULL,
    "title" VARCHAR(500) NOT NULL,
    "keywords" VARCHAR(1000) NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "path" VARCHAR(500) NOT NULL,
    "content" TEXT NOT NULL DEFAULT '',
    "content_markup_type" VARCHAR(30) NOT NULL DEFAULT 'restructuredtext',
    "content_rendered" TEXT NOT NULL DEFAULT '',
    "is_published" BOOLEAN NOT NULL DEFAULT true,
    "content_type" VARCHAR(150) NOT NULL DEFAULT 'text/html',
    "template_name" VARCHAR(100) NOT NULL DEFAULT '',
    "creator_id" INTEGER,
    "last_modified_by_id" INTEGER,
    "created" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "page_images" (
    "id" SERIAL NOT NULL,
    "page_id" INTEGER NOT NULL,
    "file" VARCHAR(400) NOT NULL,
    "content_type" VARCHAR(100) NOT NULL DEFAULT '',
    "size" INTEGER NOT NULL DEFAULT 0,
    "created" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "page_images_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "page_documents" (
    "id" SERIAL NOT NULL,
    "page_id" INTEGER NOT NULL,
    "file" VARCHAR(500) NOT NULL,
    "content_type" VARCHAR(100) NOT NULL DEFAULT '',
    "size" INTEGER NOT NULL DEFAULT 0,
    "created" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "page_documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "link_checks" (
    "id" SERIAL NOT NULL,
    "source_type" VARCHAR(10) NOT NULL,
    "source_id" INTEGER NOT NULL,
    "source_label" VARCHAR(500) NOT NULL,
    "source_url" VARCHAR(1000) NOT NULL,
    "target" VARCHAR(2000) NOT NULL,
    "internal" BOOLEAN NOT NULL,
    "status" INTEGER,
    "ok" BOOLEAN NOT NULL,
    "error" VARCHAR(500) NOT NULL DEFAULT '',
    "checked_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "link_checks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "pages_path_key" ON "pages"("path");
CREATE INDEX "pages_is_published_idx" ON "pages"("is_published");
CREATE INDEX "pages_creator_id_idx" ON "pages"("creator_id");
CREATE INDEX "pages_last_modified_by_id_idx" ON "pages"("last_modified_by_id");
CREATE INDEX "page_images_page_id_idx" ON "page_images"("page_id");
CREATE INDEX "page_documents_page_id_idx" ON "page_documents"("page_id");
CREATE INDEX "link_checks_ok_idx" ON "link_checks"("ok");
CREATE INDEX "link_checks_source_type_source_id_idx" ON "link_checks"("source_type", "source_id");

-- AddForeignKey
ALTER TABLE "pages" ADD CONSTRAINT "pages_creator_id_fkey" FOREIGN KEY ("creator_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "pages" ADD CONSTRAINT "pages_last_modified_by_id_fkey" FOREIGN KEY ("last_modified_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "page_images" ADD CONSTRAINT "page_images_page_id_fkey" FOREIGN KEY ("page_id") REFERENCES "pages"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "page_documents" ADD CONSTRAINT "page_documents_page_id_fkey" FOREIGN KEY ("page_id") REFERENCES "pages"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- Legacy downloads_release.release_page (apps/downloads/models.py); the column came with
-- the downloads migration, the constraint comes with the table it points to.
ALTER TABLE "releases" ADD CONSTRAINT "releases_release_page_id_fkey" FOREIGN KEY ("release_page_id") REFERENCES "pages"("id") ON DELETE SET NULL ON UPDATE CASCADE;
