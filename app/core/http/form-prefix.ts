// Reads the first field of a form body without reading the rest: the CSRF check needs only
// the token, which every form of ours sends first, so a forged 31 MiB post is refused
// after its first 64 KiB. The bytes read are replayed, so the handler still sees the body.
import type { Context } from "hono";

/** How much of a body is read before the CSRF token must have been seen. */
export const FORM_PREFIX_BYTES = 64 * 1024;

export interface FormPrefix {
  /** The whole body was within the prefix (the handler may look for the token anywhere). */
  complete: boolean;
  /** The first field's name and value, when the prefix holds all of it. */
  first?: { name: string; value: string };
}

/** Reads up to FORM_PREFIX_BYTES of the request body, puts them back in front of the rest, and parses the first field. */
export async function readFormPrefix(c: Context): Promise<FormPrefix> {
  const body = c.req.raw.body;
  if (!body) return { complete: true };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < FORM_PREFIX_BYTES) {
    const next = await reader.read();
    if (next.done) {
      done = true;
      break;
    }
    chunks.push(next.value);
    size += next.value.byteLength;
  }
  replayBody(c, chunks, done ? undefined : reader);
  const prefix = Buffer.concat(chunks).toString("latin1");
  const type = c.req.header("content-type") ?? "";
  return { complete: done, first: /^multipart\/form-data/i.test(type) ? firstMultipartField(prefix, type) : firstUrlencodedField(prefix) };
}

function replayBody(c: Context, chunks: Uint8Array[], rest: ReadableStreamDefaultReader<Uint8Array> | undefined): void {
  let index = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (index < chunks.length) return controller.enqueue(chunks[index++]!);
      const next = rest ? await rest.read() : { done: true as const, value: undefined };
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel: (reason) => rest?.cancel(reason),
  });
  const raw = c.req.raw;
  c.req.raw = new Request(raw.url, { method: raw.method, headers: raw.headers, body: stream, duplex: "half", signal: raw.signal } as RequestInit);
}

function firstUrlencodedField(prefix: string): FormPrefix["first"] {
  const end = prefix.indexOf("&");
  const pair = end === -1 ? prefix : prefix.slice(0, end);
  const equals = pair.indexOf("=");
  if (equals === -1) return undefined;
  const decode = (text: string) => {
    try {
      return decodeURIComponent(text.replaceAll("+", " "));
    } catch {
      return "";
    }
  };
  return { name: decode(pair.slice(0, equals)), value: decode(pair.slice(equals + 1)) };
}

function firstMultipartField(prefix: string, type: string): FormPrefix["first"] {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(type);
  const delimiter = `--${boundary?.[1] ?? boundary?.[2] ?? ""}`;
  if (delimiter === "--" || !prefix.startsWith(delimiter)) return undefined;
  const headersEnd = prefix.indexOf("\r\n\r\n", delimiter.length);
  if (headersEnd === -1) return undefined;
  const name = /content-disposition:[^\r\n]*\bname="([^"]*)"/i.exec(prefix.slice(delimiter.length, headersEnd))?.[1];
  const valueEnd = prefix.indexOf(`\r\n${delimiter}`, headersEnd + 4);
  if (name === undefined || valueEnd === -1) return undefined;
  return { name, value: Buffer.from(prefix.slice(headersEnd + 4, valueEnd), "latin1").toString("utf8") };
}
