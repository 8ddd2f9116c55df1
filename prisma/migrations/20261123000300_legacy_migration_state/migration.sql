-- Progress of `npm run legacy:migrate` per migrator step, for resuming interrupted runs.

-- CreateTable
CREATE TABLE "legacy_migration_state" (
    "migrator" VARCHAR(50) NOT NULL,
    "step" VARCHAR(100) NOT NULL,
    "last_key" VARCHAR(255),
    "counts" JSONB NOT NULL DEFAULT '{}',
    "started_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(6),

    CONSTRAINT "legacy_migration_state_pkey" PRIMARY KEY ("migrator","step")
);
