// The downloads domain's public surface: its module and the port it asks others for.
export { downloadsModule, RELEASE_PAGES_PORT } from "./module.ts";
export type { DownloadsService, ReleasePageResolver } from "./service.ts";
export type { ReleaseFileInput } from "./schemas.ts";
