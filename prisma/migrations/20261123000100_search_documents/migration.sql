-- Full-text search index used when Meilisearch is not configured (app/core/search/postgres.ts).
-- The vector is generated so it can never drift from the text columns: english for
-- stemming ("releases" finds "release"), simple so exact tokens such as names and
-- version strings ("3.13.1") match as typed. The body is capped because a tsvector
-- must stay under 1 MB.

-- CreateTable
CREATE TABLE "search_documents" (
    "index_name" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "headings" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT '',
    "url" TEXT NOT NULL,
    "section" TEXT,
    "date" TIMESTAMPTZ(6),
    "search_vector" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, "title"), 'A') ||
        setweight(to_tsvector('simple'::regconfig, "title"), 'A') ||
        setweight(to_tsvector('english'::regconfig, "headings"), 'B') ||
        setweight(to_tsvector('simple'::regconfig, "headings"), 'B') ||
        setweight(to_tsvector('english'::regconfig, left("body", 200000)), 'C') ||
        setweight(to_tsvector('simple'::regconfig, left("body", 200000)), 'C')
    ) STORED,

    CONSTRAINT "search_documents_pkey" PRIMARY KEY ("index_name","id")
);

-- CreateIndex
CREATE INDEX "search_documents_search_vector_idx" ON "search_documents" USING GIN ("search_vector");
