// Database connections for the legacy migration. Timestamps stay text on both sides so
// legacy microseconds survive (a JS Date keeps only milliseconds) and a re-run compares
// equal values as equal; both sessions run in UTC so the text forms match.
import pg from "pg";

const TIMESTAMPTZ = 1184;
const TIMESTAMP = 1114;
const DATE = 1082;
const RAW_TEXT = new Set([TIMESTAMPTZ, TIMESTAMP, DATE]);

const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    RAW_TEXT.has(oid) ? (value: string) => value : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Opens a client whose timestamps are UTC text, e.g. `2014-02-18 17:36:27.123456+00`. */
export async function connectLegacyClient(connectionString: string, applicationName: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString, types, application_name: applicationName });
  await client.connect();
  try {
    await client.query("SET TIME ZONE 'UTC'");
  } catch (error) {
    await client.end();
    throw error;
  }
  return client;
}

/** A connection string with any password hidden, for messages. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparsable URL)";
  }
}
