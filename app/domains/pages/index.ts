// The pages domain's public surface: its module and its port.
export { pagesModule, SITE_MENUS_PORT } from "./module.ts";
export type { PagesService } from "./service.ts";
export type { PageInput } from "./schemas.ts";
export type { PageView } from "./service/views.ts";
