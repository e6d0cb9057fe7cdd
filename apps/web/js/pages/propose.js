import { api } from '../api.js';
import { add, h } from '../dom.js';
import { bodySchema } from '../openapi.js';
import { go } from '../router.js';
import { schemaForm } from '../schema-form.js';
import { app, vocabulary } from '../session.js';
import { empty } from '../widgets.js';

export async function render(main) {
  add(main, h('nav', { class: 'breadcrumbs', 'aria-label': 'Путь' }, h('a', { href: '#/mentorships' }, 'Наставничества'), ' / новое'),
    h('h1', {}, 'Предложить наставническую пару (группу)'));
  if (!app.session.can.propose) {
    add(main, empty('Предлагать пары и группы может куратор (п. 3.4 Положения).'));
    return;
  }
  const [schema, v, mentors, mentees] = await Promise.all([
    bodySchema('/api/mentorships'), vocabulary(), api('/api/banks/mentors'), api('/api/banks/mentees'),
  ]);
  const options = {
    mentorId: mentors.items.map((m) => ({ value: m.personId, label: `${m.fullName} — ${m.position}; нагрузка ${m.load.current} из ${m.load.limit}` })),
    menteeIds: mentees.items.map((m) => ({ value: m.personId, label: `${m.fullName} — ${m.position}${m.inMentorship ? ' (уже в наставничестве)' : ''}` })),
  };
  const { form } = schemaForm({
    schema, vocabulary: v, options,
    defaults: { date: app.session.today },
    submitLabel: 'Предложить',
    onSubmit: async (body) => {
      const r = await api('/api/mentorships', { method: 'POST', body });
      go(`#/mentorships/${r.id}`);
    },
  });
  add(main,
    h('p', { class: 'lead' }, 'Наставник — из базы наставников, наставляемые — из банка наставляемых (п. 3.4, 3.8). Срок — от 1 месяца до 1 года (п. 3.7); у наставника не больше трёх наставляемых одновременно.'),
    mentors.items.length && mentees.items.length ? null : h('p', { class: 'warning' }, 'Сначала внесите сотрудников в базу наставников и банк наставляемых: ', h('a', { href: '#/people' }, 'Сотрудники и банки'), '.'),
    h('section', { class: 'card' }, form),
  );
  form.dataset.autofocus = '';
}
