import type { PrintedOrganisation } from '#core/organisation';
import { shortName } from '#libs/russian-names';
import { BREAK_KIND_TITLES, type HeadAnchor, type VerificationResult } from './verification.result';
import { PRINT_CSS, esc, ruDateTime, zoneName } from './printable';
import { witnessParagraph, witnessRows } from './witness-statement';

export interface StatementContext {
  orgId: string;
  /** The organisation's details in force today (entered in the app; else `ORG_NAME` or a blank). */
  organisation?: PrintedOrganisation;
  timeZone: string;
  /** Who ran the check: name and role, in words. */
  checkedBy: string;
  anchors?: HeadAnchor[];
}

/** The organisation by its name and address; by its identifier only while nothing names it. */
function organisationCell(ctx: StatementContext): string {
  const o = ctx.organisation;
  // Details not entered yet: a line to write the name on, as the documents leave it — never the organisation's key.
  if (!o || o.source === 'blank') return '<span class="line"></span><br><span class="small">(наименование образовательной организации)</span>';
  return `${esc(o.fullName)}${o.address ? `<br><span class="small">${esc(o.address)}</span>` : ''}`;
}

/** «Заведующий: ____ / Савельева Л. М. /»: the head signs the statement by name when the details give it. */
export function headSignatureLine(o: PrintedOrganisation | undefined): string {
  const name = o?.headName ? `<span class="line"></span> / ${esc(shortName(o.headName))} /` : '<span class="line"></span> / <span class="line"></span>';
  return `<p>${esc(o?.headPosition ?? 'Заведующий')}: ${name}</p>`;
}

/** The rows of the statement, also embedded in an audit package. */
export function statementTable(r: VerificationResult, ctx: StatementContext): string {
  const chain = r.chains.find((c) => c.orgId === ctx.orgId);
  const checked = chain?.checked ?? 0;
  const rows: [string, string, string?][] = [
    ['Организация', organisationCell(ctx)],
    ['Дата и время проверки', `${esc(ruDateTime(r.checkedAt, ctx.timeZone))} (${esc(zoneName(ctx.timeZone))})`],
    ['Проверку выполнил', esc(ctx.checkedBy)],
    ['Проверено событий организации', checked ? `${checked} — все, с начала журнала` : '0'],
    ['Прочитано записей журнала (всех организаций)', String(r.logEvents)],
    ['Контрольная сумма (SHA-256) после события № ' + checked, esc(chain?.head ?? '—'), 'hash'],
    ['Сверено ранее записанных контрольных сумм', String(chain?.headsRecorded ?? 0)],
    ['Событий, ещё не включённых в цепочку (записаны только что)', String(chain?.unsealed ?? 0)],
  ];
  for (const a of ctx.anchors ?? []) {
    const broken = chain?.break?.kind === 'head-mismatch' && chain.break.ordinal === a.count;
    rows.push([`Контрольная сумма из прежнего акта (после события № ${a.count})`, `${esc(a.head)} — ${broken ? 'НЕ СОВПАДАЕТ' : checked >= a.count && r.intact ? 'совпадает' : 'не сверена'}`, 'hash']);
  }
  rows.push(...witnessRows(chain?.witness, ctx.timeZone));
  rows.push(['Результат', r.intact ? 'Журнал цел: изменённых, удалённых, вставленных и переставленных событий не обнаружено.' : 'НАРУШЕНА ЦЕЛОСТНОСТЬ ЖУРНАЛА', 'verdict']);
  if (chain?.break) {
    rows.push(['Место нарушения', `событие № ${chain.break.ordinal}; вид: ${esc(BREAK_KIND_TITLES[chain.break.kind])} (запись журнала ${esc(chain.break.position)})`]);
    rows.push(['Описание', esc(chain.break.message)]);
  }
  return `<table>${rows.map(([k, v, cls]) => `<tr><th>${esc(k)}</th><td${cls ? ` class="${cls}"` : ''}>${v}</td></tr>`).join('')}</table>`;
}

/** «Акт проверки целостности журнала»: printable, for an inspection file. */
export function verificationStatementHtml(r: VerificationResult, ctx: StatementContext): string {
  const chain = r.chains.find((c) => c.orgId === ctx.orgId);
  const count = chain?.checked ?? 0;
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<title>Акт проверки целостности журнала${ctx.organisation && ctx.organisation.source !== 'blank' ? ` — ${esc(ctx.organisation.shortName)}` : ''} — ${esc(ruDateTime(r.checkedAt, ctx.timeZone))}</title>
<style>${PRINT_CSS}</style>
</head>
<body>
<h1>Акт проверки целостности журнала событий</h1>
<p class="sub">системы наставничества педагогических работников</p>
${statementTable(r, ctx)}
<h2>Как проведена проверка</h2>
<p>Каждое событие журнала организации при записи включается в цепочку: для него вычисляется контрольная сумма SHA-256 — от суммы
предыдущего события и от сохранённого содержимого события (к чему оно относится, его порядковый номер и код, вид, время записи, данные и
сведения о записи — в том виде, в каком они хранятся; персональные данные — в зашифрованном виде). Звенья цепочки хранятся в журнале,
итоговая контрольная сумма периодически записывается. При проверке весь журнал прочитан по порядку, суммы вычислены заново и сверены со
звеньями: изменённое, удалённое, вставленное или переставленное событие обнаруживается на своём месте.</p>
${witnessParagraph(chain?.witness)}
<p>Сверьте контрольную сумму из этого акта при следующей проверке: так видно, что журнал не переписан целиком вместе с цепочкой.
Для этого на странице «История и аудит» любого наставничества, в разделе «Целостность журнала», укажите число проверенных событий
(${count}) и контрольную сумму из этого акта — новый акт покажет, совпадает ли она.</p>
<div class="signatures">
<p>Проверку провёл: <span class="line"></span> / <span class="line"></span></p>
${headSignatureLine(ctx.organisation)}
<p>«____» ______________ 20___ г.</p>
</div>
</body>
</html>
`;
}
