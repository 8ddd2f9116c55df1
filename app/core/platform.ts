// The platform dependencies every domain may declare: built once per process by the
// composition root (app/deps.ts) from configuration, with test doubles passed as overrides.
import type { ResponseStore } from "./cache/response-store.ts";
import type { KeyValue, Cache } from "./cache/types.ts";
import type { Clock } from "./clock/clock.ts";
import type { Config } from "./config/config.ts";
import type { Db } from "./db/client.ts";
import type { CdnPurger } from "./http/cdn-purge.ts";
import type { ApiRateLimits } from "./http/rate-limit.ts";
import type { JobQueue, WorkerStatus } from "./jobs/types.ts";
import type { Logger } from "./logging/logger.ts";
import type { SearchIndex } from "./search/types.ts";
import type { FileStorage } from "./storage/index.ts";
import type { Mailer } from "./mail/index.ts";

export interface PlatformDeps {
  config: Config;
  logger: Logger;
  db: Db;
  kv: KeyValue;
  cache: Cache;
  /** Whole anonymous responses of cacheable routes (app/core/http/response-cache.ts); null when RESPONSE_CACHE=off. */
  responses: ResponseStore | null;
  search: SearchIndex;
  jobs: JobQueue;
  clock: Clock;
  /** Outgoing mail: `send` / `sendWith(tx, …)`, delivered by the `mail.send-message` job (app/core/mail). */
  mailer: Mailer;
  /** Where uploaded files go: a folder (MEDIA_DIR) or an S3-compatible bucket. */
  storage: FileStorage;
  /** The CDN purge hook; null logs each purge instead (CDN_PURGE_URL unset). */
  cdn: CdnPurger | null;
  /** How the background worker is doing, for /healthz. */
  worker: WorkerStatus;
  /** API request limits (core/http/rate-limit.ts), from the configuration. */
  apiRateLimits: ApiRateLimits;
  /** The repository's folders; tests may point elsewhere. */
  paths: { templates: string; static: string };
}
