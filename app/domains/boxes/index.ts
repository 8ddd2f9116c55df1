// The boxes domain's public surface; other modules import only from here.
export { createBoxesService, type BoxesService, type BoxView } from "./service.ts";
export { boxesRoutes } from "./routes.ts";
export { boxesApi } from "./api.ts";
export { BoxInputSchema, type BoxInput } from "./schemas.ts";
export { boxesAdmin } from "./admin.ts";
export { boxesOpenApi } from "./openapi.ts";
