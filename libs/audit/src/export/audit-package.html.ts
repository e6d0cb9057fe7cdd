import { ROLE_TITLES, type Role } from '#core/people';
import { STATE_TITLES, type MentorshipState } from '#core/mentorship';
import { PRINT_CSS, esc, ruDate, ruDateTime } from '../integrity/printable';
import { headSignatureLine, statementTable } from '../integrity/verification-statement.html';
import type { EventField } from '../event-fields';
import type { AuditPackage, PackageEvent } from './audit-package';

const documentText = (d: Record<string, string> | undefined) =>
  d ? [d.kind, d.number ? `№ ${d.number}` : '', d.ref ? `«${d.ref}»` : '', d.date ? `от ${ruDate(d.date)}` : '', d.consent ? `согласие: ${d.consent}` : ''].filter(Boolean).join(' ') : '';

const fieldsList = (fields: EventField[]) =>
  fields.length ? `<dl class="fields">${fields.map((f) => `<dt>${esc(f.label)}</dt><dd>${esc(f.value)}</dd>`).join('')}</dl>` : '';

function eventRow(e: PackageEvent, i: number, tz: string, fields: EventField[]): string {
  const role = e.actor.role === 'system' ? 'система' : ROLE_TITLES[e.actor.role as Role] ?? e.actor.role;
  const state = e.stateAfter ? `<br><span class="small">состояние после: ${esc(STATE_TITLES[e.stateAfter as MentorshipState] ?? e.stateAfter)}</span>` : '';
  return `<tr>
<td>${i + 1}<br><span class="small">запись журнала ${esc(e.position)}</span></td>
<td>${esc(e.title)}${state}</td>
<td>${esc(ruDate(e.businessDate))}<br><span class="small">записано ${esc(ruDateTime(e.recordedAt, tz))}</span></td>
<td>${esc(e.actor.name ?? 'пользователь')}<br><span class="small">${esc(role)}</span></td>
<td>${esc(documentText(e.document))}</td>
<td>${fieldsList(fields)}</td>
</tr>`;
}

/** The package as one printable Russian document: timeline, verification statement, then every event with its data in words. */
export function auditPackageHtml(p: AuditPackage, fieldsOf: (e: PackageEvent) => EventField[] = () => []): string {
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<title>${esc(p.title)}</title>
<style>${PRINT_CSS}
  table.events th, table.events td { width: auto; font-size: 9.5pt; }
  table.events th:nth-child(1) { width: 9%; }
  table.events th:nth-child(2) { width: 19%; }
  table.events th:nth-child(3), table.events th:nth-child(4) { width: 13%; }
  table.events th:nth-child(5) { width: 16%; }
  table.events th:nth-child(6) { width: 30%; }
  dl.fields { margin: 0; }
  dl.fields dt { font-weight: bold; }
  dl.fields dd { margin: 0 0 1mm; }
</style>
</head>
<body>
<h1>${esc(p.title)}</h1>
<p class="sub">${p.organisation.source === 'blank' ? `Организация ${esc(p.orgId)}` : esc(p.organisation.fullName)}. Сформирован ${esc(ruDateTime(p.generatedAt, p.timeZone))}; сформировал: ${esc(p.generatedBy)}.</p>
<h2>1. Хронология</h2>
${p.timeline.length ? `<ol class="timeline">${p.timeline.map((t) => `<li>${esc(ruDate(t.date))} — ${esc(t.text)}.</li>`).join('\n')}</ol>` : '<p>Событий нет.</p>'}
<h2>2. Проверка целостности журнала</h2>
${statementTable(p.verification, { orgId: p.orgId, organisation: p.organisation, timeZone: p.timeZone, checkedBy: p.generatedBy })}
<p class="small">${esc(p.verification.summary)}</p>
<h2>3. События журнала (${p.events.length})</h2>
${p.events.length ? `<table class="events"><thead><tr><th>№</th><th>Событие</th><th>Дата по документу</th><th>Кто</th><th>Документ</th><th>Сведения</th></tr></thead><tbody>
${p.events.map((e, i) => eventRow(e, i, p.timeZone, fieldsOf(e))).join('\n')}
</tbody></table>` : '<p>Событий нет.</p>'}
<h2>Примечания</h2>
${p.notes.map((n) => `<p class="small">${esc(n)}</p>`).join('\n')}
<div class="signatures">
<p>Пакет сформировал: <span class="line"></span> / <span class="line"></span></p>
${headSignatureLine(p.organisation)}
<p>«____» ______________ 20___ г.</p>
</div>
</body>
</html>
`;
}
