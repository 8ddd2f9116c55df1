// Every domain module, in order: HTML routes mount in this order, seeds run in it and
// ties in the legacy migration order are broken by it. Services are built in an order
// that puts each port's provider first, whatever the listing. Adding a domain is one line.
import type { ServicesOf } from "../core/modules/index.ts";
import { bannersModule } from "./banners/index.ts";
import { boxesModule } from "./boxes/index.ts";
import { downloadsModule } from "./downloads/index.ts";
import { eventsModule } from "./events/index.ts";
import { jobsModule } from "./jobs/index.ts";
import { pagesModule } from "./pages/index.ts";
import { usersModule } from "./users/index.ts";

export const DOMAIN_MODULES = [usersModule, boxesModule, bannersModule, pagesModule, downloadsModule, eventsModule, jobsModule] as const;

export type DomainModules = typeof DOMAIN_MODULES;
export type Services = ServicesOf<DomainModules>;
