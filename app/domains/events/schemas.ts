// Input schemas of the events domain: calendars, categories, locations, events with their
// rules and alarms (legacy apps/events/models.py), and the public submission form
// (legacy apps/events/forms.py EventForm), shared by the pages, the API and the admin.
import { z } from "zod";
import { MARKUP_TYPES } from "../../core/markup/render.ts";
import { optionalUrlSchema, urlSchema } from "../../core/http/url-schema.ts";
import { parseDuration } from "./recurrence.ts";

const SLUG_MESSAGE = "Enter a valid slug consisting of letters, numbers, underscores or hyphens.";
/** Path words of /events/ that no calendar may take (legacy urls.py). */
export const RESERVED_CALENDAR_SLUGS = ["submit", "calendars"] as const;

export const SlugSchema = z
  .string()
  .trim()
  .min(1, "Enter a slug.")
  .max(200, "Use at most 200 characters.")
  .regex(/^[-a-zA-Z0-9_]+$/, SLUG_MESSAGE);

const requiredText = (max: number, required: string) => z.string().trim().min(1, required).max(max, `Use at most ${max} characters.`);
const optionalText = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`).default("");
const dbId = z.coerce.number().int().min(1).max(2_147_483_647);
const date = z.coerce
  .date({ error: "Enter a valid date and time." })
  .refine((value) => !Number.isNaN(value.getTime()) && value.getUTCFullYear() >= 1900 && value.getUTCFullYear() <= 9999, "Enter a valid date and time.");

export const CalendarInputSchema = z.object({
  name: requiredText(100, "Enter a name."),
  slug: SlugSchema.max(50, "Use at most 50 characters.").refine((slug) => !(RESERVED_CALENDAR_SLUGS as readonly string[]).includes(slug.toLowerCase()), "This slug is reserved."),
  description: optionalText(255),
  url: optionalUrlSchema({ max: 200 }),
  rss: optionalUrlSchema({ max: 200 }),
  embed: optionalUrlSchema({ max: 200 }),
  twitter: optionalUrlSchema({ max: 200 }),
});
export type CalendarInput = z.input<typeof CalendarInputSchema>;

export const CategoryInputSchema = z.object({ name: requiredText(200, "Enter a name."), slug: SlugSchema, calendarId: dbId.nullable().default(null) });
export type CategoryInput = z.input<typeof CategoryInputSchema>;

export const LocationInputSchema = z.object({
  name: requiredText(255, "Enter a name."),
  address: optionalText(255),
  url: optionalUrlSchema({ max: 200 }),
  calendarId: dbId.nullable().default(null),
});
export type LocationInput = z.input<typeof LocationInputSchema>;

export const OccurringRuleInputSchema = z
  .object({ dtStart: date, dtEnd: date, allDay: z.boolean().default(false) })
  .refine((rule) => rule.dtEnd >= rule.dtStart, { message: "The end must not be before the start.", path: ["dtEnd"] });

export const RecurringRuleInputSchema = z
  .object({
    begin: date,
    finish: date,
    duration: z
      .string()
      .trim()
      .max(50)
      .default("15 min")
      .refine((value) => parseDuration(value) !== null, "Enter a duration such as “90 min” or “2 hours”."),
    interval: z.coerce.number().int().min(1).max(1000).default(1),
    frequency: z.coerce.number().int().min(0).max(3).default(2),
    allDay: z.boolean().default(false),
    rrule: z.string().trim().max(500).default(""),
    exdates: z.array(date).max(500).default([]),
  })
  .refine((rule) => rule.finish >= rule.begin, { message: "The finish must not be before the begin.", path: ["finish"] });

export const EventInputSchema = z.object({
  title: requiredText(200, "Enter a title."),
  calendarId: dbId,
  uid: z.string().trim().max(200).nullable().default(null),
  description: z.string().max(100_000).default(""),
  descriptionMarkupType: z.enum(MARKUP_TYPES).default("restructuredtext"),
  venueId: dbId.nullable().default(null),
  categoryIds: z.array(dbId).max(100).default([]),
  featured: z.boolean().default(false),
  occurringRule: OccurringRuleInputSchema.nullable().default(null),
  recurringRules: z.array(RecurringRuleInputSchema).max(50).default([]),
  /** Hours before the event (legacy Alarm.trigger). */
  alarms: z
    .array(z.object({ trigger: z.coerce.number().int().min(0).max(32_767) }))
    .max(20)
    .default([]),
});
export type EventInput = z.input<typeof EventInputSchema>;
export type EventData = z.output<typeof EventInputSchema>;

const formDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a valid date.")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), "Enter a valid date.");

/** The public submission form (legacy EventForm: every field required). */
export const EventSubmissionSchema = z
  .object({
    event_name: requiredText(200, "This field is required."),
    event_type: requiredText(200, "This field is required."),
    python_focus: requiredText(200, "This field is required."),
    expected_attendees: requiredText(100, "This field is required."),
    location: requiredText(255, "This field is required."),
    date_from: formDate,
    date_to: formDate,
    recurrence: requiredText(200, "This field is required."),
    link: urlSchema({ max: 200, required: "This field is required." }),
    description: requiredText(10_000, "This field is required."),
    /** A field people never see; bots fill it in. */
    website: z.string().max(0, "Leave this field empty.").default(""),
  })
  .refine((form) => form.date_to >= form.date_from, { message: "The end date must not be before the start date.", path: ["date_to"] });
export type EventSubmissionInput = z.input<typeof EventSubmissionSchema>;
export type EventSubmissionData = z.output<typeof EventSubmissionSchema>;

/** `?page=` of the public lists: a whole number, or `last` (Django's paginator). */
export const PageParamSchema = z
  .union([
    z.literal("last"),
    z
      .string()
      .regex(/^[1-9][0-9]{0,8}$/)
      .transform(Number),
  ])
  .optional();

/** v3 list filters. */
export const EventListQuerySchema = z.object({
  calendar: SlugSchema.optional(),
  featured: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional(),
  past: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type EventListQuery = z.output<typeof EventListQuerySchema>;
