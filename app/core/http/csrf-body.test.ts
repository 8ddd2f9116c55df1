// Issue 15 item 6: a forged form post is refused without reading its body: on the headers
// when the browser has no CSRF cookie, after the first 64 KiB when the token is not the
// first field or is wrong. A genuine large upload (token first) still reaches its handler.
import { describe, expect, it } from "vitest";
import { signInAs } from "../../testing/admin.ts";
import { csrfPair } from "../../testing/auth.ts";
import { useTestContext } from "../../testing/deps.ts";
import { FORM_PREFIX_BYTES } from "./form-prefix.ts";

const ctx = useTestContext();
const MiB = 1024 * 1024;

/** A request body of `size` bytes after `head`, produced on demand; `pulled()` tells how much was read. */
function countedBody(head: string, size: number) {
  const encoder = new TextEncoder();
  let sent = 0;
  let first = true;
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (first) {
        first = false;
        const bytes = encoder.encode(head);
        sent += bytes.byteLength;
        return controller.enqueue(bytes);
      }
      if (sent >= size) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => sent };
}

// Sent chunked (no Content-Length), which the body limit used to buffer whole before CSRF ran.
function post(path: string, body: ReadableStream<Uint8Array>, headers: Record<string, string>) {
  return ctx.app.request(new Request(`http://localhost${path}`, { method: "POST", body, headers, duplex: "half" } as RequestInit));
}

describe("CSRF refuses forged posts before reading their bodies", () => {
  it("refuses an anonymous 31 MiB form post without a CSRF cookie on its headers", async () => {
    const body = countedBody("username=a&password=", 31 * MiB);
    const response = await post("/accounts/login/", body.stream, { "content-type": "application/x-www-form-urlencoded" });
    expect(response.status).toBe(403);
    expect(body.pulled()).toBeLessThan(MiB);
  });

  it("refuses a large multipart post whose first part is not the token, or a wrong token, after the first part", async () => {
    const boundary = "----forged";
    const cookie = csrfPair(ctx).cookie;
    for (const [name, value] of [
      ["file", "x"],
      ["csrf_token", "not-the-token"],
    ]) {
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n--${boundary}\r\nContent-Disposition: form-data; name="blob"\r\n\r\n`;
      const body = countedBody(head, 31 * MiB);
      const response = await post("/accounts/login/", body.stream, { "content-type": `multipart/form-data; boundary=${boundary}`, cookie });
      expect(response.status).toBe(403);
      // The prefix plus the chunks each stream layer reads ahead; never the 31 MiB.
      expect(body.pulled()).toBeLessThan(MiB);
    }
  });

  it("lets a genuine form whose token comes first through, body intact, and a small form with the token anywhere", async () => {
    const staff = await signInAs(ctx, {});
    const token = csrfPair(ctx).token;
    // The markup preview echoes the source back, so the handler saw the whole body.
    const source = "y".repeat(FORM_PREFIX_BYTES * 2);
    const big = await ctx.app.request("/admin/preview/markup", {
      method: "POST",
      headers: { cookie: staff.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrf_token: token, markup_type: "plain", source }).toString(),
    });
    expect(big.status).toBe(200);
    expect(await big.text()).toContain(source);
    const small = await ctx.app.request("/admin/preview/markup", {
      method: "POST",
      headers: { cookie: staff.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ markup_type: "plain", source: "tail token", csrf_token: token }).toString(),
    });
    expect(small.status).toBe(200);
    expect(await small.text()).toContain("tail token");
  });

  it("answers a chunked body over BODY_LIMIT_BYTES 413 once the handler reads past the limit", async () => {
    const staff = await signInAs(ctx, {});
    const body = countedBody(`csrf_token=${csrfPair(ctx).token}&markup_type=plain&source=`, ctx.deps.config.BODY_LIMIT_BYTES + MiB);
    const response = await post("/admin/preview/markup", body.stream, { "content-type": "application/x-www-form-urlencoded", cookie: staff.cookie });
    expect(response.status).toBe(413);
  });
});
