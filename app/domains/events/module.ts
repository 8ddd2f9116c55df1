// The events domain as one module: calendars, events with their occurring and recurring
// rules and alarms, the public pages and feeds, submissions, the iCal import.
import { defineModule } from "../../core/modules/index.ts";
import { BOXES_PORT } from "../boxes/index.ts";
import { eventsLegacyMigrator } from "./legacy.ts";
import { eventsRoutes } from "./routes.ts";
import { eventsSearchSources } from "./search.ts";
import { seedEventsDemo } from "./seed.ts";
import { createEventsService } from "./service.ts";

export const eventsModule = defineModule({
  name: "events",
  uses: [BOXES_PORT],
  createService: ({ deps }) => createEventsService({ ...deps, eventsEmail: deps.config.EVENTS_TO_EMAIL }),
  routes: ({ service, web, use }) => [{ path: "/", app: eventsRoutes(service, use(BOXES_PORT), web) }],
  search: ({ service }) => eventsSearchSources(service),
  markup: ({ service }) => [service.markupTarget],
  legacy: { migrators: [eventsLegacyMigrator] },
  seed: ({ service, deps }) => seedEventsDemo(service, deps.clock),
  templates: "events",
});
