// Gives each request an id (X-Request-Id, accepted from a proxy when well-formed), a
// child logger carrying it, and one access-log line when the response is done.
import type { MiddlewareHandler } from "hono";
import { randomUUID } from "node:crypto";
import type { Logger } from "../logging/logger.ts";
import type { AppEnv } from "./env.ts";

export const INCOMING_REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

export function requestContext(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const requestId = incoming && INCOMING_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const requestLogger = logger.child({ requestId });
    c.set("requestId", requestId);
    c.set("logger", requestLogger);
    c.set("user", null);
    c.set("authMethod", null);
    const started = performance.now();
    await next();
    c.header("X-Request-Id", requestId);
    requestLogger.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      },
      "request",
    );
  };
}
