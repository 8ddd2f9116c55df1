// reStructuredText has no JavaScript renderer we trust, so new reST is rendered by
// docutils (the renderer legacy python.org used) in a background job, when a
// `python3` with docutils is installed. Directives that read files or emit raw HTML
// are switched off; the result still passes the sanitiser.
import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import { createLimiter } from "./limiter.ts";
import { sanitizeMarkupHtml } from "./sanitize.ts";

const RENDER_SCRIPT = `
import sys
from docutils.core import publish_parts
source = sys.stdin.buffer.read().decode("utf-8")
parts = publish_parts(source, writer_name="html5", settings_overrides={
    "raw_enabled": False,
    "file_insertion_enabled": False,
    "report_level": 5,
    "halt_level": 5,
    "traceback": False,
    "input_encoding": "unicode",
    "output_encoding": "unicode",
    "syntax_highlight": "none",
    "initial_header_level": 2,
    "doctitle_xform": False,
})
sys.stdout.write(parts["body"])
`;

const TIMEOUT_MS = 10_000;
let availability: Promise<boolean> | undefined;

/**
 * Longest reST source docutils is given, in characters. docutils' time grows fast with
 * nesting (199 KB of nested lists took 10 s); the preview refuses longer text and the
 * render job leaves it shown as source.
 */
export const RST_MAX_SOURCE = 100_000;

/** docutils processes running at once in this process (the machine's cores), and previews that may wait for one. */
export const DOCUTILS_LIMITS = { running: 2, waiting: 4 };
const docutils = createLimiter(DOCUTILS_LIMITS);

/** The source is over RST_MAX_SOURCE. */
export class RstTooLongError extends Error {
  override name = "RstTooLongError";
}

/** True when `python3 -c "import docutils"` works on this machine (checked once). */
export function docutilsAvailable(python = process.env.PYTHON ?? "python3"): Promise<boolean> {
  availability ??= promisify(execFile)(python, ["-c", "import docutils"], { timeout: TIMEOUT_MS })
    .then(() => true)
    .catch(() => false);
  return availability;
}

/**
 * Renders reST to sanitised HTML with docutils; rejects when docutils fails or times out,
 * with RstTooLongError over RST_MAX_SOURCE, and (`queue: "bounded"`, the default) with
 * LimiterBusyError when DOCUTILS_LIMITS are taken; `queue: "unbounded"` waits its turn.
 */
export function renderRestructuredText(source: string, python = process.env.PYTHON ?? "python3", options: { queue?: "bounded" | "unbounded" } = {}): Promise<string> {
  if (source.length > RST_MAX_SOURCE) return Promise.reject(new RstTooLongError(`reStructuredText over ${RST_MAX_SOURCE} characters is not rendered`));
  return docutils.run(() => runDocutils(source, python), options);
}

function runDocutils(source: string, python: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, ["-c", RENDER_SCRIPT], { stdio: ["pipe", "pipe", "pipe"], timeout: TIMEOUT_MS });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(sanitizeMarkupHtml(Buffer.concat(out).toString("utf8")));
      else reject(new Error(`docutils exited with ${code}: ${Buffer.concat(err).toString("utf8").slice(0, 500)}`));
    });
    child.stdin.end(source, "utf8");
  });
}
