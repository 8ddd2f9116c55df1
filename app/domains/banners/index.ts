// The banners domain's public surface; other modules import only from here.
export { createBannersService, type BannersService, type BannerView } from "./service.ts";
export { bannersApi } from "./api.ts";
export { BannerInputSchema, type BannerInput } from "./schemas.ts";
export { bannersAdmin } from "./admin.ts";
export { bannersOpenApi } from "./openapi.ts";
