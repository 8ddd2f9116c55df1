// Turns the domains' TaskDefinitions into graphile-worker's task list, validating
// every payload with its zod schema before the handler sees it.
import type { TaskList } from "graphile-worker";
import type { Logger } from "../logging/logger.ts";
import type { TaskDefinition } from "./types.ts";

export function buildTaskList(tasks: TaskDefinition[], logger: Logger): TaskList {
  const list: TaskList = {};
  for (const task of tasks) {
    if (list[task.name]) throw new Error(`Task "${task.name}" is defined twice`);
    list[task.name] = async (rawPayload, helpers) => {
      const parsed = task.payload.safeParse(rawPayload);
      const taskLogger = logger.child({ task: task.name, jobId: helpers.job.id });
      if (!parsed.success) {
        // A malformed payload will never succeed: log and drop it instead of retrying.
        taskLogger.error({ issues: parsed.error.issues }, "dropping job with an invalid payload");
        return;
      }
      await task.run(parsed.data, { logger: taskLogger, jobId: helpers.job.id, attempts: helpers.job.attempts });
    };
  }
  return list;
}
