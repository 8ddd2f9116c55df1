// The banners domain's public surface: its module and its port.
export { bannersModule, BANNERS_PORT } from "./module.ts";
export type { BannersService, BannerView } from "./service.ts";
