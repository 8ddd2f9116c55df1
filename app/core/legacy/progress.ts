// Progress output: a redrawn bar on a terminal (\r), plain lines otherwise (logs, CI).
import type { Writable } from "node:stream";

/** Receives the runner's progress through each step. */
export interface Progress {
  startStep(label: string, total: number, done: number): void;
  advance(done: number): void;
  endStep(summary: string): void;
}

/** Progress that prints nothing (tests). */
export const silentProgress: Progress = { startStep() {}, advance() {}, endStep() {} };

const BAR_WIDTH = 30;

/** A bar redrawn in place with \r, for a TTY. */
export function createBarProgress(out: Writable & { columns?: number }): Progress {
  let label = "";
  let total = 0;
  const draw = (done: number) => {
    const ratio = total === 0 ? 1 : Math.min(done / total, 1);
    const filled = Math.round(ratio * BAR_WIDTH);
    const bar = `${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}`;
    const line = `${label} ${bar} ${done}/${total} ${Math.floor(ratio * 100)}%`;
    // A pseudo-terminal may report 0 columns; only trim to a width that is real.
    const width = out.columns && out.columns > 20 ? out.columns - 1 : line.length;
    out.write(`\r\x1b[2K${line.slice(0, width)}`);
  };
  return {
    startStep(stepLabel, stepTotal, done) {
      label = stepLabel;
      total = stepTotal;
      draw(done);
    },
    advance: draw,
    endStep(summary) {
      out.write(`\r\x1b[2K${summary}\n`);
    },
  };
}

/** One line when a step starts and one when it ends, for logs. */
export function createLineProgress(out: Writable): Progress {
  return {
    startStep(label, total, done) {
      out.write(done > 0 ? `${label}: resuming at ${done}/${total} rows\n` : `${label}: ${total} rows to read\n`);
    },
    advance() {},
    endStep(summary) {
      out.write(`${summary}\n`);
    },
  };
}

/** The right progress for a stream: a bar on a terminal, lines otherwise. */
export function progressFor(out: Writable & { isTTY?: boolean; columns?: number }): Progress {
  return out.isTTY ? createBarProgress(out) : createLineProgress(out);
}
