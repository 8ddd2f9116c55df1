// Issue 15 item 6: the reStructuredText preview bounds what one request can cost: the
// source length (RST_MAX_SOURCE) and the docutils processes running at once
// (DOCUTILS_LIMITS); a preview that finds every slot and the queue taken gets a 429.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { adminPost, signInAs, type SignedIn } from "../../../testing/admin.ts";
import { useTestContext } from "../../../testing/deps.ts";
import { DOCUTILS_LIMITS, docutilsAvailable, RST_MAX_SOURCE } from "../../markup/rst.ts";

// python3 behind a wrapper that logs each start and end, so the test can count how many
// docutils processes overlapped (the lines are appended in the order they happen).
const dir = mkdtempSync(path.join(tmpdir(), "docutils-log-"));
const log = path.join(dir, "log");
const wrapper = path.join(dir, "python3");
writeFileSync(wrapper, `#!/bin/sh\necho start >> "${log}"\npython3 "$@"\nstatus=$?\necho end >> "${log}"\nexit $status\n`, { mode: 0o755 });
process.env.PYTHON = wrapper;
const available = await docutilsAvailable();

function peakOverlap(): number {
  let running = 0;
  let peak = 0;
  for (const line of readFileSync(log, "utf8").split("\n")) {
    if (line === "start") peak = Math.max(peak, ++running);
    if (line === "end") running -= 1;
  }
  return peak;
}

const ctx = useTestContext();
let editor: SignedIn;

beforeEach(async () => {
  editor = await signInAs(ctx, {});
  writeFileSync(log, "");
});

const preview = (source: string) => ctx.app.request("/admin/preview/markup", adminPost(ctx, editor.cookie, { source, markup_type: "restructuredtext" }));

// Nested bullet lists: cheap to send, slow for docutils.
const nested = (depth: number, repeat: number) =>
  Array.from({ length: repeat }, () => Array.from({ length: depth }, (_, level) => `${"  ".repeat(level)}* item ${level}\n\n`).join("")).join("");

describe("reStructuredText preview limits", () => {
  it("refuses a source over RST_MAX_SOURCE with a 422, starting no docutils", async () => {
    const response = await preview("x".repeat(RST_MAX_SOURCE + 1));
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("cannot be previewed");
    expect(readFileSync(log, "utf8")).toBe("");
  });

  it.skipIf(!available)("runs at most DOCUTILS_LIMITS.running docutils at once and answers the overflow 429", async () => {
    const requests = 10;
    const responses = await Promise.all(Array.from({ length: requests }, () => preview(nested(8, 20))));
    const statuses = responses.map((response) => response.status);
    expect(statuses.every((status) => status === 200 || status === 429)).toBe(true);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(DOCUTILS_LIMITS.running);
    expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(DOCUTILS_LIMITS.running + DOCUTILS_LIMITS.waiting);
    const refused = responses.find((response) => response.status === 429);
    if (refused) expect(await refused.text()).toContain("Too many previews");
    expect(peakOverlap()).toBeLessThanOrEqual(DOCUTILS_LIMITS.running);
  });
});
