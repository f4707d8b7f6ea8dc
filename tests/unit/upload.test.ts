import { describe, expect, it } from "vitest";
import { decodeEcho, encodeEcho, fileName, UPLOAD_LIMIT } from "../../app/server/upload.server";

describe("console uploads", () => {
  it("keeps Vietnamese file names readable", () => {
    const asLatin1 = Buffer.from("đơn vị tỉnh.csv", "utf8").toString("latin1");
    expect(fileName(asLatin1)).toBe("đơn vị tỉnh.csv");
    expect(fileName("đơn vị tỉnh.csv".normalize("NFD"))).toBe("đơn vị tỉnh.csv");
    expect(fileName("../../etc/passwd")).toBe(".._.._etc_passwd");
  });

  it("sends a file back through a plain form unchanged, and refuses anything else", () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x3e, 0x3f]);
    const echoed = encodeEcho(bytes);
    expect(echoed).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeEcho(echoed)).toEqual(bytes);
    expect(decodeEcho(null)).toBeNull();
    expect(decodeEcho("")).toBeNull();
    expect(decodeEcho("abc+/==")).toBeNull();
    expect(decodeEcho("A".repeat(Math.ceil(UPLOAD_LIMIT / 3) * 4 + 4))).toBeNull();
  });
});
