// createEventsService: every read and write of the events domain, for the pages, the
// feeds, the API, the admin, the import job and the migrator's seed.
import type { Cache } from "../../core/cache/types.ts";
import type { Clock } from "../../core/clock/clock.ts";
import type { Db } from "../../core/db/client.ts";
import type { JobQueue } from "../../core/jobs/types.ts";
import type { Mailer } from "../../core/mail/index.ts";
import { defineMarkupTarget } from "../../core/markup/target.ts";
import { createEventImports } from "./service/imports.ts";
import { createEventReads } from "./service/reads.ts";
import { createEventSearch } from "./service/search-documents.ts";
import { createEventSubmissions } from "./service/submissions.ts";
import { createEventWrites, EVENT_DESCRIPTION_TARGET } from "./service/writes.ts";

export interface EventsDeps {
  db: Db;
  cache: Cache;
  jobs: JobQueue;
  mailer: Mailer;
  clock: Clock;
  /** Where submissions are mailed (EVENTS_TO_EMAIL). */
  eventsEmail: string;
  /** Fetches an import source; tests and the CLI pass their own. */
  fetchText?: (url: string) => Promise<string>;
}

export function createEventsService(deps: EventsDeps) {
  const reads = createEventReads(deps);
  const writes = createEventWrites(deps);
  const submissions = createEventSubmissions({ ...deps, writes });
  const imports = createEventImports({ ...deps, writes });
  const search = createEventSearch({ db: deps.db, clock: deps.clock, reads });

  const markupTarget = defineMarkupTarget({
    name: EVENT_DESCRIPTION_TARGET,
    async read(id) {
      const row = await deps.db.event.findUnique({ where: { id }, select: { description: true, descriptionMarkupType: true } });
      return row ? { content: row.description, contentMarkupType: row.descriptionMarkupType } : null;
    },
    saveRendered: (id, html) => writes.saveRenderedDescription({ id, html }),
  });

  return { ...reads, ...writes, ...submissions, ...imports, ...search, markupTarget };
}

export type EventsService = ReturnType<typeof createEventsService>;
