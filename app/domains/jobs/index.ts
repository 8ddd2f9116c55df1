// The jobs domain's public surface: its module and the types others need.
export { jobsModule } from "./module.ts";
export type { JobsService } from "./service.ts";
export type { JobView, JobSummaryView } from "./presenters.ts";
export type { JobInput } from "./schemas.ts";
