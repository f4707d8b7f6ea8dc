import { describe, expect, it } from "vitest";
import { levelCodeOf, NEW_UNIT_LEVELS, pickedUnitCode, unitPickLabel } from "../../app/org/levels";
import { MAX_IMPORT_BYTES } from "../../app/server/import-table.server";
import { UPLOAD_LIMIT } from "../../app/server/upload.server";

describe("unit levels by name", () => {
  it("reads codes and Vietnamese names, with or without marks and 'Cấp'", () => {
    expect(["xa", "Xã", "Cấp xã", "CẤP XÃ", " cap xa "].map(levelCodeOf)).toEqual(Array(5).fill("xa"));
    expect(["tinh", "Cấp tỉnh", "Tỉnh"].map(levelCodeOf)).toEqual(["tinh", "tinh", "tinh"]);
    expect(["Phường", "Đặc khu", "Sở", "Tổ chức khác", "Cấp huyện", "Trung ương"].map(levelCodeOf)).toEqual(["phuong", "dac-khu", "so", "to-chuc-khac", "huyen", "trung-uong"]);
  });

  it("leaves unknown text as written, so the error names it", () => {
    expect(levelCodeOf("thôn")).toBe("thôn");
  });

  it("offers no abolished level for new units", () => {
    expect(NEW_UNIT_LEVELS).not.toContain("huyen");
    expect(NEW_UNIT_LEVELS).toContain("xa");
  });
});

describe("unit pickers", () => {
  it("reads the code of a picked 'Name (CODE)' or a bare code", () => {
    expect(pickedUnitCode(unitPickLabel({ code: "X1", name: "Xã Hòa An (cũ)" }))).toBe("X1");
    expect(pickedUnitCode(" X1 ")).toBe("X1");
    expect(pickedUnitCode("")).toBe("");
  });
});

describe("import size", () => {
  it("the console takes what the import reader takes", () => {
    expect(UPLOAD_LIMIT).toBe(MAX_IMPORT_BYTES);
  });
});
