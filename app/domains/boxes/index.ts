// The boxes domain's public surface: its module, its port and the types others read.
export { boxesModule, BOXES_PORT } from "./module.ts";
export type { BoxesService, BoxView } from "./service.ts";
export type { BoxInput } from "./schemas.ts";
