import type { PrintedOrganisation } from '#core/organisation';
import { shortName } from '#libs/russian-names';
import { BREAK_KIND_TITLES, type HeadAnchor, type VerificationResult } from './verification.result';
import { PRINT_CSS, esc, ruDateTime } from './printable';

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
  if (!o || o.source === 'blank') return esc(ctx.orgId);
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
    ['Дата и время проверки', `${esc(ruDateTime(r.checkedAt, ctx.timeZone))} (${esc(ctx.timeZone)})`],
    ['Проверку выполнил', esc(ctx.checkedBy)],
    ['Проверено событий организации', checked ? `${checked}: с начала журнала по позицию ${esc(chain?.position)}` : '0'],
    ['Прочитано событий журнала', `${r.logEvents}${r.logEnd ? ` (по позицию ${esc(r.logEnd)})` : ''}`],
    ['Вершина цепочки (SHA-256) после события № ' + checked, esc(chain?.head ?? '—'), 'hash'],
    ['Сверено записанных вершин', String(chain?.headsRecorded ?? 0)],
    ['Ещё не запечатано событий', String(chain?.unsealed ?? 0)],
  ];
  for (const a of ctx.anchors ?? []) {
    const broken = chain?.break?.kind === 'head-mismatch' && chain.break.ordinal === a.count;
    rows.push([`Вершина из прежнего акта (после события № ${a.count})`, `${esc(a.head)} — ${broken ? 'НЕ СОВПАДАЕТ' : checked >= a.count && r.intact ? 'совпадает' : 'не сверена'}`, 'hash']);
  }
  rows.push(['Результат', r.intact ? 'Цепочка цела: изменений, удалений, вставок и перестановок событий не обнаружено.' : 'НАРУШЕНА ЦЕЛОСТНОСТЬ ЖУРНАЛА', 'verdict']);
  if (chain?.break) {
    rows.push(['Место нарушения', `позиция ${esc(chain.break.position)}, событие № ${chain.break.ordinal} цепочки; вид: ${esc(BREAK_KIND_TITLES[chain.break.kind])}`]);
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
<title>Акт проверки целостности журнала — ${esc(ctx.organisation && ctx.organisation.source !== 'blank' ? ctx.organisation.shortName : ctx.orgId)} — ${esc(ruDateTime(r.checkedAt, ctx.timeZone))}</title>
<style>${PRINT_CSS}</style>
</head>
<body>
<h1>Акт проверки целостности журнала событий</h1>
<p class="sub">системы наставничества педагогических работников</p>
${statementTable(r, ctx)}
<h2>Как проведена проверка</h2>
<p>Каждое событие журнала организации при записи включается в цепочку: его хеш SHA-256 вычисляется от хеша предыдущего события и от
сохранённого содержимого события (поток, версия, идентификатор, тип, время записи, данные и сведения о записи в том виде, в каком они
хранятся; персональные данные — в зашифрованном виде). Звенья цепочки хранятся в журнале, вершина периодически записывается.
При проверке весь журнал прочитан по порядку, хеши вычислены заново и сверены со звеньями: изменённое, удалённое, вставленное или
переставленное событие обнаруживается на своей позиции.</p>
<p>Чтобы позже убедиться, что журнал и цепочка не были пересчитаны целиком, сверьте вершину из этого акта:
<span class="hash">GET /api/audit/verify?count=${count}&amp;head=${esc(chain?.head ?? '')}</span> или
<span class="hash">npm run cli -- verify --org ${esc(ctx.orgId)} --head ${count}:${esc(chain?.head ?? '')}</span>.</p>
<div class="signatures">
<p>Проверку провёл: <span class="line"></span> / <span class="line"></span></p>
${headSignatureLine(ctx.organisation)}
<p>«____» ______________ 20___ г.</p>
</div>
</body>
</html>
`;
}
