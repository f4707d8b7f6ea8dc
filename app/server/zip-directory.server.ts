// Reads a zip's central directory (the list at the end of the file) without inflating
// anything, so an XLSX whose parts declare gigabytes is refused before exceljs opens it.
// Pure over the bytes; the format is PKWARE's APPNOTE (4.3.12 central header, 4.3.16 end record).

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

export type ZipDirectory = { ok: true; entries: ZipEntry[] } | { ok: false; detail: string };

const END_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const END_SIZE = 22;
const CENTRAL_SIZE = 46;
/** The end record is followed by a comment of at most 65,535 bytes. */
const MAX_COMMENT = 0xffff;

/** The entries of the zip's central directory, as declared (nothing is inflated). */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(view);
  if (end < 0) return { ok: false, detail: "no zip end record" };
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  // ZIP64 marks its fields with all ones; an import file of a few MB never needs it.
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) return { ok: false, detail: "ZIP64 is not accepted" };
  if (offset + size > end) return { ok: false, detail: "zip directory outside the file" };
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_SIZE > offset + size || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      return { ok: false, detail: "damaged zip directory" };
    }
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) return { ok: false, detail: "ZIP64 is not accepted" };
    const name = new TextDecoder().decode(bytes.subarray(at + CENTRAL_SIZE, at + CENTRAL_SIZE + nameLength));
    entries.push({ name, compressedSize, uncompressedSize });
    at += CENTRAL_SIZE + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries };
}

function findEndRecord(view: DataView): number {
  const last = view.byteLength - END_SIZE;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
    if (view.getUint32(at, true) === END_SIGNATURE) return at;
  }
  return -1;
}

export interface ZipLimits {
  /** Bytes all entries may inflate to, together (a single entry included). */
  inflated: number;
  entries: number;
}

export type ZipVerdict = { ok: true } | { ok: false; reason: "tooLarge" | "tooManyEntries" | "unreadable"; detail?: string };

/** Whether the declared sizes stay within the limits: the zip-bomb check before any inflating. */
export function checkZipDirectory(bytes: Uint8Array, limits: ZipLimits): ZipVerdict {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) return { ok: false, reason: "unreadable", detail: directory.detail };
  if (directory.entries.length > limits.entries) return { ok: false, reason: "tooManyEntries" };
  let total = 0;
  for (const entry of directory.entries) {
    total += entry.uncompressedSize;
    if (entry.uncompressedSize > limits.inflated || total > limits.inflated) return { ok: false, reason: "tooLarge" };
  }
  return { ok: true };
}
