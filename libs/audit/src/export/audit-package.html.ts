import { ROLE_TITLES, type Role } from '#core/people';
import { STATE_TITLES, type MentorshipState } from '#core/mentorship';
import { PRINT_CSS, esc, ruDate, ruDateTime } from '../integrity/printable';
import { headSignatureLine, statementTable } from '../integrity/verification-statement.html';
import type { AuditPackage, PackageEvent } from './audit-package';

const documentText = (d: Record<string, string> | undefined) =>
  d ? [d.kind, d.number ? `№ ${d.number}` : '', d.ref ? `«${d.ref}»` : '', d.date ? `от ${ruDate(d.date)}` : '', d.consent ? `согласие: ${d.consent}` : ''].filter(Boolean).join(' ') : '';

function eventRow(e: PackageEvent, i: number, tz: string): string {
  const role = e.actor.role === 'system' ? 'система' : ROLE_TITLES[e.actor.role as Role] ?? e.actor.role;
  const state = e.stateAfter ? `<br>состояние после: ${esc(STATE_TITLES[e.stateAfter as MentorshipState] ?? e.stateAfter)}` : '';
  return `<tr>
<td>${i + 1}</td>
<td class="small">${esc(e.position)}<br>${esc(e.streamId)}<br>версия ${e.revision}<br><span class="hash">${esc(e.eventId)}</span></td>
<td>${esc(e.type)}${state}</td>
<td>${esc(ruDate(e.businessDate))}<br><span class="small">записано ${esc(ruDateTime(e.recordedAt, tz))}</span></td>
<td>${esc(e.actor.name ?? e.actor.userId)}<br><span class="small">${esc(role)}</span></td>
<td>${esc(documentText(e.document))}</td>
<td><pre>${esc(JSON.stringify(e.data, null, 1))}</pre></td>
</tr>`;
}

/** The package as one printable Russian document: timeline, verification statement, then every event. */
export function auditPackageHtml(p: AuditPackage): string {
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<title>${esc(p.title)}</title>
<style>${PRINT_CSS}
  table.events th, table.events td { width: auto; font-size: 9.5pt; }
  table.events td:last-child { width: 40%; }
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
${p.events.length ? `<table class="events"><thead><tr><th>№</th><th>Позиция, поток, версия, идентификатор</th><th>Тип</th><th>Дата по документу</th><th>Кто</th><th>Документ</th><th>Данные</th></tr></thead><tbody>
${p.events.map((e, i) => eventRow(e, i, p.timeZone)).join('\n')}
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
