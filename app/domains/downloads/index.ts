// The downloads domain's public surface; other modules import only from here.
export { createDownloadsService, type DownloadsService, type DownloadsDeps, type ReleasePageResolver } from "./service.ts";
export { downloadsTasks } from "./jobs.ts";
export { downloadsRoutes } from "./routes.ts";
export { downloadsApi, downloadsLegacyApi, downloadsOpenApi } from "./api.ts";
export { downloadsAdmin } from "./admin.ts";
export { downloadsLegacyMigrator } from "./legacy.ts";
export { downloadsSearchSource } from "./search.ts";
export { createCdnPurger, type CdnPurger } from "./purge.ts";
export type { Actor } from "./policies.ts";
export { ReleaseInputSchema, ReleaseFileInputSchema, OsInputSchema, ReleaseCycleInputSchema } from "./schemas.ts";
export type { ReleaseInput, ReleaseFileInput, OsInput, ReleaseCycleInput } from "./schemas.ts";
export { defaultReleaseNotesUrl } from "./versions.ts";
