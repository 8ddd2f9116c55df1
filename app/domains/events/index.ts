// The events domain's public surface: its module and the types others need.
export { eventsModule } from "./module.ts";
export type { EventsService } from "./service.ts";
export type { ListedEvent, EventView, CalendarView } from "./queries.ts";
