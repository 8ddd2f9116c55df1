// The events domain's search sources: upcoming events ("Events") and calendars ("Calendars").
import type { SearchSource } from "../../core/search/sources.ts";
import type { EventsService } from "./service.ts";
import { CALENDAR_SEARCH_TYPE, EVENT_SEARCH_TYPE } from "./service/writes.ts";

const numericId = (id: string) => (/^\d{1,10}$/.test(id) ? Number(id) : null);

export function eventsSearchSources(events: EventsService): SearchSource[] {
  return [
    {
      type: EVENT_SEARCH_TYPE,
      label: "Events",
      load: async (id) => (numericId(id) === null ? null : events.eventSearchDocument({ id: numericId(id)! })),
      all: () => events.eventSearchDocuments(),
    },
    {
      type: CALENDAR_SEARCH_TYPE,
      label: "Calendars",
      load: async (id) => (numericId(id) === null ? null : events.calendarSearchDocument({ id: numericId(id)! })),
      all: () => events.calendarSearchDocuments(),
    },
  ];
}
