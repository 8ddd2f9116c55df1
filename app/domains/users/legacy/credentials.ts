// Legacy allauth addresses (account_emailaddress) and API credentials (tastypie_apikey,
// authtoken_token). Secrets are never stored: only the SHA-256 hex of each legacy key,
// which the API authentication compares against sha256(presented key).
import { createHash } from "node:crypto";
import { syncRows, takenByOthers, type TargetRow } from "../../../core/legacy/sync.ts";
import type { BatchContext, LegacyRow, MigrationStep } from "../../../core/legacy/types.ts";
import { keepRowsOfMigratedUsers } from "./links.ts";

/** SHA-256 hex of a legacy API key or token, as stored in api_keys / auth_tokens.key_hash. */
export function hashLegacyKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** Skips `rows` whose unique `columns` belong to another target row; returns the rest. */
async function dropTaken(ctx: BatchContext, table: string, columns: string[], key: string, rows: TargetRow[], reason: string): Promise<TargetRow[]> {
  const taken = await takenByOthers(ctx.target, { table, columns, key }, rows);
  if (taken.size > 0) ctx.tally.skip(reason, taken.size);
  return rows.filter((row) => !taken.has(row));
}

async function writeEmailAddresses(rows: LegacyRow[], ctx: BatchContext): Promise<void> {
  const addresses: TargetRow[] = [];
  for (const row of await keepRowsOfMigratedUsers(ctx, rows)) {
    if (row.same_user_twin) {
      ctx.tally.skip("same address twice for one user once lower-cased (kept the lowest id)");
      continue;
    }
    const email = String(row.email).toLowerCase();
    // allauth 0006 lower-cased addresses, but rows written since by other code may not be.
    if (email !== row.email) ctx.tally.note("address lower-cased");
    addresses.push({ id: row.id, user_id: row.user_id, email, verified: row.verified, primary: row.primary });
  }
  await resolveVerifiedAndPrimary(ctx, rows, addresses);
  const free = await dropTaken(ctx, "email_addresses", ["user_id", "email"], "id", addresses, "address already on the new site under another id");
  await syncRows(ctx, { table: "email_addresses", key: ["id"], columns: ["user_id", "email", "verified", "primary"] }, free);
}

/**
 * Our partial unique indexes allow one verified owner per address and one primary per user.
 * Legacy rows that break them lose the flag, deterministically: the lowest legacy id keeps
 * it (computed on the legacy side), and an address verified on the new site beats legacy.
 */
async function resolveVerifiedAndPrimary(ctx: BatchContext, rows: LegacyRow[], addresses: TargetRow[]): Promise<void> {
  const legacy = new Map(rows.map((row) => [row.id, row]));
  const firstVerified = await firstVerifiedIds(ctx, addresses);
  const { rows: claimed } = await ctx.target.query<{ id: number; user_id: number; email: string; verified: boolean; primary: boolean }>(
    `SELECT id, user_id, lower(email) AS email, verified, "primary" FROM email_addresses
     WHERE (verified AND lower(email) = ANY($1::text[])) OR ("primary" AND user_id = ANY($2::int[]))`,
    [addresses.map((address) => address.email), addresses.map((address) => address.user_id)],
  );
  for (const address of addresses) {
    const row = legacy.get(address.id)!;
    const others = claimed.filter((other) => other.id !== address.id);
    const verifiedElsewhere = (firstVerified.get(address.email as string) ?? Infinity) < (address.id as number);
    if (address.verified && (verifiedElsewhere || others.some((o) => o.verified && o.email === address.email && o.user_id !== address.user_id))) {
      address.verified = false;
      ctx.tally.note("verified email duplicated across users → kept unverified on the second");
    }
    if (address.primary && (row.second_primary || others.some((o) => o.primary && o.user_id === address.user_id))) {
      address.primary = false;
      ctx.tally.note("second primary address of a user → kept non-primary");
    }
  }
}

/**
 * The lowest legacy id verified for each address of the batch, across users. One query per
 * batch: legacy has no index on lower(email), so a per-row EXISTS would scan per row.
 */
async function firstVerifiedIds(ctx: BatchContext, addresses: TargetRow[]): Promise<Map<string, number>> {
  const { rows } = await ctx.source.query<{ email: string; id: number }>(
    `SELECT lower(email) AS email, min(id) AS id FROM account_emailaddress WHERE verified AND lower(email) = ANY($1::text[]) GROUP BY 1`,
    [addresses.filter((address) => address.verified).map((address) => address.email)],
  );
  return new Map(rows.map((row) => [row.email, row.id]));
}

/** account_emailaddress → email_addresses (ids kept, addresses lower-cased). */
export const emailAddressesStep: MigrationStep = {
  table: "account_emailaddress",
  target: "email_addresses",
  query: `
    SELECT e.id AS key, e.id, e.user_id, e.email, e.verified, e."primary",
      EXISTS (SELECT 1 FROM account_emailaddress AS o WHERE o.user_id = e.user_id AND lower(o.email) = lower(e.email) AND o.id < e.id) AS same_user_twin,
      EXISTS (SELECT 1 FROM account_emailaddress AS o WHERE o."primary" AND o.user_id = e.user_id AND o.id < e.id) AS second_primary
    FROM account_emailaddress AS e`,
  sequences: ["email_addresses"],
  write: writeEmailAddresses,
};

/** tastypie_apikey → api_keys (ids kept, key stored as sha256 hex). */
export const apiKeysStep: MigrationStep = {
  table: "tastypie_apikey",
  target: "api_keys",
  query: `
    SELECT a.id AS key, a.id, a.user_id, a.key AS secret, a.created,
      EXISTS (SELECT 1 FROM tastypie_apikey AS o WHERE o.key = a.key AND o.id < a.id) AS shared
    FROM tastypie_apikey AS a`,
  sequences: ["api_keys"],
  async write(rows, ctx) {
    const keys: TargetRow[] = [];
    for (const row of await keepRowsOfMigratedUsers(ctx, rows)) {
      // tastypie fills a blank key on save, so '' means a row written behind its back.
      if (row.secret === "") ctx.tally.skip("empty API key");
      else if (row.shared) ctx.tally.skip("API key identical to another user's (kept the lowest id)");
      else keys.push({ id: row.id, user_id: row.user_id, key_hash: hashLegacyKey(String(row.secret)), created: row.created });
    }
    let free = await dropTaken(ctx, "api_keys", ["user_id"], "id", keys, "user already has another API key on the new site");
    free = await dropTaken(ctx, "api_keys", ["key_hash"], "id", free, "API key already on the new site under another id");
    await syncRows(ctx, { table: "api_keys", key: ["id"], columns: ["user_id", "key_hash", "created"] }, free);
  },
};

/** authtoken_token → auth_tokens, keyed by sha256 of the legacy primary key (the token itself). */
export const authTokensStep: MigrationStep = {
  table: "authtoken_token",
  target: "auth_tokens",
  keyType: "text",
  query: `SELECT t.key AS key, t.user_id, t.created FROM authtoken_token AS t`,
  async write(rows, ctx) {
    const tokens = (await keepRowsOfMigratedUsers(ctx, rows)).map((row) => ({
      key_hash: hashLegacyKey(String(row.key)),
      user_id: row.user_id,
      created: row.created,
    }));
    const free = await dropTaken(ctx, "auth_tokens", ["user_id"], "key_hash", tokens, "user already has another token on the new site");
    await syncRows(ctx, { table: "auth_tokens", key: ["key_hash"], columns: ["user_id", "created"] }, free);
  },
};
