// The banners domain as one module: the site-wide announcement banner.
import { bind, defineModule, definePort } from "../../core/modules/index.ts";
import { bannersAdmin } from "./admin.ts";
import { bannersApi } from "./api.ts";
import { bannersLegacyMigrator } from "./legacy.ts";
import { bannersOpenApi } from "./openapi.ts";
import { seedBannersDemo } from "./seed.ts";
import { createBannersService, type BannersService } from "./service.ts";

/** The active banner, for the layout. */
export const BANNERS_PORT = definePort<Pick<BannersService, "getActiveBanner">>("banners.active");

export const bannersModule = defineModule({
  name: "banners",
  provides: [BANNERS_PORT],
  createService: ({ deps }) => createBannersService(deps),
  bind: (banners) => [bind(BANNERS_PORT, banners)],
  api: { routes: ({ service, web }) => bannersApi(service, web), openApi: { v3: bannersOpenApi } },
  admin: ({ service }) => [bannersAdmin(service)],
  legacy: { migrators: [bannersLegacyMigrator] },
  seed: ({ service }) => seedBannersDemo(service),
});
