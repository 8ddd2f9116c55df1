// The editors' admin as one Hono sub-app, mounted at /admin behind requireAdminSite.
import { Hono } from "hono";
import { requireAdminSite } from "../../auth/guards.ts";
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

/** Every admin page; anyone who is not staff goes to /admin/login/ (served by the users domain). */
export function adminRoutes(deps: AdminDeps) {
  const app = new Hono<AppEnv>({ strict: true });
  app.use("*", requireAdminSite());
  app.route("/", homeRoutes(deps));
  app.route("/", previewRoutes());
  app.route("/", listRoutes(deps));
  app.route("/", bulkRoutes(deps));
  app.route("/", editRoutes(deps));
  app.route("/", deleteRoutes(deps));
  app.route("/", historyRoutes(deps));
  return app;
}
