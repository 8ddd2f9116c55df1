// Upload checks on plain bytes: magic numbers decide, names only disambiguate; safe keys.
import { describe, expect, it } from "vitest";
import { mediaTypeOf, sniffFile } from "./sniff.ts";
import { isSafeStorageKey } from "./storage.ts";

const bytes = (...parts: Array<string | number[]>) => Uint8Array.from(parts.flatMap((part) => (typeof part === "string" ? [...part].map((c) => c.charCodeAt(0)) : part)));

describe("sniffing uploads", () => {
  it("recognises images by their signature whatever the name says", () => {
    expect(sniffFile(bytes([0x89], "PNG\r\n", [0x1a, 0x0a]), "photo.jpg", "image")).toEqual({ mime: "image/png", ext: "png", image: true });
    expect(sniffFile(bytes([0xff, 0xd8, 0xff, 0xe0]), "x", "image")?.mime).toBe("image/jpeg");
    expect(sniffFile(bytes("GIF89a"), "x", "image")?.mime).toBe("image/gif");
    expect(sniffFile(bytes("RIFF", [0, 0, 0, 0], "WEBP"), "x", "image")?.mime).toBe("image/webp");
  });

  it("refuses SVG, HTML and anything unknown as images", () => {
    for (const text of ['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "<!doctype html><script>x</script>", "BM...."]) {
      expect(sniffFile(bytes(text), "file.png", "image")).toBeNull();
    }
  });

  it("accepts documents by signature, office formats and text only with a matching name", () => {
    expect(sniffFile(bytes("%PDF-1.4"), "minutes.doc", "document")).toEqual({ mime: "application/pdf", ext: "pdf", image: false });
    expect(sniffFile(bytes("PK", [3, 4]), "report.DOCX", "document")?.ext).toBe("docx");
    expect(sniffFile(bytes("PK", [3, 4]), "report.exe", "document")).toEqual({ mime: "application/zip", ext: "zip", image: false });
    expect(sniffFile(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), "old.xls", "document")?.ext).toBe("xls");
    expect(sniffFile(new TextEncoder().encode("Plain notes, café"), "notes.txt", "document")?.mime).toBe("text/plain");
    expect(sniffFile(bytes("caf", [0xe9]), "latin1.txt", "document")).toBeNull();
    expect(sniffFile(bytes("<html><body>hi"), "notes.txt", "document")).toBeNull();
    expect(sniffFile(bytes("MZ\x90\x00"), "tool.txt", "document")).toBeNull();
    expect(mediaTypeOf("files/notes.txt")).toBe("text/plain; charset=utf-8");
    expect(mediaTypeOf("files/a.exe")).toBe("application/octet-stream");
  });
});

describe("storage keys", () => {
  it("keeps keys inside the storage root", () => {
    for (const bad of ["../x.png", "a/../b.png", "/abs.png", "a//b.png", "a\\b.png", "a/\u0000.png", ""]) expect(isSafeStorageKey(bad), bad).toBe(false);
    expect(isSafeStorageKey("community/ünïcode-café/logo.png")).toBe(true);
  });
});
