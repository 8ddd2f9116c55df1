// One PrismaClient per process, on the node-postgres driver adapter (no native engine).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../generated/prisma/client.ts";

export type Db = PrismaClient;
export type { Prisma } from "../../generated/prisma/client.ts";

export function createDb(connectionString: string, options: { maxConnections?: number } = {}): Db {
  const adapter = new PrismaPg({ connectionString, max: options.maxConnections ?? 10 });
  return new PrismaClient({ adapter });
}
