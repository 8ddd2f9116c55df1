// Page upload names: reduced to safe characters with the sniffed extension.
import { describe, expect, it } from "vitest";
import { safeFileName } from "./media.ts";

describe("page upload names", () => {
  it("cleans file names as Django's get_valid_name does, only stricter", () => {
    expect(safeFileName("C:\\Users\\me\\Board Minutes (draft) 2024.PDF", "pdf")).toBe("Board-Minutes-draft-2024.pdf");
    expect(safeFileName("../../etc/passwd", "txt")).toBe("passwd.txt");
    expect(safeFileName("...", "png")).toBe("file.png");
  });
});
