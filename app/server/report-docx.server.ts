import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from "docx";
import type { Align, Block, ReportDocument } from "~/documents/document-model";
import { scenePng } from "./chart-png.server";

// The report document as DOCX in the NĐ 30/2020 layout, for officials to edit before signing:
// A4, margins top/bottom 20 mm, left 30 mm, right 15 mm, Times New Roman 14 pt (tables 12 pt),
// table headers repeated on each page, charts as PNG pictures, page numbers from page 2.

const TWIP_PER_MM = 56.7;
const TEXT_WIDTH = Math.round((210 - 30 - 15) * TWIP_PER_MM);
const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };

const run = (text: string, o: Omit<IRunOptions, "text"> = {}) => new TextRun({ text, ...o });
const centered = (text: string, o: Omit<IRunOptions, "text"> = {}, spacing = 0) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: spacing }, children: [run(text, o)] });

function headerTable(d: ReportDocument): Table {
  const left = [
    ...(d.header.parentBody ? [centered(d.header.parentBody, { size: 26 })] : []),
    centered(d.header.issuer, { size: 26, bold: true }),
    centered("────────", { size: 16 }),
    centered(d.header.number, { size: 26 }),
  ];
  const right = [
    centered(d.header.motto[0], { size: 24, bold: true }),
    centered(d.header.motto[1], { size: 26, bold: true }),
    centered("──────────────────", { size: 16 }),
    centered(d.header.placeDate, { size: 28, italics: true }),
  ];
  const widths = [Math.round(TEXT_WIDTH * 0.42), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.42)];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [left, right].map((children, i) => new TableCell({ width: { size: widths[i], type: WidthType.DXA }, borders: NO_BORDERS, children })) })],
  });
}

function table(block: Extract<Block, { kind: "table" }>): Array<Paragraph | Table> {
  const total = block.columns.reduce((s, c) => s + c.width, 0);
  const widths = block.columns.map((c) => Math.round((TEXT_WIDTH * c.width) / total));
  const strong = new Set(block.strong ?? []);
  const cell = (text: string, i: number, bold: boolean, align: Align) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [new Paragraph({ alignment: ALIGN[align], children: [run(text, { size: 24, bold })] })],
    });
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 60 }, keepNext: true, children: [run(block.caption, { size: 26, italics: true })] }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, children: block.columns.map((c, i) => cell(c.head, i, true, "center")) }),
        ...block.rows.map((row, r) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, i, strong.has(r), block.columns[i].align ?? "left")) })),
      ],
    }),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

function chart(block: Extract<Block, { kind: "chart" }>): Paragraph[] {
  // Pictures are sized in pixels at 96 per inch: the text width is 165 mm ≈ 624 px.
  const width = 600;
  const height = Math.round((block.scene.height / block.scene.width) * width);
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 60 }, keepNext: true, children: [run(block.caption, { size: 26, italics: true })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new ImageRun({ type: "png", data: scenePng(block.scene), transformation: { width, height }, altText: { name: block.caption, title: block.caption, description: block.caption } })],
    }),
  ];
}

function body(blocks: Block[]): Array<Paragraph | Table> {
  return blocks.flatMap((b): Array<Paragraph | Table> => {
    if (b.kind === "heading") return [new Paragraph({ keepNext: true, spacing: { before: 120, after: 60 }, indent: b.level === 2 ? { firstLine: 567 } : undefined, children: [run(b.text, { bold: true })] })];
    if (b.kind === "paragraph") return [new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 567 }, spacing: { after: 80, line: 312 }, children: [run(b.text, { italics: b.italic })] })];
    if (b.kind === "table") return table(b);
    return chart(b);
  });
}

function closing(d: ReportDocument): Table {
  const widths = [Math.round(TEXT_WIDTH / 2), TEXT_WIDTH - Math.round(TEXT_WIDTH / 2)];
  const left = [new Paragraph({ children: [run(d.recipientsHead, { size: 24, bold: true, italics: true })] }), ...d.recipients.map((r) => new Paragraph({ children: [run(`- ${r};`, { size: 22 })] }))];
  const right = [centered(d.signer.title, { bold: true }), new Paragraph({ spacing: { before: 1400 }, children: [] }), centered(d.signer.name, { bold: true })];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [left, right].map((children, i) => new TableCell({ width: { size: widths[i], type: WidthType.DXA }, borders: NO_BORDERS, children })) })],
  });
}

/** The whole document as a DOCX buffer. */
export function reportDocx(d: ReportDocument, info: { title: string; lang: string }): Promise<Buffer> {
  const doc = new Document({
    title: info.title,
    creator: "Hài Lòng",
    // The document's language, for the proofing of the officials who edit it in Word or Writer.
    styles: { default: { document: { run: { font: "Times New Roman", size: 28, language: { value: info.lang } } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 851, header: 567, footer: 567 } },
        },
        headers: {
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] }),
          first: new Header({ children: [] }),
        },
        footers: { first: new Footer({ children: [] }) },
        children: [
          headerTable(d),
          new Paragraph({ spacing: { before: 240 }, alignment: AlignmentType.CENTER, children: [run(d.title, { bold: true })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(d.subtitle, { bold: true })] }),
          ...body(d.blocks),
          new Paragraph({ spacing: { after: 120 }, children: [] }),
          closing(d),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
