// /events/submit/ (legacy EventSubmit, login required) and /events/submit/thanks/. A
// valid POST stores the submission, mails the events address and 302s to the thanks
// page, as legacy; an invalid one re-renders the form with its errors (422).
import type { Context, Hono } from "hono";
import { requireUser } from "../../../core/auth/guards.ts";
import { toAppError, type FieldErrors } from "../../../core/errors.ts";
import type { AppEnv } from "../../../core/http/env.ts";
import type { WebSettings } from "../../../core/modules/types.ts";
import type { EventsService } from "../service.ts";

export const SUBMISSION_FIELDS = [
  "event_name",
  "event_type",
  "python_focus",
  "expected_attendees",
  "location",
  "date_from",
  "date_to",
  "recurrence",
  "link",
  "description",
  "website",
] as const;

function renderForm(c: Context<AppEnv>, values: Record<string, string>, errors: FieldErrors = {}, status: 200 | 422 | 429 = 200) {
  c.status(status);
  c.header("Cache-Control", "private, no-store");
  return c.render("events/event_form.njk", { title: "Submit an Event", body_class: "python events", values, errors });
}

export function registerSubmission(app: Hono<AppEnv>, events: EventsService, _web: WebSettings): void {
  app.get("/events/submit/", requireUser(), (c) => renderForm(c, {}));

  app.post("/events/submit/", requireUser(), async (c) => {
    const body = await c.req.parseBody();
    const values: Record<string, string> = {};
    for (const name of SUBMISSION_FIELDS) {
      const value = body[name];
      if (typeof value === "string") values[name] = value.slice(0, 20_000);
    }
    const user = c.get("user")!;
    try {
      await events.submitEvent({ user: { id: user.id, username: user.username, email: user.email }, input: values });
    } catch (error) {
      const appError = toAppError(error);
      if (appError?.code === "VALIDATION") return renderForm(c, values, appError.fields ?? { _form: [appError.message] }, 422);
      if (appError?.code === "RATE_LIMITED") return renderForm(c, values, { _form: [appError.message] }, 429);
      throw error;
    }
    return c.redirect("/events/submit/thanks/", 302);
  });

  app.get("/events/submit/thanks/", (c) => {
    c.header("Cache-Control", "private, no-store");
    return c.render("events/event_form_thanks.njk", { title: "Thank you", body_class: "python events" });
  });
}
