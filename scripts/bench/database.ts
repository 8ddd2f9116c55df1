// The bench database: the shared legacy sample (schema.sql + sample/*.json through
// load_dumpdata.py into a scratch legacy database, then every registered legacy
// migrator, as `npm run legacy:migrate` does), then the demo seed. Without the test bed
// (or psql/python3) it is generated data of about the sample's size instead.
// Where: BENCH_DATABASE_URL; else `<DATABASE_URL's database>_bench` on that server;
// else `pydotorg_bench` on the embedded PostgreSQL. A database built from the same
// inputs is reused (its COMMENT holds their fingerprint); --fresh rebuilds it.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { Config } from "../../app/core/config/config.ts";
import { embeddedDatabaseUrl, startEmbeddedPostgres } from "../../app/core/db/embedded.ts";
import { MIGRATIONS_DIR } from "../../app/core/db/migrate.ts";
import { runLegacyMigration } from "../../app/core/legacy/runner.ts";
import type { Logger } from "../../app/core/logging/logger.ts";
import { legacyMigratorsOf } from "../../app/core/modules/index.ts";
import { ROOT_DIR } from "../../app/core/root-dir.ts";
import { buildRuntime, type Runtime } from "../../app/deps.ts";
import { DOMAIN_MODULES } from "../../app/domains/index.ts";

export type DataChoice = "auto" | "legacy" | "generated";

export interface BenchDatabase {
  url: string;
  source: "legacy-sample" | "generated";
  /** One line for the output: where the data came from and why. */
  note: string;
  reused: boolean;
  /** Stops the embedded server when this process started it. */
  close(): Promise<void>;
}

