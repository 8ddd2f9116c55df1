// The server Playwright starts (playwright.config.ts `webServer`): the real app, as
// `npm start` runs it, on a database created empty for this run and seeded with the
// demo content, so every run sees the same pages.
//   DATABASE_URL set   → database `<name>_e2e` on the same server, dropped and created fresh
//   DATABASE_URL unset → embedded PostgreSQL under .data/e2e-postgres, deleted first
// REDIS_URL passes through unchanged (the cache is versioned by tag, so seeding
// invalidates whatever an earlier run left there).
import { rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { createDb } from "../app/core/db/client.ts";
import { embeddedDatabaseUrl } from "../app/core/db/embedded.ts";
import { systemClock } from "../app/core/clock/clock.ts";
import { createUsersService } from "../app/domains/users/index.ts";
import { E2E_EDITOR, E2E_EDITOR_GROUP, E2E_EDITOR_PERMISSIONS, E2E_MEMBER } from "../e2e/support/accounts.ts";

const ROOT_DIR = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.E2E_PORT ?? 8123);

/** Drops and recreates `<name>_e2e` next to the configured database; returns its URL. */
async function freshDatabase(databaseUrl: string): Promise<string> {
  const url = new URL(databaseUrl);
  const baseName = decodeURIComponent(url.pathname.replace(/^\//, "")) || "postgres";
  const e2eName = `${baseName}_e2e`;
  const quoted = `"${e2eName.replaceAll('"', '""')}"`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${quoted}`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${encodeURIComponent(e2eName)}`;
  return url.toString();
}

if (process.env.DATABASE_URL) {
  process.env.DATABASE_URL = await freshDatabase(process.env.DATABASE_URL);
} else {
  const dataDir = path.join(ROOT_DIR, ".data/e2e-postgres");
  await rm(dataDir, { recursive: true, force: true });
  process.env.EMBEDDED_PG_DIR = dataDir;
  process.env.EMBEDDED_PG_PORT = process.env.E2E_EMBEDDED_PG_PORT ?? "54349";
}

process.env.NODE_ENV ??= "test";
process.env.HOST = "127.0.0.1";
process.env.PORT = String(port);
process.env.SITE_URL = `http://127.0.0.1:${port}`;
process.env.SEED_ON_START = "always";
process.env.RUN_WORKER = "1";
process.env.MIGRATE_ON_START = "1";
process.env.LOG_LEVEL ??= "warn";
// Its own Redis namespace: other runs on the same server must not see this run's cache or sessions.
process.env.REDIS_PREFIX = `pydotorg-e2e-${process.pid}:`;

await import("../app/server.ts");
await createJourneyAccounts(process.env.DATABASE_URL ?? embeddedDatabaseUrl(Number(process.env.EMBEDDED_PG_PORT)));

/** The editor and member accounts of e2e/support/accounts.ts, through the users service. */
async function createJourneyAccounts(databaseUrl: string): Promise<void> {
  const db = createDb(databaseUrl, { maxConnections: 2 });
  try {
    const users = createUsersService({ db, clock: systemClock });
    const editor = await users.createUser({ input: { ...E2E_EDITOR, isStaff: true } });
    await users.createUser({ input: { ...E2E_MEMBER } });
    const permissions = await db.permission.findMany({ where: { appLabel: "boxes", codename: { in: [...E2E_EDITOR_PERMISSIONS] } } });
    await db.group.create({
      data: {
        name: E2E_EDITOR_GROUP,
        permissions: { create: permissions.map((permission) => ({ permissionId: permission.id })) },
        users: { create: [{ userId: editor.id }] },
      },
    });
  } finally {
    await db.$disconnect();
  }
}
