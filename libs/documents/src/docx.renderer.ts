import {
  AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TabStopPosition, TabStopType, TextRun, WidthType,
} from 'docx';
import type { Block, DocumentModel } from './document.model';

const FONT = 'Times New Roman';
const SIZE = 28; // 14 pt, in half-points: the size of Russian office documents
const TABLE_SIZE = 24;

const run = (text: string, bold = false, size = SIZE) => new TextRun({ text, bold, font: FONT, size });
const para = (text: string, opts: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; size?: number } = {}) =>
  new Paragraph({ alignment: opts.align ?? AlignmentType.JUSTIFIED, spacing: { after: 120 }, children: [run(text, opts.bold, opts.size)] });

function table(header: string[], rows: string[][]): Table {
  const cell = (text: string, bold: boolean) => new TableCell({ children: [para(text, { bold, align: AlignmentType.LEFT, size: TABLE_SIZE })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c, false)) })),
    ],
  });
}

function blocks(model: DocumentModel): (Paragraph | Table)[] {
  let n = 0; // numbered items run on across blocks, as an order's points do
  return model.blocks.flatMap((b: Block): (Paragraph | Table)[] => {
    switch (b.type) {
      case 'center': return [para(b.text, { bold: b.bold, align: AlignmentType.CENTER })];
      case 'right': return b.lines.map((l) => para(l, { align: AlignmentType.RIGHT }));
      case 'title': return [para(b.text, { bold: true, align: AlignmentType.CENTER })];
      case 'date-number':
        return [new Paragraph({
          tabStops: [{ type: TabStopType.RIGHT, position: TabStopPosition.MAX }],
          spacing: { after: 240 },
          children: [run(b.date), run(`\t№ ${b.number}`)],
        })];
      case 'paragraph': return [para(b.text, { bold: b.bold })];
      case 'numbered': return b.items.map((item) => para(`${++n}. ${item}`));
      case 'table': return [table(b.header, b.rows), para('')];
      case 'signature':
        return [new Paragraph({
          tabStops: [{ type: TabStopType.RIGHT, position: TabStopPosition.MAX }],
          spacing: { before: 360, after: 240 },
          children: [run(b.role), run(`\t____________ / ${b.name} /`)],
        })];
    }
  });
}

/** The model as a Word document (A4, Times New Roman 14). */
export function renderDocx(model: DocumentModel): Promise<Buffer> {
  const doc = new Document({
    title: model.title,
    creator: 'Система наставничества',
    sections: [{
      properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } } },
      children: blocks(model),
    }],
  });
  return Packer.toBuffer(doc);
}
