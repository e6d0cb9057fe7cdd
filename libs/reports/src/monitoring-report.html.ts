import { shortName } from '#libs/russian-names';
import { decimal, percent, type Cell, type ReportDocument } from './monitoring-report.document';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A4 portrait, Times 12; numbers to the right; a section's title stays with its table, rows never split. */
export const REPORT_CSS = `@page{size:A4;margin:15mm 15mm 15mm 25mm}
body{font:12pt/1.3 "Times New Roman",Times,"Liberation Serif",serif;max-width:170mm;margin:0 auto;padding:10mm;color:#000;background:#fff}
.org{text-align:center;font-weight:bold;margin:0}.addr{text-align:center;font-size:10pt;margin:2pt 0 10pt}
h1{font-size:14pt;text-align:center;margin:10pt 0 4pt}.sub{text-align:center;margin:0 0 2pt}
h2{font-size:12pt;margin:12pt 0 4pt;break-after:avoid}
table{border-collapse:collapse;width:100%;table-layout:fixed;font-size:11pt}
th,td{border:1px solid #000;padding:2pt 4pt;vertical-align:top;text-align:left;overflow-wrap:break-word}
th{text-align:center;vertical-align:middle;hyphens:none;overflow-wrap:normal;word-break:normal;font-weight:bold}
td.n{text-align:right;white-space:nowrap}tr{break-inside:avoid}
.def{font-size:9.5pt;margin:3pt 0 0;text-align:justify}
.section{break-inside:auto}.head,.keep{break-inside:avoid}
.sig{display:flex;justify-content:space-between;gap:6mm;margin:16pt 0 0;break-inside:avoid}.signatures{break-inside:avoid;margin-top:14pt}
@media print{body{padding:0;max-width:none}}
@media screen and (max-width:600px){body{font-size:11pt;padding:3mm}table{font-size:9pt}th,td{padding:1pt 2pt}th{font-size:8pt;overflow-wrap:anywhere}td.n{white-space:normal}.sig{flex-wrap:wrap}}`;

const cell = (c: Cell): string => {
  if (c === null) return '<td class="n">—</td>';
  if (typeof c === 'number') return `<td class="n">${esc(decimal(c))}</td>`;
  if (typeof c === 'object') return `<td class="n">${esc(percent(c.share))}</td>`;
  return `<td>${esc(c)}</td>`;
};

/** The monitoring report as a printable page: no scripts, nothing from elsewhere, every value escaped. */
export function monitoringReportHtml(doc: ReportDocument): string {
  const o = doc.organisation;
  const signatures = doc.signatures.map((s) => `<div class="sig"><span>${esc(s.role)}</span><span>____________ / ${s.name ? esc(shortName(s.name)) : '____________'} /</span></div>`).join('');
  const last = doc.sections.length - 1;
  // The last (short) section and the signatures are one block: the signatures never stand alone on a page.
  const sections = doc.sections.map((s, i) => `${i === last ? '<div class="keep">' : ''}<section class="section">
<div class="head"><h2>${s.no}. ${esc(s.title)} (${esc(s.clause)})</h2>
<table class="w${s.no}"><colgroup>${s.widths.map(() => '<col>').join('')}</colgroup>
<thead><tr>${s.header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>
<tbody>${s.rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('\n')}</tbody></table></div>
<p class="def">Как считается: ${esc(s.definition)}</p>
</section>${i === last ? `<div class="signatures">${signatures}<p>«___» ____________ 20___ г.</p></div></div>` : ''}`).join('\n');
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.title)} ${esc(doc.period)}</title><style>${REPORT_CSS}
${doc.sections.map((s) => s.widths.map((w, k) => `table.w${s.no} col:nth-child(${k + 1}){width:${w}%}`).join('')).join('')}</style></head><body>
<p class="org">${esc(o.fullName)}</p>${o.address ? `<p class="addr">${esc(o.address)}</p>` : ''}
<h1>${esc(doc.title)}</h1>
<p class="sub">за период ${esc(doc.period)}</p>
<p class="sub">Форма наставничества: ${esc(doc.form)}. Сроки — по состоянию на ${esc(doc.asOf)}.</p>
${sections}
</body></html>`;
}
