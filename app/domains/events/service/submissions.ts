// The public submission (legacy EventSubmit / EventForm.send_email): the organiser's
// details are mailed to the events address, as legacy does, and also stored for staff
// review; approving one publishes it as an event and tells the submitter.
import type { Clock } from "../../../core/clock/clock.ts";
import type { Db, Prisma } from "../../../core/db/client.ts";
import type { WriteHook } from "../../../core/db/write-hook.ts";
import { AppError } from "../../../core/errors.ts";
import type { Mailer } from "../../../core/mail/index.ts";
import { EventSubmissionSchema, type EventSubmissionInput } from "../schemas.ts";
import { parseInput, writeEventChildren, type createEventWrites } from "./writes.ts";
import { EventInputSchema } from "../schemas.ts";

/** Submissions one person may send per hour. */
export const SUBMISSIONS_PER_HOUR = 5;

const submissionSelect = {
  id: true,
  userId: true,
  submitterEmail: true,
  eventName: true,
  eventType: true,
  pythonFocus: true,
  expectedAttendees: true,
  location: true,
  dateFrom: true,
  dateTo: true,
  recurrence: true,
  link: true,
  description: true,
  status: true,
  eventId: true,
  created: true,
} as const satisfies Prisma.EventSubmissionSelect;
export type SubmissionView = Prisma.EventSubmissionGetPayload<{ select: typeof submissionSelect }>;

export interface Submitter {
  id: number;
  username: string;
  email: string;
}

export function createEventSubmissions(deps: { db: Db; clock: Clock; mailer: Mailer; eventsEmail: string; writes: ReturnType<typeof createEventWrites> }) {
  const { db, clock, mailer } = deps;

  /** Validates, stores and mails a submission; VALIDATION per field, RATE_LIMITED past 5 an hour. */
  async function submitEvent(options: { user: Submitter; input: EventSubmissionInput | Record<string, string> }): Promise<SubmissionView> {
    const data = parseInput(EventSubmissionSchema, options.input);
    const since = new Date(clock.now().getTime() - 3_600_000);
    if ((await db.eventSubmission.count({ where: { userId: options.user.id, created: { gte: since } } })) >= SUBMISSIONS_PER_HOUR) {
      throw new AppError("RATE_LIMITED", "You have submitted several events recently; please try again later.");
    }
    return db.$transaction(async (tx) => {
      const submission = await tx.eventSubmission.create({
        data: {
          userId: options.user.id,
          submitterEmail: options.user.email,
          eventName: data.event_name,
          eventType: data.event_type,
          pythonFocus: data.python_focus,
          expectedAttendees: data.expected_attendees,
          location: data.location,
          dateFrom: new Date(`${data.date_from}T00:00:00Z`),
          dateTo: new Date(`${data.date_to}T00:00:00Z`),
          recurrence: data.recurrence,
          link: data.link,
          description: data.description,
          created: clock.now(),
        },
        select: submissionSelect,
      });
      const replyTo = options.user.email && /^[^\s@]+@[^\s@]+$/.test(options.user.email) ? options.user.email : undefined;
      await mailer.sendWith(tx, {
        to: deps.eventsEmail,
        template: "events/new-event",
        replyTo,
        context: { event: data, creator: { username: options.user.username, email: options.user.email }, submissionId: submission.id },
      });
      return submission;
    });
  }

  /** Submissions, newest first, optionally by status. */
  async function listSubmissions(options: { status?: string; offset?: number; limit?: number } = {}): Promise<{ items: SubmissionView[]; total: number }> {
    const where = options.status ? { status: options.status } : {};
    const [items, total] = await Promise.all([
      db.eventSubmission.findMany({ where, select: submissionSelect, orderBy: [{ created: "desc" }, { id: "desc" }], skip: options.offset, take: options.limit }),
      db.eventSubmission.count({ where }),
    ]);
    return { items, total };
  }

  /** One submission or NOT_FOUND. */
  async function getSubmission(options: { id: number }): Promise<SubmissionView> {
    const found = await db.eventSubmission.findUnique({ where: { id: options.id }, select: submissionSelect });
    if (!found) throw new AppError("NOT_FOUND", `There is no submission ${options.id}.`);
    return found;
  }

  /**
   * Publishes pending submissions into `calendarId` (an all-day event from date_from to
   * date_to, its venue the location text) and mails each submitter; returns how many.
   */
  async function approveSubmissions(options: { ids: number[]; calendarId: number; actorId?: number | null; onWrite?: WriteHook<SubmissionView> }): Promise<number> {
    return deps.writes.write(async (tx) => {
      const pending = await tx.eventSubmission.findMany({ where: { id: { in: options.ids }, status: "pending" }, select: submissionSelect });
      for (const submission of pending) {
        const venue = await tx.eventLocation.create({ data: { name: submission.location.slice(0, 255), calendarId: options.calendarId }, select: { id: true } });
        const data = parseInput(EventInputSchema, {
          title: submission.eventName,
          calendarId: options.calendarId,
          description: `${submission.description}\n\n${submission.link}`,
          descriptionMarkupType: "plain",
          venueId: venue.id,
          occurringRule: { dtStart: submission.dateFrom, dtEnd: submission.dateTo, allDay: true },
        });
        const event = await tx.event.create({
          data: {
            title: data.title,
            calendarId: data.calendarId,
            description: data.description,
            descriptionMarkupType: "plain",
            venueId: venue.id,
            creatorId: submission.userId,
            lastModifiedById: options.actorId ?? null,
          },
          select: { id: true, calendar: { select: { slug: true } } },
        });
        await writeEventChildren(tx, event.id, data);
        const after = await tx.eventSubmission.update({ where: { id: submission.id }, data: { status: "approved", eventId: event.id }, select: submissionSelect });
        if (submission.submitterEmail) {
          await mailer.sendWith(tx, {
            to: submission.submitterEmail,
            template: "events/submission-approved",
            context: { submission, path: `/events/${event.calendar.slug}/${event.id}/` },
          });
        }
        await options.onWrite?.(tx, { before: submission, after });
      }
      return pending.length;
    });
  }

  /** Marks pending submissions rejected; returns how many. */
  async function rejectSubmissions(options: { ids: number[]; onWrite?: WriteHook<SubmissionView> }): Promise<number> {
    return deps.writes.write(async (tx) => {
      const pending = await tx.eventSubmission.findMany({ where: { id: { in: options.ids }, status: "pending" }, select: submissionSelect });
      for (const submission of pending) {
        const after = await tx.eventSubmission.update({ where: { id: submission.id }, data: { status: "rejected" }, select: submissionSelect });
        await options.onWrite?.(tx, { before: submission, after });
      }
      return pending.length;
    });
  }

  return { submitEvent, listSubmissions, getSubmission, approveSubmissions, rejectSubmissions };
}
