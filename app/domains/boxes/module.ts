// The boxes domain as one module: editable HTML snippets shown across the site.
import { bind, defineModule, definePort } from "../../core/modules/index.ts";
import { boxesAdmin } from "./admin.ts";
import { boxesApi } from "./api.ts";
import { boxesLegacyMigrator } from "./legacy.ts";
import { boxesOpenApi } from "./openapi.ts";
import { boxesRoutes } from "./routes.ts";
import { seedBoxesDemo } from "./seed.ts";
import { createBoxesService, type BoxesService } from "./service.ts";

/** Reading and writing boxes from other domains (supernav panels, download boxes, link checks). */
export const BOXES_PORT = definePort<BoxesService>("boxes.boxes");

export const boxesModule = defineModule({
  name: "boxes",
  provides: [BOXES_PORT],
  createService: ({ deps }) => createBoxesService(deps),
  bind: (boxes) => [bind(BOXES_PORT, boxes)],
  routes: ({ service }) => [{ path: "/", app: boxesRoutes(service) }],
  api: { routes: ({ service, web }) => boxesApi(service, web), openApi: { v3: boxesOpenApi } },
  admin: ({ service }) => [boxesAdmin(service)],
  markup: ({ service }) => [service.markupTarget],
  legacy: { migrators: [boxesLegacyMigrator] },
  seed: ({ service }) => seedBoxesDemo(service),
});
