// The shared corpus of hostile values the outside probe used (issue 15): numbers beyond
// PostgreSQL `integer`, control characters, script URLs and oversized id lists. The
// hostile-input test (app/testing/hostile-input.test.ts) sends them to every registered
// route; a domain joins by registering its routes, never by listing values of its own.

export interface HostileValue {
  /** What the value probes, for failure messages. */
  label: string;
  /** The value as text: a path segment, query value or form field. */
  text: string;
  /** The value in a JSON body, when it differs from `text` (a number rather than its digits). */
  json?: unknown;
  /** Every field that stores text refuses it (a NUL byte), so a request carrying it in every field must change nothing. */
  alwaysRefused?: boolean;
}

const ids = (count: number) => Array.from({ length: count }, (_, index) => String(index + 1)).join(";");

export const HOSTILE_NUMBERS: HostileValue[] = [
  { label: "integer max + 1", text: "2147483648", json: 2147483648 },
  { label: "integer min - 1", text: "-2147483649", json: -2147483649 },
  { label: "20 digits", text: "99999999999999999999", json: 1e20 },
  { label: "1e308", text: "1e308", json: 1e308 },
  { label: "beyond double", text: "1e309" },
  { label: "NaN", text: "NaN" },
  { label: "fraction", text: "1.5", json: 1.5 },
  { label: "hex", text: "0x10" },
];

export const HOSTILE_TEXT: HostileValue[] = [
  { label: "NUL", text: "\u0000", alwaysRefused: true },
  { label: "NUL inside", text: "a\u0000b", alwaysRefused: true },
  { label: "CRLF header injection", text: "\r\nX: 1" },
  { label: "SOH", text: "\u0001" },
  { label: "DEL", text: "\u007f" },
];

export const HOSTILE_URLS: HostileValue[] = [
  { label: "javascript: URL", text: "javascript:alert(1)" },
  { label: "data: URL", text: "data:text/html,<script>alert(1)</script>" },
  { label: "vbscript: URL", text: "vbscript:msgbox(1)" },
  { label: "protocol-relative URL", text: "//evil.example/" },
];

export const HOSTILE_ID_LISTS: HostileValue[] = [
  { label: "3,000 ids", text: ids(3000) },
  { label: "ids beyond integer", text: "1;2147483648;99999999999999999999" },
];

export const HOSTILE_CORPUS: HostileValue[] = [...HOSTILE_NUMBERS, ...HOSTILE_TEXT, ...HOSTILE_URLS, ...HOSTILE_ID_LISTS];

/**
 * `count` values for the `index`-th target, rotating through the corpus so that every
 * value is sent somewhere while each target gets only a few (no full cross-product);
 * the first is always one that must be refused, for the data-change check.
 */
export function sampleCorpus(index: number, count: number): HostileValue[] {
  const refused = HOSTILE_CORPUS.filter((value) => value.alwaysRefused);
  const picks = [refused[index % refused.length]!];
  for (let step = 0; picks.length < count; step++) picks.push(HOSTILE_CORPUS[(index * (count - 1) + step) % HOSTILE_CORPUS.length]!);
  return picks;
}

/** A corpus value for a path parameter whose route pattern is `pattern` (e.g. `[0-9]+`), or undefined when none fits. */
export function pathValueFor(pattern: string | undefined, value: HostileValue): string | undefined {
  const encoded = /^[\w.;~-]+$/.test(value.text) ? value.text : encodeURIComponent(value.text);
  if (pattern === undefined) return encoded;
  // `image|document`: a hostile value cannot match; the parameter takes the first choice.
  if (/^[a-z]+(\|[a-z]+)+$/i.test(pattern)) return pattern.split("|")[0];
  const regex = new RegExp(`^(?:${pattern})$`);
  if (regex.test(value.text)) return encoded;
  for (const fallback of ["99999999999999999999", "2147483648", "99999999999999999999.1", "python3.99999999999999999999"]) {
    if (regex.test(fallback)) return fallback;
  }
  return undefined;
}
