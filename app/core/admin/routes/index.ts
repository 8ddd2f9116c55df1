// The editors' admin as one Hono sub-app, mounted at /admin behind requireStaff.
import { Hono } from "hono";
import { requireStaff } from "../../auth/guards.ts";
import type { AppEnv } from "../../http/env.ts";
import { bulkRoutes } from "./bulk.ts";
import { deleteRoutes } from "./delete.ts";
import { editRoutes } from "./edit.ts";
import { historyRoutes } from "./history.ts";
import { homeRoutes } from "./home.ts";
import { listRoutes } from "./list.ts";
import { previewRoutes } from "./preview.ts";
import type { AdminDeps } from "./shared.ts";

export type { AdminDeps } from "./shared.ts";

/** Every admin page; anonymous visitors go to the login page, non-staff get 403. */
export function adminRoutes(deps: AdminDeps) {
  const app = new Hono<AppEnv>({ strict: true });
  app.use("*", requireStaff());
  app.route("/", homeRoutes(deps));
  app.route("/", previewRoutes());
  app.route("/", listRoutes(deps));
  app.route("/", bulkRoutes(deps));
  app.route("/", editRoutes(deps));
  app.route("/", deleteRoutes(deps));
  app.route("/", historyRoutes(deps));
  return app;
}
