// When an event happens: its single occurrence (legacy OccurringRule) and its repeating
// rules (legacy RecurringRule, dateutil's rrule(freq, interval, dtstart=begin,
// until=finish)), expanded with ical.js's RFC 5545 iterator. Imported rules keep their
// source RRULE (BYDAY, COUNT, …) and EXDATEs. Legacy's Event.next_time / previous_time
// (python/pythondotorg:apps/events/models.py) are reproduced here on plain data; its
// previous_time returned a recurring rule's *next* end, a bug: here it is the last
// occurrence that started before the moment asked for.
import ICAL from "ical.js";

/** dateutil's frequency numbers, as legacy stores them: 0 yearly … 3 daily. */
export const FREQUENCIES = ["YEARLY", "MONTHLY", "WEEKLY", "DAILY"] as const;
export type FrequencyName = (typeof FREQUENCIES)[number];
export const FREQUENCY_LABELS = ["year(s)", "month(s)", "week(s)", "day(s)"] as const;

/** Occurrences examined at most per rule (a daily rule over 27 years). */
const MAX_STEPS = 10_000;

export interface OccurringRuleData {
  dtStart: Date;
  dtEnd: Date;
  allDay: boolean;
}

export interface RecurringRuleData {
  begin: Date;
  finish: Date;
  durationSeconds: number;
  interval: number;
  frequency: number;
  allDay: boolean;
  rrule: string;
  exdates: Date[];
}

export interface EventTimes {
  occurringRule: OccurringRuleData | null;
  recurringRules: RecurringRuleData[];
}

export interface Occurrence {
  start: Date;
  end: Date;
  allDay: boolean;
  recurring: boolean;
}

function icalUtc(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
}

/** The RRULE value of a recurring rule: its own, or legacy's FREQ;INTERVAL;UNTIL. */
export function ruleString(rule: Pick<RecurringRuleData, "rrule" | "frequency" | "interval" | "finish">): string {
  if (rule.rrule.trim() !== "") return rule.rrule.trim();
  const freq = FREQUENCIES[rule.frequency] ?? "WEEKLY";
  return `FREQ=${freq};INTERVAL=${Math.max(1, rule.interval)};UNTIL=${icalUtc(rule.finish)}`;
}

/** Every start of a rule, in order, ending at `finish` (and the rule's own UNTIL/COUNT). */
export function* ruleStarts(rule: RecurringRuleData): Generator<Date> {
  let recur: ICAL.Recur;
  try {
    recur = ICAL.Recur.fromString(ruleString(rule));
  } catch {
    return;
  }
  const iterator = recur.iterator(ICAL.Time.fromJSDate(rule.begin, true));
  const excluded = new Set(rule.exdates.map((date) => date.getTime()));
  for (let step = 0; step < MAX_STEPS; step += 1) {
    const next = iterator.next();
    if (!next) return;
    const start = next.toJSDate();
    if (start.getTime() > rule.finish.getTime()) return;
    if (!excluded.has(start.getTime())) yield start;
  }
}

function occurrenceOf(rule: RecurringRuleData, start: Date): Occurrence {
  return { start, end: new Date(start.getTime() + rule.durationSeconds * 1000), allDay: rule.allDay, recurring: true };
}

function single(rule: OccurringRuleData): Occurrence {
  return { start: rule.dtStart, end: rule.dtEnd, allDay: rule.allDay, recurring: false };
}

/** The first occurrence starting strictly after `moment` (legacy next_time / rrule.after). */
export function nextOccurrence(times: EventTimes, moment: Date): Occurrence | null {
  const candidates: Occurrence[] = [];
  if (times.occurringRule && times.occurringRule.dtStart > moment) candidates.push(single(times.occurringRule));
  for (const rule of times.recurringRules) {
    if (rule.finish <= moment) continue;
    for (const start of ruleStarts(rule)) {
      if (start > moment) {
        candidates.push(occurrenceOf(rule, start));
        break;
      }
    }
  }
  return earliest(candidates);
}

/** The latest occurrence that ended (single) or started (recurring) before `moment`. */
export function previousOccurrence(times: EventTimes, moment: Date): Occurrence | null {
  const candidates: Occurrence[] = [];
  if (times.occurringRule && times.occurringRule.dtEnd < moment) candidates.push(single(times.occurringRule));
  for (const rule of times.recurringRules) {
    if (rule.begin >= moment) continue;
    let last: Date | null = null;
    for (const start of ruleStarts(rule)) {
      if (start >= moment) break;
      last = start;
    }
    if (last) candidates.push(occurrenceOf(rule, last));
  }
  return candidates.sort((a, b) => b.start.getTime() - a.start.getTime())[0] ?? null;
}

/** The occurrence under way at `moment`, if any. */
export function currentOccurrence(times: EventTimes, moment: Date): Occurrence | null {
  const candidates: Occurrence[] = [];
  const rule = times.occurringRule;
  if (rule && rule.dtStart <= moment && rule.dtEnd >= moment) candidates.push(single(rule));
  for (const recurring of times.recurringRules) {
    if (recurring.begin > moment) continue;
    for (const start of ruleStarts(recurring)) {
      if (start > moment) break;
      const occurrence = occurrenceOf(recurring, start);
      if (occurrence.end >= moment) candidates.push(occurrence);
    }
  }
  return earliest(candidates);
}

/** Up to `limit` occurrences starting after `moment`, soonest first, across every rule. */
export function upcomingOccurrences(times: EventTimes, moment: Date, limit: number): Occurrence[] {
  const found: Occurrence[] = [];
  if (times.occurringRule && times.occurringRule.dtStart > moment) found.push(single(times.occurringRule));
  for (const rule of times.recurringRules) {
    let taken = 0;
    for (const start of ruleStarts(rule)) {
      if (start <= moment) continue;
      found.push(occurrenceOf(rule, start));
      taken += 1;
      if (taken >= limit) break;
    }
  }
  return found.sort((a, b) => a.start.getTime() - b.start.getTime()).slice(0, limit);
}

/** Legacy EventManager.for_datetime: a single start after `moment`, or a rule finishing after it. */
export function isUpcomingAt(times: EventTimes, moment: Date): boolean {
  return Boolean((times.occurringRule && times.occurringRule.dtStart > moment) || times.recurringRules.some((rule) => rule.finish > moment));
}

/** Legacy EventManager.until_datetime: a single end before `moment`, or a rule begun before it. */
export function isPastAt(times: EventTimes, moment: Date): boolean {
  return Boolean((times.occurringRule && times.occurringRule.dtEnd < moment) || times.recurringRules.some((rule) => rule.begin < moment));
}

function earliest(candidates: Occurrence[]): Occurrence | null {
  return candidates.sort((a, b) => a.start.getTime() - b.start.getTime())[0] ?? null;
}

/** Legacy utils.timedelta_parse for the duration field: "90 min", "2 hours", "1 day 3h", "1:30". */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim().toLowerCase();
  const clock = /^(\d{1,3}):(\d{2})(?::(\d{2}))?$/.exec(trimmed);
  if (clock) return Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3] ?? 0);
  const units: Record<string, number> = { w: 604_800, d: 86_400, h: 3600, m: 60, s: 1 };
  let total = 0;
  let matched = false;
  const rest = trimmed.replace(/(\d+(?:\.\d+)?)\s*(weeks?|wks?|w|days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)\b,?\s*/g, (_all, amount: string, unit: string) => {
    matched = true;
    total += Number(amount) * units[unit[0]!]!;
    return "";
  });
  if (!matched || rest.trim() !== "") return null;
  return Math.round(total);
}
