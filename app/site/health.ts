// `/_health…` answers plain OK without touching anything (legacy: any path starting
// with _health, for the load balancer); `/healthz` checks every backing service.
import { Hono } from "hono";
import type { AppEnv } from "../core/http/env.ts";

export interface HealthCheck {
  name: string;
  check(): Promise<{ ok: boolean; detail?: Record<string, unknown> }>;
}

async function runCheck(check: HealthCheck, timeoutMs: number) {
  const started = performance.now();
  try {
    const result = await Promise.race([
      check.check(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs).unref()),
    ]);
    return { ...result, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, error: (error as Error).message, ms: Math.round(performance.now() - started) };
  }
}

export function healthRoutes(checks: HealthCheck[], options: { timeoutMs?: number } = {}) {
  const app = new Hono<AppEnv>();
  app.get("/_health*", (c) => {
    c.header("Cache-Control", "no-store");
    return c.text("OK");
  });
  app.get("/healthz", async (c) => {
    const results = await Promise.all(checks.map(async (check) => [check.name, await runCheck(check, options.timeoutMs ?? 2000)] as const));
    const ok = results.every(([, result]) => result.ok);
    c.header("Cache-Control", "no-store");
    return c.json({ status: ok ? "ok" : "degraded", checks: Object.fromEntries(results) }, ok ? 200 : 503);
  });
  return app;
}
