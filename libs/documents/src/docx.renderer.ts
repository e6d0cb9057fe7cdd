import {
  AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TabStopType, TextRun, VerticalAlign, WidthType,
} from 'docx';
import { keepsWithNext } from './document.layout';
import type { Block, DocumentModel } from './document.model';

const FONT = 'Times New Roman';
const SIZE = 28; // 14 pt, in half-points: the size of Russian office documents
const TABLE_SIZE = 24; // 12 pt
const SMALL = 22;
/** A4 with margins of 20 mm top and bottom, 30 mm left, 15 mm right (twips). */
const PAGE = { width: 11906, height: 16838, top: 1134, bottom: 1134, left: 1701, right: 850 };
const LINE = PAGE.width - PAGE.left - PAGE.right;
const INDENT = 709; // 1.25 cm: the first line of a paragraph in an order
type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

interface ParaOptions { bold?: boolean; align?: Align; size?: number; keepNext?: boolean; indent?: boolean; after?: number }

const run = (text: string, bold = false, size = SIZE) => new TextRun({ text, bold, font: FONT, size });
const para = (text: string, o: ParaOptions = {}) => new Paragraph({
  alignment: o.align ?? AlignmentType.JUSTIFIED,
  spacing: { after: o.after ?? 80, line: 240 },
  keepNext: o.keepNext, keepLines: true,
  indent: o.indent ? { firstLine: INDENT } : undefined,
  children: [run(text, o.bold, o.size)],
});

/** Fixed column widths (the shares the model gives), rows never split, the header repeated on a new page. */
function table(header: string[], rows: string[][], widths: number[], keepNext: boolean): Table {
  const twips = widths.map((w) => Math.round((LINE * w) / 100));
  const cell = (text: string, i: number, head: boolean, keep: boolean) => new TableCell({
    width: { size: twips[i], type: WidthType.DXA },
    verticalAlign: head ? VerticalAlign.CENTER : VerticalAlign.TOP,
    children: [para(text, { bold: head, size: TABLE_SIZE, align: head ? AlignmentType.CENTER : AlignmentType.LEFT, after: 0, keepNext: keep })],
  });
  return new Table({
    width: { size: LINE, type: WidthType.DXA },
    columnWidths: twips,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, i, true, true)) }),
      ...rows.map((r, n) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false, keepNext || n < rows.length - 1 && rows.length <= 3)) })),
    ],
  });
}

function blocks(model: DocumentModel): (Paragraph | Table)[] {
  let n = 0; // numbered items run on across blocks, as an order's points do
  return model.blocks.flatMap((b: Block, i): (Paragraph | Table)[] => {
    const keepNext = keepsWithNext(model.blocks, i);
    switch (b.type) {
      case 'center': return [para(b.text, { bold: b.bold, align: AlignmentType.CENTER, keepNext, size: b.small ? SMALL : SIZE })];
      case 'right': return b.lines.map((l) => new Paragraph({
        indent: { left: Math.round(LINE * 0.5) }, spacing: { after: 0 }, keepNext: true, keepLines: true, children: [run(l)],
      }));
      case 'title': return [new Paragraph({
        alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 }, keepNext: true, keepLines: true, children: [run(b.text, true)],
      })];
      case 'date-number':
        return [new Paragraph({
          tabStops: [{ type: TabStopType.RIGHT, position: LINE }],
          spacing: { before: 120, after: 120 }, keepNext: true,
          children: [run(b.date), run(`\t№ ${b.number}`)],
        })];
      case 'paragraph': return [para(b.text, { bold: b.bold, keepNext, indent: !b.bold && !b.text.endsWith(':') })];
      case 'numbered': return b.items.map((item, k) => para(`${++n}. ${item}`, { indent: true, keepNext: keepNext && k === b.items.length - 1 }));
      case 'table': return [table(b.header, b.rows, b.widths, keepNext), para('', { after: 0, size: 12 })];
      case 'signature':
        return [new Paragraph({
          tabStops: [{ type: TabStopType.RIGHT, position: LINE }],
          spacing: { before: 360, after: 240 }, keepLines: true, keepNext,
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
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [{
      properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right } } },
      children: blocks(model),
    }],
  });
  return Packer.toBuffer(doc);
}
