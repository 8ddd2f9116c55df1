// The request body limit. Hono's bodyLimit buffers a body sent without Content-Length
// (chunked) whole before any handler runs, so an anonymous 31 MiB chunked post cost 31 MiB
// even when CSRF would refuse it on its headers. This one counts as the body is read:
// nothing is read until someone asks, and reading past the limit fails with a 413.
import type { MiddlewareHandler } from "hono";
import { AppError } from "../errors.ts";

const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", "The request body is too large.");

export function streamingBodyLimit(options: { maxSize: number }): MiddlewareHandler {
  return async (c, next) => {
    const raw = c.req.raw;
    if (!raw.body) return next();
    const length = raw.headers.get("content-length");
    if (length !== null && !raw.headers.has("transfer-encoding")) {
      if (Number.parseInt(length, 10) > options.maxSize) throw tooLarge();
      return next();
    }
    const reader = raw.body.getReader();
    let size = 0;
    const limited = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await reader.read();
        if (next.done) return controller.close();
        size += next.value.byteLength;
        if (size > options.maxSize) {
          await reader.cancel();
          return controller.error(tooLarge());
        }
        controller.enqueue(next.value);
      },
      cancel: (reason) => reader.cancel(reason),
    });
    c.req.raw = new Request(raw.url, { method: raw.method, headers: raw.headers, body: limited, duplex: "half", signal: raw.signal } as RequestInit);
    return next();
  };
}
