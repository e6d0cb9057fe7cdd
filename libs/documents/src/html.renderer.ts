import type { Block, DocumentModel } from './document.model';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `@page{size:A4;margin:20mm 15mm 20mm 30mm}
body{font:14pt/1.4 "Times New Roman",Times,serif;max-width:180mm;margin:0 auto;padding:10mm;color:#000}
p{margin:0 0 6pt;text-align:justify;white-space:pre-wrap}.c{text-align:center}.r{text-align:right}.b{font-weight:bold}
.dn,.sig{display:flex;justify-content:space-between;margin:12pt 0}
table{border-collapse:collapse;width:100%;margin:6pt 0 12pt;font-size:12pt}td,th{border:1px solid #000;padding:3pt 5pt;vertical-align:top;text-align:left}
.t{font-size:14pt;margin:12pt 0}
.draft{border:1px dashed #999;padding:4pt;color:#555;font-size:11pt}@media print{.draft{display:none}body{padding:0}}`;

function block(b: Block, next: () => number): string {
  switch (b.type) {
    case 'center': return `<p class="c${b.bold ? ' b' : ''}">${esc(b.text)}</p>`;
    case 'right': return b.lines.map((l) => `<p class="r">${esc(l)}</p>`).join('');
    case 'title': return `<h1 class="c b t">${esc(b.text)}</h1>`;
    case 'date-number': return `<div class="dn"><span>${esc(b.date)}</span><span>№ ${esc(b.number)}</span></div>`;
    case 'paragraph': return `<p${b.bold ? ' class="b"' : ''}>${esc(b.text)}</p>`;
    case 'numbered': return b.items.map((i) => `<p>${next()}. ${esc(i)}</p>`).join('');
    case 'table':
      return `<table><thead><tr>${b.header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>`
        + `<tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
    case 'signature': return `<div class="sig"><span>${esc(b.role)}</span><span>____________ / ${esc(b.name)} /</span></div>`;
  }
}

/** The model as a printable page: no scripts, no external resources, every value escaped. */
export function renderHtml(model: DocumentModel): string {
  let n = 0;
  const next = () => ++n;
  return '<!doctype html><html lang="ru"><head><meta charset="utf-8">'
    + `<title>${esc(model.fileName)}</title><style>${STYLE}</style></head><body>`
    + (model.status === 'draft' ? '<p class="draft">Проект: пустые поля заполняются после соответствующего шага.</p>' : '')
    + model.blocks.map((b) => block(b, next)).join('')
    + '</body></html>';
}
