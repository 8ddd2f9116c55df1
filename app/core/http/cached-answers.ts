// The response cache's fast path, in front of the app: a request whose answer this
// process holds in memory is answered straight from node:http, without building a
// Request, running middleware or routing. Everything else goes to the app, whose
// response-cache middleware answers from the shared store or builds the page. API
// answers always go to the app, whose rate limits count every request, stored or not.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import type { ResponseStore } from "../cache/response-store.ts";
import type { Logger } from "../logging/logger.ts";
import { INCOMING_REQUEST_ID } from "./request-context.ts";
import { answerFrom, responseKeyOf } from "./response-cache.ts";

export function withCachedAnswers(store: ResponseStore, app: RequestListener, logger: Pick<Logger, "info">): RequestListener {
  return (request: IncomingMessage, response: ServerResponse) => {
    const { method = "GET", url = "/", headers } = request;
    const key = url.startsWith("/api/") ? null : responseKeyOf({ method, url, authorization: headers.authorization, cookie: headers.cookie, accept: headers.accept });
    const entry = key === null ? undefined : store.getLocal(key);
    if (!entry) return app(request, response);

    const started = performance.now();
    const answer = answerFrom(
      entry,
      { method, ifNoneMatch: headers["if-none-match"], ifModifiedSince: headers["if-modified-since"], acceptEncoding: headers["accept-encoding"] },
      "hit",
    );
    const incoming = headers["x-request-id"];
    const requestId = typeof incoming === "string" && INCOMING_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    answer.headers["x-request-id"] = requestId;
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body ?? undefined);
    logger.info({ requestId, method, path: url.split("?", 1)[0], status: answer.status, durationMs: Math.round((performance.now() - started) * 10) / 10, cache: "hit" }, "request");
  };
}
