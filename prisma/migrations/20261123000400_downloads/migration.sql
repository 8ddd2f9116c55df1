-- Downloads: operating systems, releases, release files (legacy downloads_os,
-- downloads_release, downloads_releasefile, ids kept on migration) and the release cycle
-- editors maintain per minor version. Extra constraints Prisma cannot express are at the end.

-- CreateTable
CREATE TABLE "operating_systems" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "slug" VARCHAR(200) NOT NULL,
    "creator_id" INTEGER,
    "last_modified_by_id" INTEGER,
    "created" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "operating_systems_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "releases" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "slug" VARCHAR(200) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 3,
    "is_latest" BOOLEAN NOT NULL DEFAULT false,
    "is_published" BOOLEAN NOT NULL DEFAULT false,
    "pre_release" BOOLEAN NOT NULL DEFAULT false,
    "show_on_download_page" BOOLEAN NOT NULL DEFAULT true,
    "release_date" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "release_page_id" INTEGER,
    "release_notes_url" VARCHAR(200) NOT NULL DEFAULT '',
    "content" TEXT NOT NULL DEFAULT '',
    "content_markup_type" VARCHAR(30) NOT NULL DEFAULT 'markdown',
    "content_rendered" TEXT NOT NULL DEFAULT '',
    "version_major" INTEGER,
    "version_minor" INTEGER,
    "version_patch" INTEGER,
    "pre_release_tag" VARCHAR(2),
    "pre_release_number" INTEGER,
    "creator_id" INTEGER,
    "last_modified_by_id" INTEGER,
    "created" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "releases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "release_files" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "slug" VARCHAR(200) NOT NULL,
    "os_id" INTEGER NOT NULL,
    "release_id" INTEGER NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "is_source" BOOLEAN NOT NULL DEFAULT false,
    "url" VARCHAR(200) NOT NULL,
    "gpg_signature_file" VARCHAR(200) NOT NULL DEFAULT '',
    "sigstore_signature_file" VARCHAR(200) NOT NULL DEFAULT '',
    "sigstore_cert_file" VARCHAR(200) NOT NULL DEFAULT '',
    "sigstore_bundle_file" VARCHAR(200) NOT NULL DEFAULT '',
    "sbom_spdx2_file" VARCHAR(200) NOT NULL DEFAULT '',
    "md5_sum" VARCHAR(200) NOT NULL DEFAULT '',
    "sha256_sum" VARCHAR(200) NOT NULL DEFAULT '',
    "filesize" INTEGER NOT NULL DEFAULT 0,
    "download_button" BOOLEAN NOT NULL DEFAULT false,
    "creator_id" INTEGER,
    "last_modified_by_id" INTEGER,
    "created" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "release_files_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "release_cycles" (
    "id" SERIAL NOT NULL,
    "version_major" INTEGER NOT NULL,
    "version_minor" INTEGER NOT NULL,
    "status" VARCHAR(20) NOT NULL,
    "first_release" VARCHAR(10) NOT NULL DEFAULT '',
    "end_of_life" VARCHAR(10) NOT NULL DEFAULT '',
    "pep" INTEGER,
    "release_manager" VARCHAR(100) NOT NULL DEFAULT '',
    "created" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "release_cycles_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "operating_systems_slug_key" ON "operating_systems"("slug");
CREATE INDEX "operating_systems_creator_id_idx" ON "operating_systems"("creator_id");
CREATE INDEX "operating_systems_last_modified_by_id_idx" ON "operating_systems"("last_modified_by_id");
CREATE UNIQUE INDEX "releases_slug_key" ON "releases"("slug");
CREATE INDEX "releases_is_latest_idx" ON "releases"("is_latest");
CREATE INDEX "releases_is_published_idx" ON "releases"("is_published");
CREATE INDEX "releases_pre_release_idx" ON "releases"("pre_release");
CREATE INDEX "releases_show_on_download_page_idx" ON "releases"("show_on_download_page");
CREATE INDEX "releases_release_date_id_idx" ON "releases"("release_date", "id");
CREATE INDEX "releases_version_major_version_minor_version_patch_idx" ON "releases"("version_major", "version_minor", "version_patch");
CREATE INDEX "releases_release_page_id_idx" ON "releases"("release_page_id");
CREATE INDEX "releases_creator_id_idx" ON "releases"("creator_id");
CREATE INDEX "releases_last_modified_by_id_idx" ON "releases"("last_modified_by_id");
CREATE UNIQUE INDEX "release_files_slug_key" ON "release_files"("slug");
CREATE UNIQUE INDEX "release_files_url_key" ON "release_files"("url");
CREATE INDEX "release_files_os_id_idx" ON "release_files"("os_id");
CREATE INDEX "release_files_release_id_idx" ON "release_files"("release_id");
CREATE INDEX "release_files_creator_id_idx" ON "release_files"("creator_id");
CREATE INDEX "release_files_last_modified_by_id_idx" ON "release_files"("last_modified_by_id");
CREATE UNIQUE INDEX "release_cycles_version_major_version_minor_key" ON "release_cycles"("version_major", "version_minor");

