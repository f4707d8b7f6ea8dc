import { formatCount } from "../metrics/format";

// What can be wrong with an import file or one of its rows, as a key with parameters, so the
// CLI and the admin UI word it the same way (Vietnamese first, English for logs and tests).

export type ImportIssueKey =
  | "fileTooLarge"
  | "fileEmpty"
  | "notText"
  | "xlsLegacy"
  | "csvMalformed"
  | "xlsxUnreadable"
  | "xlsxNoSheet"
  | "missingColumns"
  | "duplicateColumn"
  | "noRows"
  | "tooManyRows"
  | "cellFormula"
  | "cellError"
  | "codeRequired"
  | "codeInvalid"
  | "nameRequired"
  | "nameTooLong"
  | "fieldRequired"
  | "fieldTooLong"
  | "levelInvalid"
  | "duplicateCode"
  | "parentUnknown"
  | "parentSelf"
  | "cycle"
  | "unitUnknown"
  | "serviceUnknown"
  | "monthInvalid"
  | "countInvalid";

export type IssueParams = Record<string, string | number>;

export interface ImportIssue {
  key: ImportIssueKey;
  params?: IssueParams;
}

const MESSAGES: Record<ImportIssueKey, { vi: string; en: string }> = {
  fileTooLarge: { vi: "Tệp lớn hơn {max} MB", en: "file larger than {max} MB" },
  fileEmpty: { vi: "Tệp rỗng", en: "empty file" },
  notText: {
    vi: "Tệp không phải CSV UTF-8 hay XLSX",
    en: "not a UTF-8 CSV or XLSX file",
  },
  xlsLegacy: {
    vi: "Tệp phải là CSV (UTF-8) hoặc XLSX; tệp .xls cũ hãy lưu lại dạng .xlsx",
    en: "the file must be a UTF-8 CSV or an XLSX; save an old .xls file as .xlsx",
  },
  csvMalformed: { vi: "CSV sai định dạng ở dòng {line}: {detail}", en: "malformed CSV at line {line}: {detail}" },
  xlsxUnreadable: { vi: "Không đọc được tệp XLSX: {detail}", en: "cannot read the XLSX file: {detail}" },
  xlsxNoSheet: { vi: "Tệp XLSX không có trang tính nào", en: "the XLSX file has no worksheet" },
  missingColumns: { vi: "Thiếu cột: {columns}", en: "missing columns: {columns}" },
  duplicateColumn: { vi: "Cột bị lặp: {column}", en: "duplicate column: {column}" },
  noRows: { vi: "Tệp không có dòng dữ liệu nào", en: "no data rows" },
  tooManyRows: { vi: "Tệp có quá {max} dòng dữ liệu", en: "more than {max} data rows" },
  cellFormula: {
    vi: "Ô {column} là công thức chưa có giá trị đã tính; hãy dán giá trị (không tính công thức)",
    en: "cell {column} is a formula without a cached value; paste values instead (formulas are not evaluated)",
  },
  cellError: { vi: "Ô {column} có lỗi {value}", en: "cell {column} holds the error {value}" },
  codeRequired: { vi: "Thiếu mã", en: "code is required" },
  codeInvalid: {
    vi: "Mã \"{value}\" không hợp lệ (chỉ chữ không dấu, số, . _ -; tối đa 64 ký tự)",
    en: "invalid code \"{value}\" (letters A-Z, digits, . _ -; at most 64 characters)",
  },
  nameRequired: { vi: "Thiếu tên", en: "name is required" },
  nameTooLong: { vi: "Tên dài quá {max} ký tự", en: "name longer than {max} characters" },
  fieldRequired: { vi: "Thiếu lĩnh vực", en: "field is required" },
  fieldTooLong: { vi: "Lĩnh vực dài quá {max} ký tự", en: "field longer than {max} characters" },
  levelInvalid: {
    vi: "Cấp \"{value}\" không hợp lệ (cho phép: {allowed})",
    en: "invalid level \"{value}\" (allowed: {allowed})",
  },
  duplicateCode: {
    vi: "Mã {code} trùng với dòng {firstRow}",
    en: "code {code} repeats row {firstRow}",
  },
  parentUnknown: {
    vi: "Đơn vị cấp trên \"{parent}\" không có trong tệp hay cơ sở dữ liệu",
    en: "parent \"{parent}\" is neither in the file nor in the database",
  },
  parentSelf: { vi: "Đơn vị không thể là cấp trên của chính nó", en: "a unit cannot be its own parent" },
  cycle: { vi: "Quan hệ cấp trên tạo vòng lặp: {path}", en: "parent links form a cycle: {path}" },
  unitUnknown: { vi: "Không có đơn vị với mã \"{code}\"", en: "no unit with code \"{code}\"" },
  serviceUnknown: { vi: "Không có thủ tục với mã \"{code}\"", en: "no service with code \"{code}\"" },
  monthInvalid: { vi: "Tháng \"{value}\" phải theo dạng yyyy-mm", en: "month \"{value}\" must be yyyy-mm" },
  countInvalid: { vi: "Số hồ sơ \"{value}\" phải là số nguyên không âm", en: "count \"{value}\" must be a whole number, 0 or more" },
};

export function describeIssue(issue: ImportIssue, locale: "vi" | "en" = "vi"): string {
  const template = MESSAGES[issue.key][locale];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = issue.params?.[name];
    return typeof value === "number" ? formatCount(value, locale) : (value ?? `{${name}}`);
  });
}

/** "Vietnamese (English)", for the command line. */
export function describeIssueBoth(issue: ImportIssue): string {
  return `${describeIssue(issue, "vi")} (${describeIssue(issue, "en")})`;
}
