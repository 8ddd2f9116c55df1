// A bare Hono app for the core API unit tests: one route at /x/ behind an error handler,
// with the signed-in user and credential kind a test chooses (no database).
import { type ErrorHandler, type Handler, Hono } from "hono";
import type { AppEnv, AuthMethod, CurrentUser } from "../http/env.ts";

export const testStaff = { id: 1, isStaff: true, isSuperuser: false } as CurrentUser;

export function bareApiApp(onError: ErrorHandler<AppEnv>, handler: Handler<AppEnv>, auth?: { user: CurrentUser; method: AuthMethod }) {
  const app = new Hono<AppEnv>();
  app.onError(onError);
  app.use(async (c, next) => {
    c.set("user", auth?.user ?? null);
    c.set("authMethod", auth?.method ?? null);
    await next();
  });
  app.all("/x/", handler);
  return app;
}
