import { keepsWithNext } from './document.layout';
import type { Block, DocumentModel } from './document.model';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The same page as the DOCX: A4, Times 14, margins 20/15/20/30 mm; header words never broken; rows and signatures kept whole. */
export const DOCUMENT_CSS = `@page{size:A4;margin:20mm 15mm 20mm 30mm}
body{font:14pt/1.3 "Times New Roman",Times,"Liberation Serif",serif;max-width:165mm;margin:0 auto;padding:10mm;color:#000;background:#fff}
p{margin:0 0 4pt;text-align:justify;white-space:pre-wrap}p.i{text-indent:12.5mm}.c{text-align:center;text-indent:0}.b{font-weight:bold}.s{font-size:11pt}
.r{margin-left:50%;text-align:left}.r p{margin:0;text-align:left}
.dn,.sig{display:flex;justify-content:space-between;gap:8mm;margin:10pt 0}.sig{margin-top:18pt}
table{border-collapse:collapse;width:100%;table-layout:fixed;margin:4pt 0 10pt;font-size:12pt}
td,th{border:1px solid #000;padding:2pt 4pt;vertical-align:top;text-align:left;overflow-wrap:break-word}
th{text-align:center;vertical-align:middle;hyphens:none;overflow-wrap:normal;word-break:normal}
tr{break-inside:avoid}table.whole{break-inside:avoid}.keep{break-inside:avoid}.kn{break-after:avoid}
h1.t{font-size:14pt;margin:12pt 0}
.draft{border:1px dashed #999;padding:4pt;color:#555;font-size:11pt}
@media print{.draft{display:none}body{padding:0;max-width:none}}
@media screen and (max-width:600px){body{font-size:12pt;padding:4mm}.r{margin-left:0}table{font-size:10pt}th{font-size:9pt;overflow-wrap:anywhere}.dn,.sig{flex-wrap:wrap}}`;

/** Column widths as rules of the page's one stylesheet (`table.wN col:nth-child(k)`): no style attributes, so a strict page policy keeps them. */
export function widthRules(tables: readonly number[][]): string {
  return tables.map((widths, t) => widths.map((w, k) => `table.w${t} col:nth-child(${k + 1}){width:${w}%}`).join('')).join('');
}

function block(b: Block, next: () => number, keep: boolean, table: () => number): string {
  const kn = keep ? ' kn' : '';
  switch (b.type) {
    case 'center': return `<p class="c${b.bold ? ' b' : ''}${b.small ? ' s' : ''}${kn}">${esc(b.text)}</p>`;
    case 'right': return `<div class="r${kn}">${b.lines.map((l) => `<p>${esc(l)}</p>`).join('')}</div>`;
    case 'title': return `<h1 class="c b t${kn}">${esc(b.text)}</h1>`;
    case 'date-number': return `<div class="dn${kn}"><span>${esc(b.date)}</span><span>№ ${esc(b.number)}</span></div>`;
    case 'paragraph': return `<p class="${b.bold || b.text.endsWith(':') ? '' : 'i'}${b.bold ? ' b' : ''}${kn}">${esc(b.text)}</p>`;
    case 'numbered': return b.items.map((i) => `<p class="i${kn}">${next()}. ${esc(i)}</p>`).join('');
    case 'table':
      // A short table (the acquaintance list) is never cut from its header.
      return `<table class="w${table()}${b.rows.length <= 8 ? ' whole' : ''}"><colgroup>${b.widths.map(() => '<col>').join('')}</colgroup>`
        + `<thead><tr>${b.header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>`
        + `<tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
    case 'signature': return `<div class="sig${kn}"><span>${esc(b.role)}</span><span>____________ / ${esc(b.name)} /</span></div>`;
  }
}

/** The model as a printable page: no scripts, no external resources, every value escaped; a signature wrapped with the text it signs. */
export function renderHtml(model: DocumentModel): string {
  let n = 0;
  const next = () => ++n;
  let t = 0;
  const table = () => t++;
  const parts: string[] = [];
  let group: string[] | null = null;
  model.blocks.forEach((b, i) => {
    const keep = keepsWithNext(model.blocks, i);
    const html = block(b, next, keep, table);
    // The lines before a signature and the signature itself: one block that does not break across pages.
    const signs = model.blocks[i + 1]?.type === 'signature' || b.type === 'signature';
    if (signs) (group ??= []).push(html);
    else parts.push(html);
    if (group && !(keep && model.blocks[i + 1]?.type === 'signature')) {
      parts.push(`<div class="keep">${group.join('')}</div>`);
      group = null;
    }
  });
  return '<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
    + `<title>${esc(model.fileName)}</title><style>${DOCUMENT_CSS}\n${widthRules(model.blocks.flatMap((b) => (b.type === 'table' ? [b.widths] : [])))}</style></head><body>`
    + (model.status === 'draft' ? '<p class="draft">Проект: пустые поля заполняются после соответствующего шага.</p>' : '')
    + parts.join('')
    + '</body></html>';
}
