// A callback a service runs inside its own transaction, right after a write, with the
// record as it was and as it is now. The admin uses it to append the audit entry in
// the same transaction as the change; the service stays unaware of auditing.
import type { Prisma } from "./client.ts";

/** A Prisma client bound to an open interactive transaction. */
export type Tx = Prisma.TransactionClient;

/** Called once per written record, before the transaction commits; throwing rolls the write back. */
export type WriteHook<Row> = (tx: Tx, change: { before: Row | null; after: Row | null }) => Promise<void>;
