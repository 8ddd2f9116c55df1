// Structured JSON logs (pino); pretty output only when a person watches a terminal.
import { pino, type Logger } from "pino";

export type { Logger };

export function createLogger(options: { level: string; pretty?: boolean }): Logger {
  return pino({
    level: options.level,
    base: undefined,
    redact: { paths: ["req.headers.authorization", "req.headers.cookie"], remove: true },
    transport: options.pretty ? { target: "pino-pretty", options: { singleLine: true } } : undefined,
  });
}
