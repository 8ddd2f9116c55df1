// Background tasks of the users domain. Task names are a public contract: never rename.
import { z } from "zod";
import { defineTask, type TaskDefinition } from "../../core/jobs/types.ts";
import type { UsersService } from "./service.ts";

/** Cron jobs carry only graphile-worker's `_cron` metadata; nothing else is read. */
export const PruneSessionsPayloadSchema = z.object({
  _cron: z.object({ ts: z.string(), backfilled: z.boolean().optional() }).optional(),
});

export const PRUNE_SESSIONS_TASK = "users.prune-sessions";

export function usersTasks(users: UsersService): TaskDefinition[] {
  return [
    defineTask({
      name: PRUNE_SESSIONS_TASK,
      payload: PruneSessionsPayloadSchema,
      async run(_payload, context) {
        const deleted = await users.pruneExpiredSessions();
        if (deleted > 0) context.logger.info({ deleted }, "pruned expired sessions");
      },
    }),
  ];
}
