import { describe, expect, it } from "vitest";
import { CsvError, parseCsv, toCsv } from "../../app/server/csv.server";

const fields = (text: string) => parseCsv(text).map((r) => r.fields);

describe("parseCsv (RFC 4180)", () => {
  it("splits plain records, with or without a final line break", () => {
    expect(fields("a,b,c\n1,2,3\n")).toEqual([["a", "b", "c"], ["1", "2", "3"]]);
    expect(fields("a,b,c\n1,2,3")).toEqual([["a", "b", "c"], ["1", "2", "3"]]);
  });

  it("accepts CRLF, LF and a lone CR", () => {
    expect(fields("a,b\r\n1,2\r\n")).toEqual([["a", "b"], ["1", "2"]]);
    expect(fields("a,b\r1,2\r")).toEqual([["a", "b"], ["1", "2"]]);
    expect(fields("a,b\r\n1,2\n3,4")).toEqual([["a", "b"], ["1", "2"], ["3", "4"]]);
  });

  it("strips a UTF-8 byte order mark", () => {
    expect(fields("\uFEFFcode,name\n1,x")).toEqual([["code", "name"], ["1", "x"]]);
  });

  it("keeps commas, doubled quotes and line breaks inside quoted fields", () => {
    const text = 'code,name\r\n2.000815,"Chứng thực bản sao, bản chính"\r\nX,"Tên ""trong ngoặc"""\r\nY,"dòng 1\r\ndòng 2"\r\n';
    expect(fields(text)).toEqual([
      ["code", "name"],
      ["2.000815", "Chứng thực bản sao, bản chính"],
      ["X", 'Tên "trong ngoặc"'],
      ["Y", "dòng 1\r\ndòng 2"],
    ]);
  });

  it("numbers records as a spreadsheet shows rows, and reports the physical start line", () => {
    const records = parseCsv('h1,h2\nA,"x\ny"\nB,z\n');
    expect(records.map((r) => [r.record, r.line])).toEqual([[1, 1], [2, 2], [3, 4]]);
  });

  it("keeps empty fields, empty quoted fields and blank lines", () => {
    expect(fields('a,,c\n"",x,""\n\nlast')).toEqual([["a", "", "c"], ["", "x", ""], [""], ["last"]]);
    expect(fields('""')).toEqual([[""]]);
    expect(fields("")).toEqual([]);
  });

  it("keeps Vietnamese text exactly (precomposed and decomposed forms are both preserved)", () => {
    const nfc = "Ủy ban nhân dân phường Kinh Bắc";
    const nfd = nfc.normalize("NFD");
    expect(fields(`name\n${nfc}\n${nfd}`)).toEqual([["name"], [nfc], [nfd]]);
  });

  it("rejects a quote inside an unquoted field, text after a closing quote, and an unterminated quote", () => {
    expect(() => parseCsv('a,b\n1,x"y\n')).toThrow(CsvError);
    expect(() => parseCsv('a,b\n1,"x"y\n')).toThrow(/after a closing quote/);
    try {
      parseCsv('a,b\n1,2\n3,"never closed\nmore');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CsvError);
      expect((error as CsvError).line).toBe(3);
      expect((error as CsvError).message).toMatch(/unterminated/);
    }
  });

  it("round-trips through toCsv", () => {
    const rows = [["code", "name"], ["1", 'a, "b"\nc'], ["2", " leading space"]];
    expect(fields(toCsv(rows))).toEqual(rows);
  });

  it("supports another delimiter", () => {
    expect(parseCsv("a;b\n1;2", { delimiter: ";" }).map((r) => r.fields)).toEqual([["a", "b"], ["1", "2"]]);
  });
});
