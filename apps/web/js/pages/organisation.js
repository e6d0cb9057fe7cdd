import { api } from '../api.js';
import { add, announce, h } from '../dom.js';
import { date } from '../format.js';
import { bodySchema } from '../openapi.js';
import { schemaForm } from '../schema-form.js';
import { vocabulary } from '../session.js';
import { section } from '../widgets.js';

const refresh = () => window.dispatchEvent(new Event('refresh'));
let flash = null;

const SOURCE = {
  entered: (o) => `Внесены в системе, действуют с ${date(o.effectiveFrom)}.`,
  configuration: () => 'Реквизиты ещё не внесены: документы печатают наименование из настроек сервера.',
  blank: () => 'Реквизиты ещё не внесены: в документах вместо наименования остаётся строка для заполнения от руки.',
};

function facts(o) {
  const row = (term, value) => [h('dt', {}, term), h('dd', {}, value || '—')];
  return h('dl', { class: 'facts' },
    row('Полное наименование', o.fullName), row('Сокращённое наименование', o.shortName), row('Адрес', o.address),
    row('Заведующий', o.headName ? `${o.headName} (${o.headPosition.toLocaleLowerCase('ru')})` : null),
    row('Куратор реализации программ наставничества', o.curatorName ? `${o.curatorName}${o.curatorPosition ? ` (${o.curatorPosition.toLocaleLowerCase('ru')})` : ''}` : null));
}

/**
 * The form for the head and the administrator, filled with the details in force and their day (saved as is, they
 * correct that version; with a later day, a new version starts), the revision sent as If-Match.
 */
async function form(view) {
  const schema = await bodySchema('/api/organisation/details');
  const c = view.current;
  const defaults = c.source === 'entered'
    ? { fullName: c.fullName, shortName: c.shortName, address: c.address, headName: c.headName, headPosition: c.headPosition, curatorName: c.curatorName ?? '', curatorPosition: c.curatorPosition ?? '', effectiveFrom: c.effectiveFrom }
    : { headPosition: 'Заведующий', effectiveFrom: view.today, ...(c.source === 'configuration' ? { fullName: c.fullName, shortName: c.shortName } : {}) };
  const { form: el } = schemaForm({
    schema, vocabulary: await vocabulary(), defaults, submitLabel: 'Сохранить реквизиты',
    onSubmit: async (body) => {
      const clean = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== '' && v !== undefined && v !== null));
      const r = await api('/api/organisation/details', { method: 'POST', body: clean, headers: view.revision >= 0 ? { 'If-Match': `"${view.revision}"` } : {} });
      flash = `Реквизиты сохранены: действуют с ${date(r.current.effectiveFrom)}.`;
      announce(flash);
      refresh();
    },
  });
  return el;
}

/** `#/organisation`: the details every document, report and statement prints; the head and the administrator enter them. */
export async function render(main) {
  const view = await api('/api/organisation');
  const said = flash;
  flash = null;
  add(main,
    h('h1', {}, 'Организация'),
    h('p', { class: 'lead' }, 'Реквизиты, которые печатаются в приказах, согласиях, программах, отчётах и актах. Документ печатает реквизиты, действовавшие в день его даты.'),
    said ? h('p', { class: 'success', role: 'status' }, said) : null,
    await section('Действуют сегодня', () => [h('p', { class: 'muted' }, SOURCE[view.current.source](view.current)), facts(view.current)], { id: 'org-current-h' }),
    view.canEdit ? await section('Внести реквизиты', () => form(view), { id: 'org-form-h' }) : null,
    view.versions.length > 1
      ? await section('Прежние версии', () => h('ul', {}, view.versions.slice(1).map((v) => h('li', {}, `с ${date(v.effectiveFrom)}: ${v.shortName}; заведующий — ${v.headName}`))), { id: 'org-versions-h' })
      : null,
  );
}
