-- CreateTable
CREATE TABLE "boxes" (
    "id" SERIAL NOT NULL,
    "label" VARCHAR(100) NOT NULL,
    "content" TEXT NOT NULL DEFAULT '',
    "content_markup_type" VARCHAR(30) NOT NULL DEFAULT 'markdown',
    "content_rendered" TEXT NOT NULL DEFAULT '',
    "creator_id" INTEGER,
    "last_modified_by_id" INTEGER,
    "created" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "boxes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "banners" (
    "id" SERIAL NOT NULL,
    "title" VARCHAR(1024) NOT NULL DEFAULT '',
    "message" VARCHAR(2048) NOT NULL DEFAULT '',
    "link" VARCHAR(1024) NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT false,
    "psf_pages_only" BOOLEAN NOT NULL DEFAULT true,
    "created" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "banners_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "boxes_label_key" ON "boxes"("label");

-- CreateIndex
CREATE INDEX "banners_active_idx" ON "banners"("active");
