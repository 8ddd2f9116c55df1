// The boundaries eslint.config.js enforces, checked through the real config: each case
// lints a snippet as if it were the named file of the tree.
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, "..") });

/** The rule ids reported for `code` placed at `filePath`. */
async function lintAs(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((message) => message.ruleId ?? message.message);
}

const BOUNDARY = "pydotorg/import-boundaries";

describe("import boundaries", () => {
  it("keeps app/core free of domains and of app/site", async () => {
    expect(await lintAs("app/core/search/x.ts", 'export { a } from "../../domains/downloads/index.ts";')).toEqual([BOUNDARY]);
    expect(await lintAs("app/core/x.ts", 'import { a } from "../site/home.ts";\nexport { a };')).toEqual([BOUNDARY]);
    expect(await lintAs("app/core/x.ts", 'export type T = import("../domains/pages/service.ts").T;')).toEqual([BOUNDARY]);
    expect(await lintAs("app/core/x.ts", 'export { a } from "./errors.ts";')).toEqual([]);
  });

  it("reaches another domain only through its index.ts, from anywhere", async () => {
    expect(await lintAs("app/domains/pages/x.ts", 'export { a } from "../downloads/index.ts";')).toEqual([]);
    expect(await lintAs("app/domains/pages/x.ts", 'export { a } from "../downloads/service.ts";')).toEqual([BOUNDARY]);
    expect(await lintAs("app/site/x.ts", 'export { a } from "../domains/boxes/routes.ts";')).toEqual([BOUNDARY]);
    expect(await lintAs("scripts/x.ts", 'await import("../app/domains/users/service.ts");')).toEqual([BOUNDARY]);
    expect(await lintAs("e2e/x.spec.ts", 'export { a } from "../app/domains/users/index.ts";')).toEqual([]);
  });

  it("lets a domain import its own files at any depth", async () => {
    expect(await lintAs("app/domains/downloads/api/v3/routes.ts", 'export { a } from "../../service/releases.ts";')).toEqual([]);
  });
});

describe("settings and test tooling", () => {
  it("forbids process.env in domains and app/site, but not in their tests or in entry points", async () => {
    expect(await lintAs("app/domains/pages/x.ts", "export const url = process.env.S3_ENDPOINT;")).toEqual(["no-restricted-properties"]);
    expect(await lintAs("app/site/x.ts", 'import { env } from "node:process";\nexport const url = env.X;')).toEqual(["no-restricted-imports"]);
    expect(await lintAs("app/domains/pages/x.test.ts", "export const url = process.env.S3_ENDPOINT;")).toEqual([]);
    expect(await lintAs("app/server.ts", "export const url = process.env.PORT;")).toEqual([]);
  });

  it("keeps vitest out of production code under app/", async () => {
    expect(await lintAs("app/core/search/contract.ts", 'import { it } from "vitest";\nit("x", () => undefined);')).toEqual(["no-restricted-imports"]);
    expect(await lintAs("app/core/search/x.test.ts", 'import { it } from "vitest";\nit("x", () => undefined);')).toEqual([]);
  });
});
