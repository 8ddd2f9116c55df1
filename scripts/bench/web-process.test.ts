import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT_DIR } from "../../app/core/root-dir.ts";
import { startScriptNodeFlags } from "./web-process.ts";

describe("the web process's node flags", () => {
  const packageJson = JSON.parse(readFileSync(path.join(ROOT_DIR, "package.json"), "utf8")) as { scripts: Record<string, string> };

  it("are read from `npm start`, so the bench measures what production runs", () => {
    expect(startScriptNodeFlags({ scripts: { start: "node --enable-source-maps --max-semi-space-size=8 dist/app/server.js" } })).toEqual([
      "--enable-source-maps",
      "--max-semi-space-size=8",
    ]);
    expect(startScriptNodeFlags({ scripts: { start: "tsx app/server.ts" } })).toEqual([]);
    expect(startScriptNodeFlags(packageJson)).toContain("--heap-growing-percent=20");
  });

  it("are the same in the container image", () => {
    const dockerfile = readFileSync(path.join(ROOT_DIR, "Dockerfile"), "utf8");
    const cmd = /^CMD (\[.*\])$/m.exec(
      dockerfile
        .split("\n")
        .filter((line) => line.startsWith("CMD ["))
        .at(-1)!,
    )![1]!;
    const words = JSON.parse(cmd) as string[];
    expect(words.slice(1).filter((word) => word.startsWith("--"))).toEqual(startScriptNodeFlags(packageJson));
    expect(words.at(-1)).toBe("dist/app/server.js");
  });
});
