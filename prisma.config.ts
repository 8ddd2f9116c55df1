// Prisma CLI settings. Only `prisma generate` runs on our machines (see README
// "Database migrations"); the URL matters for `prisma migrate deploy` elsewhere.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/pydotorg" },
});
