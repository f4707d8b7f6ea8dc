import type { ChartScene } from "./chart-scene";

// What a report document says, independent of its file format: the DOCX and the PDF writers
// both render this, so the two files carry the same words and numbers. Pure data.

export type Align = "left" | "center" | "right";

export interface TableColumn {
  head: string;
  /** Relative width; the writers scale the columns to the text width. */
  width: number;
  align?: Align;
}

export type Block =
  | { kind: "heading"; text: string; level: 1 | 2 }
  | { kind: "paragraph"; text: string; italic?: boolean }
  | { kind: "table"; caption: string; columns: TableColumn[]; rows: string[][]; /** Rows printed bold (group rows). */ strong?: number[] }
  | { kind: "chart"; caption: string; scene: ChartScene };

/** Per unit-tree root: who issues the report and who signs it (editable in the console). */
export interface ReportSettings {
  /** The body above the issuer, e.g. "UBND TỈNH BẮC NINH"; may be empty. */
  parentBody: string;
  issuer: string;
  /** The issuer's short code in the document number: "Số: …/BC-SNV". */
  shortCode: string;
  place: string;
  signerTitle: string;
  signerName: string;
  /** One recipient a line. */
  recipients: string[];
}

export interface ReportDocument {
  header: { parentBody: string; issuer: string; number: string; motto: [string, string]; placeDate: string };
  title: string;
  subtitle: string;
  blocks: Block[];
  recipientsHead: string;
  recipients: string[];
  signer: { title: string; name: string };
}
