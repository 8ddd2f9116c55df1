import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { codeGeneration } from "./code-generation.ts";

describe("the code generation", () => {
  it("is RELEASE_ID when set, else a digest that changes with any file of the code or templates", () => {
    const make = (template: string) => {
      const folder = mkdtempSync(path.join(tmpdir(), "generation-"));
      writeFileSync(path.join(folder, "page.njk"), template);
      writeFileSync(path.join(folder, "page.js.map"), String(Math.random()));
      return folder;
    };
    const [a, sameAsA, b] = [make("<p>{{ one }}</p>"), make("<p>{{ one }}</p>"), make("<p>{{ two }}</p>")];
    expect(codeGeneration({ releaseId: "v2026.12.04", folders: [a] })).toBe("v2026.12.04");
    expect(codeGeneration({ folders: [a] })).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(codeGeneration({ folders: [sameAsA] })).toBe(codeGeneration({ folders: [a] }));
    expect(codeGeneration({ folders: [b] })).not.toBe(codeGeneration({ folders: [a] }));
  });
});
