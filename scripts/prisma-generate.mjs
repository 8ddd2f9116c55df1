// Generates the Prisma client into app/generated/prisma when the schema changed.
// Prisma's CLI tries to download a native schema engine before any command; the
// engine is not used by `generate`, so pointing PRISMA_SCHEMA_ENGINE_BINARY at any
// existing file lets generation run on machines without internet access.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const schemaPath = path.join(root, "prisma/schema.prisma");
const stampPath = path.join(root, ".prisma-generate.stamp");
const clientEntry = path.join(root, "app/generated/prisma/client.ts");
const prismaCli = path.join(root, "node_modules/prisma/build/index.js");

if (!existsSync(prismaCli)) {
  console.error("prisma-generate: node_modules/prisma is missing; run `npm install` first.");
  process.exit(1);
}

const digest = createHash("sha256")
  .update(readFileSync(schemaPath))
  .update(readFileSync(path.join(root, "node_modules/prisma/package.json")))
  .digest("hex");
const upToDate = existsSync(clientEntry) && existsSync(stampPath) && readFileSync(stampPath, "utf8") === digest;

if (!upToDate) {
  execFileSync(process.execPath, [prismaCli, "generate", "--schema", schemaPath], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? schemaPath,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
  });
  writeFileSync(stampPath, digest);
  console.log("prisma-generate: client written to app/generated/prisma");
}
