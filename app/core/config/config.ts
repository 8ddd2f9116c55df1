// Every setting comes from the environment and is checked here once, at start-up.
import { z } from "zod";

const optionalUrl = z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), z.url("must be a URL such as scheme://host:port").optional());

const booleanFlag = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off"], { error: "must be 1/0, true/false, yes/no or on/off" })
  .transform((value) => ["1", "true", "yes", "on"].includes(value));

export const ConfigSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce
    .number({ error: "must be a whole number between 1 and 65535" })
    .int("must be a whole number between 1 and 65535")
    .min(1, "must be a whole number between 1 and 65535")
    .max(65535, "must be a whole number between 1 and 65535")
    .default(8000),
  /** Public origin used in canonical links, feeds and API `resource_uri`s; unset: where we listen. */
  SITE_URL: z.preprocess((value) => (value === "" ? undefined : value), z.url().optional()),
  DATABASE_URL: optionalUrl,
  /** Connections each process keeps open to PostgreSQL (the worker has its own pool). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: optionalUrl,
  MEILI_URL: optionalUrl,
  MEILI_MASTER_KEY: z.string().optional(),
  MEILI_INDEX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default("pydotorg"),
  /** Prefix of every Redis key, so several sites or test runs can share one server. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,64}$/, "must be 1–64 letters, digits, ':', '_' or '-'")
    .default("pydotorg:"),
  /** Where uploaded page images and documents are stored (the disk backend). */
  MEDIA_DIR: z.string().min(1).default(".data/media"),
  /** The nightly link checker also checks external links (politely); 0 checks internal links only. */
  LINK_CHECK_EXTERNAL: booleanFlag.default(true),
  /** S3-compatible media bucket (path-style); when set, uploads go there instead of MEDIA_DIR. */
  S3_ENDPOINT: optionalUrl,
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]+$/, "must be a region name such as us-east-1")
    .default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** CDN purge endpoint (Fastly-style surrogate-key purge); unset logs each purge instead. */
  CDN_PURGE_URL: optionalUrl,
  CDN_PURGE_TOKEN: z.string().optional(),
  /** Outgoing mail server, e.g. smtp://user:pass@host:587 or smtps://host:465; unset keeps mail in the outbox table. */
  SMTP_URL: optionalUrl.refine((value) => value === undefined || /^smtps?:$/.test(new URL(value).protocol), "must be an smtp:// or smtps:// URL"),
  /** The From address of outgoing mail. */
  MAIL_FROM: z.email("must be an e-mail address").default("noreply@python.org"),
  /** The job board's address: receives every jobs message (legacy DEFAULT_JOBS_EMAIL). */
  JOBS_EMAIL: z.email("must be an e-mail address").default("jobs@python.org"),
  /** Days an approved job stays listed (legacy JOB_THRESHOLD_DAYS). */
  JOB_THRESHOLD_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Comma-separated recipients of the monthly jobs report; empty sends it to JOBS_EMAIL. */
  JOBS_REPORT_RECIPIENTS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((address) => address.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.email("must be comma-separated e-mail addresses"))),
  /** Where event submissions are mailed (legacy settings EVENTS_TO_EMAIL). */
  EVENTS_TO_EMAIL: z.email("must be an e-mail address").default("events@python.org"),
  /** API request limits: v1 per user or IP per hour, v2 per day (legacy urls.md §16.1), v3 per hour. */
  API_V1_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(600),
  API_V2_ANON_PER_DAY: z.coerce.number().int().min(1).default(100),
  API_V2_USER_PER_DAY: z.coerce.number().int().min(1).default(3000),
  API_V3_ANON_PER_HOUR: z.coerce.number().int().min(1).default(1000),
  API_V3_USER_PER_HOUR: z.coerce.number().int().min(1).default(10000),
  /**
   * Who may write through the APIs: "staff" is legacy's rule (StaffAuthorization,
   * IsStaffOrReadOnly: any staff key); "model" also requires the model permission
   * (`downloads.add_release`, …), as the admin does. Production should use "model".
   */
  API_WRITE_PERMISSIONS: z.enum(["staff", "model"], { error: "must be staff or model" }).default("staff"),
  /** Signs CSRF tokens and flash cookies. Required in production. */
  SECRET_KEY: z.string().min(32, "must be at least 32 characters").optional(),
  /** Where the embedded PostgreSQL keeps its data when DATABASE_URL is not set. */
  EMBEDDED_PG_DIR: z.string().default(".data/postgres"),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /** Run graphile-worker inside the web process (set to 0 when `npm run worker` runs apart). */
  RUN_WORKER: booleanFlag.default(true),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  MIGRATE_ON_START: booleanFlag.default(true),
  /** Seed demo content when the database has none: "auto" seeds only an embedded database. */
  SEED_ON_START: z.enum(["auto", "always", "never"]).default("auto"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Largest accepted request body in bytes (nginx in front of legacy allowed 32 MB). */
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(32 * 1024 * 1024),
  /** Number of reverse proxies in front of the app, for client IPs from X-Forwarded-For. */
  TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  /** Names the deployed code (a git commit, an image tag); cached answers and data of another release are not read. Default: a digest of the code and templates. */
  RELEASE_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, "must be 1 to 64 letters, digits, dots, dashes or underscores")
    .optional(),
  /** Anonymous answers of cacheable routes are stored whole ("off" builds every one: for measuring and debugging). */
  RESPONSE_CACHE: z.enum(["on", "off"]).default("on"),
  /** The longest a stored response lives when no write invalidates it. */
  RESPONSE_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).default(3600),
  /** Memory each process gives to its own copies of cached data (read through to Redis when missing). */
  CACHE_MEMORY_MB: z.coerce.number().int().min(0).max(4096).default(32),
  /** Memory each web process gives to stored responses (their compressed copies included). */
  RESPONSE_CACHE_MEMORY_MB: z.coerce.number().int().min(1).max(4096).default(48),
  /** Requests a web process builds at once (answers from the response cache do not count); the rest wait in turn. */
  WEB_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(1024).default(8),
  /** Requests that may wait for a turn; beyond it, and after WEB_QUEUE_TIMEOUT_MS of waiting, a 503 with Retry-After. */
  WEB_MAX_QUEUE: z.coerce.number().int().min(0).max(100_000).default(1024),
  WEB_QUEUE_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).default(15_000),
  /** HTTP worker processes `npm start` forks (node:cluster); 1 serves from the process itself. */
  WEB_CONCURRENCY: z.coerce
    .number()
    .int("must be a whole number from 1 to 64")
    .min(1, "must be a whole number from 1 to 64")
    .max(64, "must be a whole number from 1 to 64")
    .default(1),
});

