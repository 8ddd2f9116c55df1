// The mail task. Its name is a public contract: never rename it.
import { defineTask, type TaskDefinition } from "../jobs/types.ts";
import { type Mailer, SEND_MESSAGE_TASK } from "./mailer.ts";
import { SendMessagePayloadSchema } from "./schemas.ts";

/** `mail.send-message`: sends one stored delivery; retried by graphile-worker while it throws. */
export function mailTasks(mailer: Pick<Mailer, "deliverMessage">): TaskDefinition[] {
  return [
    defineTask({
      name: SEND_MESSAGE_TASK,
      payload: SendMessagePayloadSchema,
      run: ({ deliveryId }, context) => mailer.deliverMessage({ deliveryId, attempt: context.attempts }),
    }),
  ];
}