-- AddForeignKey
ALTER TABLE "operating_systems" ADD CONSTRAINT "operating_systems_creator_id_fkey" FOREIGN KEY ("creator_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "operating_systems" ADD CONSTRAINT "operating_systems_last_modified_by_id_fkey" FOREIGN KEY ("last_modified_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "releases" ADD CONSTRAINT "releases_creator_id_fkey" FOREIGN KEY ("creator_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "releases" ADD CONSTRAINT "releases_last_modified_by_id_fkey" FOREIGN KEY ("last_modified_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "release_files" ADD CONSTRAINT "release_files_os_id_fkey" FOREIGN KEY ("os_id") REFERENCES "operating_systems"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "release_files" ADD CONSTRAINT "release_files_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "release_files" ADD CONSTRAINT "release_files_creator_id_fkey" FOREIGN KEY ("creator_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "release_files" ADD CONSTRAINT "release_files_last_modified_by_id_fkey" FOREIGN KEY ("last_modified_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Beyond the Prisma schema --------------------------------------------------

-- Legacy CheckConstraint `only_python_dot_org_urls` (apps/downloads/models.py): every
-- file URL is blank or on www.python.org; http:// is still allowed for old rows, while
-- new writes must use https:// (checked in the service).
ALTER TABLE "release_files" ADD CONSTRAINT "only_python_dot_org_urls" CHECK (
    ("url" = '' OR "url" LIKE 'https://www.python.org/%' OR "url" LIKE 'http://www.python.org/%')
    AND ("gpg_signature_file" = '' OR "gpg_signature_file" LIKE 'https://www.python.org/%' OR "gpg_signature_file" LIKE 'http://www.python.org/%')
    AND ("sigstore_signature_file" = '' OR "sigstore_signature_file" LIKE 'https://www.python.org/%' OR "sigstore_signature_file" LIKE 'http://www.python.org/%')
    AND ("sigstore_cert_file" = '' OR "sigstore_cert_file" LIKE 'https://www.python.org/%' OR "sigstore_cert_file" LIKE 'http://www.python.org/%')
    AND ("sigstore_bundle_file" = '' OR "sigstore_bundle_file" LIKE 'https://www.python.org/%' OR "sigstore_bundle_file" LIKE 'http://www.python.org/%')
    AND ("sbom_spdx2_file" = '' OR "sbom_spdx2_file" LIKE 'https://www.python.org/%' OR "sbom_spdx2_file" LIKE 'http://www.python.org/%')
);

-- Legacy UniqueConstraint `only_one_download_per_os_per_release`: one download-button
-- file per operating system and release.
CREATE UNIQUE INDEX "release_files_one_download_button_key" ON "release_files" ("os_id", "release_id") WHERE "download_button";

-- One latest release per version line (3, 2, install manager). Legacy kept this with a
-- post_save signal only; here the database holds it too. Deferred, so that a transaction
-- may promote one release before or after demoting the other.
ALTER TABLE "releases" ADD CONSTRAINT "releases_one_latest_per_version" EXCLUDE USING btree ("version" WITH =) WHERE ("is_latest") DEFERRABLE INITIALLY DEFERRED;

-- Pre-release tags are PEP 440's alpha, beta and release candidate.
ALTER TABLE "releases" ADD CONSTRAINT "releases_pre_release_tag_check" CHECK ("pre_release_tag" IS NULL OR "pre_release_tag" IN ('a', 'b', 'rc'));

-- The statuses of the devguide's release cycle; dates as in peps.python.org's
-- release-cycle.json: a day (2025-10-07) or, for planned ends, a month (2030-10).
ALTER TABLE "release_cycles" ADD CONSTRAINT "release_cycles_status_check" CHECK ("status" IN ('feature', 'prerelease', 'bugfix', 'security', 'end-of-life'));
ALTER TABLE "release_cycles" ADD CONSTRAINT "release_cycles_first_release_check" CHECK ("first_release" = '' OR "first_release" ~ '^\d{4}-\d{2}(-\d{2})?$');
ALTER TABLE "release_cycles" ADD CONSTRAINT "release_cycles_end_of_life_check" CHECK ("end_of_life" = '' OR "end_of_life" ~ '^\d{4}-\d{2}(-\d{2})?$');
