// RFC 9457 problem details for every error under /api.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { FieldErrors } from "../errors.ts";

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Payload Too Large",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

export function problemResponse(c: Context, status: number, detail: string, extra: { code?: string; fields?: FieldErrors } = {}): Response {
  const body = {
    type: "about:blank",
    title: TITLES[status] ?? "Error",
    status,
    detail,
    instance: c.req.path,
    requestId: c.get("requestId") as string | undefined,
    ...(extra.code ? { code: extra.code } : {}),
    ...(extra.fields ? { errors: extra.fields } : {}),
  };
  return c.body(JSON.stringify(body), status as ContentfulStatusCode, {
    "Content-Type": "application/problem+json; charset=utf-8",
  });
}
