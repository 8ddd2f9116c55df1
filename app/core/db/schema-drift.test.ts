import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "../../testing/deps.ts";
import { findSchemaDrift, readDmmf, SCHEMA_PATH } from "./schema-drift.ts";

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: await testDatabaseUrl() });
  await client.connect();
});
afterAll(async () => client.end());

describe("migrations and prisma/schema.prisma", () => {
  it("describe the same database", async () => {
    expect(await findSchemaDrift(client)).toEqual([]);
  });

  it("notice a column the schema has but no migration created", async () => {
    const schema = readFileSync(SCHEMA_PATH, "utf8").replace(/model Banner \{\n/, "$&  priority Int @default(0)\n");
    const dir = mkdtempSync(path.join(tmpdir(), "drift-"));
    const altered = path.join(dir, "schema.prisma");
    writeFileSync(altered, schema);
    expect(
      readDmmf(altered)
        .models.find((model) => model.name === "Banner")
        ?.fields.some((field) => field.name === "priority"),
    ).toBe(true);
    expect(await findSchemaDrift(client, altered)).toContain("column banners.priority is missing");
  });
});
