// Command-line options of `npm run legacy:migrate`, parsed and checked in one place.
import { parseArgs } from "node:util";
import { LegacyMigrationError } from "./registry.ts";

/** The --help text. */
export const LEGACY_MIGRATE_USAGE = `usage: npm run legacy:migrate -- --from <postgres-url> [--dry-run] [--only <domain>[,<domain>]] [--batch-size <n>]

Copies the legacy python.org Django database (--from) into DATABASE_URL (or the embedded
database). Idempotent and resumable; --dry-run rolls everything back and reports what would
be written; --only runs some domains (users, boxes, banners, pages), whose
dependencies must have been migrated before.`;

/** The checked command line. */
export interface LegacyMigrateArgs {
  from: string;
  dryRun: boolean;
  only: string[];
  batchSize: number;
}

/** Parses argv (without node and script); returns "help" for --help; throws LegacyMigrationError on bad input. */
export function parseLegacyMigrateArgs(argv: string[]): LegacyMigrateArgs | "help" {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        from: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        only: { type: "string", multiple: true },
        "batch-size": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new LegacyMigrationError(`${(error as Error).message} (see --help)`);
  }
  if (values.help) return "help";
  if (!values.from) throw new LegacyMigrationError("--from <postgres-url of the legacy database> is required");
  if (!/^postgres(ql)?:\/\//.test(values.from)) throw new LegacyMigrationError("--from must be a postgres:// or postgresql:// URL");
  const batchSize = values["batch-size"] === undefined ? 500 : Number(values["batch-size"]);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5000) {
    throw new LegacyMigrationError("--batch-size must be a whole number between 1 and 5000");
  }
  const only = (values.only ?? [])
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter(Boolean);
  return { from: values.from, dryRun: values["dry-run"], only, batchSize };
}