/** The shared test bed: LEGACY_TESTBED_DIR, else ../shared/legacy beside the checkout. */
export function legacyTestbedDir(env: NodeJS.ProcessEnv): string {
  return env.LEGACY_TESTBED_DIR ?? path.resolve(ROOT_DIR, "../shared/legacy");
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function run(command: string, args: string[], input?: NodeJS.ReadableStream): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: [input ? "pipe" : "ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    if (input) input.pipe(child.stdin!);
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}: ${stderr.trim()}`))));
  });
}

function commandExists(command: string): Promise<boolean> {
  return run("sh", ["-c", `command -v ${command}`]).then(
    () => true,
    () => false,
  );
}

/** Why the legacy sample cannot be loaded here, or null when it can. */
async function legacyUnavailable(dir: string): Promise<string | null> {
  if (!existsSync(path.join(dir, "schema.sql")) || !existsSync(path.join(dir, "load_dumpdata.py"))) return `the legacy test bed is not at ${dir} (set LEGACY_TESTBED_DIR)`;
  for (const command of ["psql", "python3"]) if (!(await commandExists(command))) return `${command} is not installed`;
  return null;
}

/** Same inputs, same fingerprint: the sample's files, the migrations and the data kind. */
function fingerprint(source: BenchDatabase["source"], dir: string): string {
  const hash = createHash("sha256").update(`${source}\0`);
  for (const name of readdirSync(MIGRATIONS_DIR).sort()) hash.update(`${name}\0`);
  if (source === "legacy-sample") {
    for (const file of ["schema.sql", "load_dumpdata.py", "models.json"]) hash.update(readFileSync(path.join(dir, file)));
    const sampleDir = path.join(dir, "sample");
    for (const name of readdirSync(sampleDir).sort()) hash.update(name).update(readFileSync(path.join(sampleDir, name)));
  }
  return `pydotorg bench ${hash.digest("hex").slice(0, 32)}`;
}

/** schema.sql, then every sample/*.json through load_dumpdata.py, piped into psql. */
async function loadLegacySample(dir: string, url: string): Promise<void> {
  const psql = ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url];
  await run("psql", [...psql, "-f", path.join(dir, "schema.sql")]);
  const sampleDir = path.join(dir, "sample");
  const files = readdirSync(sampleDir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => path.join(sampleDir, name));
  const loader = spawn("python3", [path.join(dir, "load_dumpdata.py"), ...files], { stdio: ["ignore", "pipe", "pipe"] });
  let loaderError = "";
  loader.stderr.on("data", (chunk: Buffer) => (loaderError += chunk.toString()));
  const loaded = new Promise<void>((resolve, reject) =>
    loader.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`load_dumpdata.py exited with ${code}: ${loaderError.trim()}`)))),
  );
  await Promise.all([run("psql", psql, loader.stdout), loaded]);
}

export async function prepareBenchDatabase(options: { config: Config; env: NodeJS.ProcessEnv; data: DataChoice; fresh: boolean; logger: Logger }): Promise<BenchDatabase> {
  const { config, env, logger } = options;
  let url: string;
  let close: () => Promise<void> = async () => undefined;
  if (env.BENCH_DATABASE_URL) url = env.BENCH_DATABASE_URL;
  else if (config.DATABASE_URL) url = withDatabase(config.DATABASE_URL, `${databaseName(config.DATABASE_URL)}_bench`);
  else {
    const embedded = await startEmbeddedPostgres({ dataDir: config.EMBEDDED_PG_DIR, port: config.EMBEDDED_PG_PORT, logger });
    close = () => embedded.stop();
    url = embeddedDatabaseUrl(config.EMBEDDED_PG_PORT, "pydotorg_bench");
  }
  try {
    const dir = legacyTestbedDir(env);
    const unavailable = options.data === "generated" ? "--data generated" : await legacyUnavailable(dir);
    if (unavailable && options.data === "legacy") throw new Error(`--data legacy: ${unavailable}`);
    const source = unavailable ? "generated" : "legacy-sample";
    const note = unavailable ? `generated data of the legacy sample's size (${unavailable})` : `the legacy sample in ${dir}, through the legacy migration`;
    const wanted = fingerprint(source, dir);
    const name = databaseName(url);
    const admin = withDatabase(url, "postgres");
    const current = await withClient(admin, async (client) => {
      const { rows } = await client.query<{ comment: string | null }>("SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1", [name]);
      return rows[0] ? (rows[0].comment ?? "") : null;
    });
    if (current === wanted && !options.fresh) return { url, source, note, reused: true, close };

    logger.info(`bench: building ${name} from ${note}`);
    await withClient(admin, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${quote(name)}`);
    });
    const runtime = await buildRuntime({
      config: { ...config, DATABASE_URL: url, RUN_WORKER: false },
      logger,
      worker: { mode: "external", isRunning: () => false },
      migrate: true,
    });
    try {
      if (source === "legacy-sample") await migrateLegacySample(dir, url, admin);
      else await generateData(runtime);
      await runtime.registry.seed();
    } finally {
      await runtime.close();
    }
    await withClient(admin, (client) => client.query(`COMMENT ON DATABASE ${quote(name)} IS ${pg.escapeLiteral(wanted)}`));
    return { url, source, note, reused: false, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function migrateLegacySample(dir: string, targetUrl: string, adminUrl: string): Promise<void> {
  const legacyName = `${databaseName(targetUrl)}_legacy`;
  const legacyUrl = withDatabase(targetUrl, legacyName);
  await withClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quote(legacyName)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quote(legacyName)}`);
  });
  try {
    await loadLegacySample(dir, legacyUrl);
    await runLegacyMigration({ sourceUrl: legacyUrl, targetUrl, migrators: legacyMigratorsOf(DOMAIN_MODULES) });
  } finally {
    await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quote(legacyName)} WITH (FORCE)`));
  }
}

// The sample's size: 96 releases with 737 files over 5 systems, 43 CMS pages.
const GENERATED = { releases: 96, filesPerRelease: 8, pages: 43 };

/** Releases, files and pages in bulk, of the sample's counts and about its text sizes. */
async function generateData(runtime: Runtime): Promise<void> {
  const { db } = runtime.deps;
  await runtime.registry.seed();
  const systems = await db.operatingSystem.findMany({ select: { id: true } });
  const notes = "Major new features of this series, compared to the previous one.\n\n".repeat(40);
  const releases = Array.from({ length: GENERATED.releases }, (_, index) => {
    const minor = 13 - Math.floor(index / 12);
    const patch = 20 - (index % 12);
    return {
      name: `Python 3.${minor}.${patch}`,
      slug: `python-3${minor}${patch}`,
      version: 3,
      isPublished: true,
      showOnDownloadPage: true,
      releaseDate: new Date(Date.UTC(2025, 5, 1) - index * 14 * 86_400_000),
      content: notes,
      contentMarkupType: "markdown",
      contentRendered: `<p>${notes.trim().replaceAll("\n\n", "</p><p>")}</p>`,
      versionMajor: 3,
      versionMinor: minor,
      versionPatch: patch,
    };
  });
  // Unique constraints are deferrable here, so ON CONFLICT (skipDuplicates) is refused: skip the seeded slugs by hand.
  const existing = new Set((await db.release.findMany({ where: { slug: { in: releases.map((release) => release.slug) } }, select: { slug: true } })).map((row) => row.slug));
  await db.release.createMany({ data: releases.filter((release) => !existing.has(release.slug)) });
  const created = await db.release.findMany({ where: { slug: { in: releases.map((release) => release.slug) } }, select: { id: true, slug: true } });
  await db.releaseFile.createMany({
    data: created.flatMap((release) =>
      Array.from({ length: GENERATED.filesPerRelease }, (_, index) => ({
        name: `Installer ${index + 1}`,
        slug: `${release.slug}-file-${index + 1}`,
        osId: systems[index % systems.length]!.id,
        releaseId: release.id,
        url: `https://www.python.org/ftp/python/bench/${release.slug}/file-${index + 1}.tar.xz`,
        md5Sum: createHash("md5").update(`${release.slug}${index}`).digest("hex"),
        sha256Sum: createHash("sha256").update(`${release.slug}${index}`).digest("hex"),
        filesize: 20_000_000 + index,
        downloadButton: index === 0,
      })),
    ),
  });
  const body = "<p>The Python Software Foundation is the organization behind Python.</p>\n".repeat(30);
  await db.page.createMany({
    data: Array.from({ length: GENERATED.pages }, (_, index) => ({
      title: `Generated page ${index + 1}`,
      path: `bench/page-${index + 1}`,
      content: body,
      contentMarkupType: "html",
      contentRendered: body,
    })),
  });
}
