// What an uploaded file really is, decided from its first bytes (magic numbers), never
// from the name or the browser's Content-Type. The name's extension must agree with the
// bytes where the bytes alone are ambiguous (ZIP-based and OLE2 office files, text).
// SVG, HTML and anything else that a browser could run are refused.

export type MediaKind = "image" | "document";

export interface SniffedFile {
  mime: string;
  /** The extension the stored file gets. */
  ext: string;
  /** True for formats a page may show inline as an image. */
  image: boolean;
}

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((byte, index) => bytes[offset + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

const IMAGES: Array<{ test: (bytes: Uint8Array) => boolean; mime: string; ext: string }> = [
  { test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), mime: "image/png", ext: "png" },
  { test: (b) => startsWith(b, [0xff, 0xd8, 0xff]), mime: "image/jpeg", ext: "jpg" },
  { test: (b) => startsWith(b, ascii("GIF87a")) || startsWith(b, ascii("GIF89a")), mime: "image/gif", ext: "gif" },
  { test: (b) => startsWith(b, ascii("RIFF")) && startsWith(b, ascii("WEBP"), 8), mime: "image/webp", ext: "webp" },
];

const ZIP_FAMILY: Record<string, string> = {
  zip: "application/zip",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  odp: "application/vnd.oasis.opendocument.presentation",
  epub: "application/epub+zip",
};

const OLE_FAMILY: Record<string, string> = { doc: "application/msword", xls: "application/vnd.ms-excel", ppt: "application/vnd.ms-powerpoint" };
const TEXT_FAMILY: Record<string, string> = { txt: "text/plain", csv: "text/csv", rst: "text/plain", md: "text/plain" };

/** The lower-case extension of a file name, without the dot ("" when none). */
export function extensionOf(name: string): string {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(name);
  return match ? match[1]!.toLowerCase() : "";
}

function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function sniffDocument(bytes: Uint8Array, ext: string): SniffedFile | null {
  if (startsWith(bytes, ascii("%PDF-"))) return { mime: "application/pdf", ext: "pdf", image: false };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const mime = ZIP_FAMILY[ext];
    return { mime: mime ?? ZIP_FAMILY.zip!, ext: mime ? ext : "zip", image: false };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) && OLE_FAMILY[ext]) return { mime: OLE_FAMILY[ext]!, ext, image: false };
  // Text has no signature: only named text files whose bytes are valid UTF-8 without markup openers.
  if (TEXT_FAMILY[ext] && isUtf8Text(bytes) && !/<\s*(script|html|svg|!doctype)/i.test(new TextDecoder().decode(bytes.subarray(0, 4096)))) {
    return { mime: TEXT_FAMILY[ext]!, ext, image: false };
  }
  return null;
}

/** What the bytes are, when they are an accepted image (for images) or document (for documents); null otherwise. */
export function sniffFile(bytes: Uint8Array, fileName: string, kind: MediaKind): SniffedFile | null {
  const image = IMAGES.find((candidate) => candidate.test(bytes));
  if (image) return { mime: image.mime, ext: image.ext, image: true };
  return kind === "document" ? sniffDocument(bytes, extensionOf(fileName)) : null;
}

/** The media type to serve a stored file with, from its (sniffed, normalised) extension. */
export function mediaTypeOf(key: string): string {
  const ext = extensionOf(key);
  const image = { png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif", webp: "image/webp" }[ext];
  return (
    image ?? (ext === "pdf" ? "application/pdf" : (ZIP_FAMILY[ext] ?? OLE_FAMILY[ext] ?? (TEXT_FAMILY[ext] ? `${TEXT_FAMILY[ext]}; charset=utf-8` : "application/octet-stream")))
  );
}
