// The end-of-run report: one line per step (rows read, inserted, updated, unchanged,
// skipped), then the reasons for skips and the notes on adjusted rows.
import { sumValues, writtenRows } from "./tally.ts";
import type { StepReport } from "./types.ts";

/** The result of a whole run. */
export interface MigrationReport {
  dryRun: boolean;
  steps: StepReport[];
}

/** Rows written (inserted + updated) over the whole run. */
export function totalWritten(report: MigrationReport): number {
  return report.steps.reduce((total, step) => total + writtenRows(step), 0);
}

/** A short label for a step, e.g. `users: users_user → users`. */
export function stepLabel(step: { migrator: string; step: string; target: string }): string {
  return `${step.migrator}: ${step.step} → ${step.target}`;
}

const HEADERS = ["read", "inserted", "updated", "unchanged", "skipped"] as const;

/** The report as aligned plain text. */
export function formatReport(report: MigrationReport): string {
  const labels = report.steps.map(stepLabel);
  const width = Math.max(20, ...labels.map((label) => label.length));
  const cell = (value: string | number) => String(value).padStart(10);
  const lines = [
    report.dryRun ? "Legacy migration report — DRY RUN, everything was rolled back" : "Legacy migration report",
    `${"step".padEnd(width)}${HEADERS.map(cell).join("")}`,
  ];
  report.steps.forEach((step, index) => {
    const values = [step.read, step.inserted, step.updated, step.unchanged, sumValues(step.skipped)];
    lines.push(`${labels[index]!.padEnd(width)}${values.map(cell).join("")}${step.resumed ? "  (resumed)" : ""}`);
    for (const [reason, count] of Object.entries(step.skipped)) lines.push(`    skipped ${count}: ${reason}`);
    for (const [reason, count] of Object.entries(step.notes)) lines.push(`    note ${count}: ${reason}`);
  });
  const totals = HEADERS.map((header) => report.steps.reduce((total, step) => total + (header === "skipped" ? sumValues(step.skipped) : step[header]), 0));
  lines.push(`${"total".padEnd(width)}${totals.map(cell).join("")}`);
  lines.push(`${totalWritten(report)} rows ${report.dryRun ? "would be" : "were"} written.`);
  return lines.join("\n");
}