export type Config = z.infer<typeof ConfigSchema> & { SITE_URL: string; SECRET_KEY: string; isProduction: boolean };

/** Raised for an invalid environment; `message` is one line naming the variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const DEVELOPMENT_SECRET = "development-only-secret-do-not-use-in-production";

/** Reads and validates the settings; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0] ?? "environment");
    const shown = env[name] === undefined ? "" : ` (got ${JSON.stringify(env[name])})`;
    throw new ConfigError(`Invalid configuration: ${name} ${issue.message}${shown}`);
  }
  const parsed = result.data;
  if (parsed.S3_ENDPOINT) {
    const missing = (["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const).filter((name) => !parsed[name]);
    if (missing.length > 0) throw new ConfigError(`Invalid configuration: ${missing[0]} is required when S3_ENDPOINT is set`);
  }
  const isProduction = parsed.NODE_ENV === "production";
  if (isProduction && !parsed.SECRET_KEY) {
    throw new ConfigError("Invalid configuration: SECRET_KEY is required when NODE_ENV=production");
  }
  return { ...parsed, SITE_URL: parsed.SITE_URL ?? listeningOrigin(parsed.HOST, parsed.PORT), SECRET_KEY: parsed.SECRET_KEY ?? DEVELOPMENT_SECRET, isProduction };
}

/** The origin a browser on this machine reaches the server at (a wildcard host means loopback). */
function listeningOrigin(host: string, port: number): string {
  const reachable = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  return `http://${reachable.includes(":") ? `[${reachable}]` : reachable}:${port}`;
}
