import { translator } from "../i18n/i18n.server";
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
  | "xlsxTooLarge"
  | "xlsxTooManyEntries"
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
  | "levelAbolished"
  | "duplicateCode"
  | "parentUnknown"
  | "parentSelf"
  | "secondRoot"
  | "cycle"
  | "unitUnknown"
  | "serviceUnknown"
  | "monthInvalid"
  | "countInvalid"
  | "complaintsInvalid"
  | "complaintsOverCount";

export type IssueParams = Record<string, string | number>;

export interface ImportIssue {
  key: ImportIssueKey;
  params?: IssueParams;
}

/** Message keys (public/locales/{vi,en}/imports.json), spelled out for the translation check. */
const MESSAGE_KEYS: Record<ImportIssueKey, string> = {
  fileTooLarge: "imports.issues.fileTooLarge",
  fileEmpty: "imports.issues.fileEmpty",
  notText: "imports.issues.notText",
  xlsLegacy: "imports.issues.xlsLegacy",
  csvMalformed: "imports.issues.csvMalformed",
  xlsxUnreadable: "imports.issues.xlsxUnreadable",
  xlsxNoSheet: "imports.issues.xlsxNoSheet",
  xlsxTooLarge: "imports.issues.xlsxTooLarge",
  xlsxTooManyEntries: "imports.issues.xlsxTooManyEntries",
  missingColumns: "imports.issues.missingColumns",
  duplicateColumn: "imports.issues.duplicateColumn",
  noRows: "imports.issues.noRows",
  tooManyRows: "imports.issues.tooManyRows",
  cellFormula: "imports.issues.cellFormula",
  cellError: "imports.issues.cellError",
  codeRequired: "imports.issues.codeRequired",
  codeInvalid: "imports.issues.codeInvalid",
  nameRequired: "imports.issues.nameRequired",
  nameTooLong: "imports.issues.nameTooLong",
  fieldRequired: "imports.issues.fieldRequired",
  fieldTooLong: "imports.issues.fieldTooLong",
  levelInvalid: "imports.issues.levelInvalid",
  levelAbolished: "imports.issues.levelAbolished",
  duplicateCode: "imports.issues.duplicateCode",
  parentUnknown: "imports.issues.parentUnknown",
  parentSelf: "imports.issues.parentSelf",
  secondRoot: "imports.issues.secondRoot",
  cycle: "imports.issues.cycle",
  unitUnknown: "imports.issues.unitUnknown",
  serviceUnknown: "imports.issues.serviceUnknown",
  monthInvalid: "imports.issues.monthInvalid",
  countInvalid: "imports.issues.countInvalid",
  complaintsInvalid: "imports.issues.complaintsInvalid",
  complaintsOverCount: "imports.issues.complaintsOverCount",
};

export function describeIssue(issue: ImportIssue, locale: "vi" | "en" = "vi"): string {
  const params = Object.fromEntries(
    Object.entries(issue.params ?? {}).map(([name, value]) => [name, typeof value === "number" ? formatCount(value, locale) : value]),
  );
  return translator(locale)(MESSAGE_KEYS[issue.key], params);
}

/** "Vietnamese (English)", for the command line. */
export function describeIssueBoth(issue: ImportIssue): string {
  return `${describeIssue(issue, "vi")} (${describeIssue(issue, "en")})`;
}
