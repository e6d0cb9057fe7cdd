import { api } from '../api.js';
import { add, h, put } from '../dom.js';
import { bodySchema } from '../openapi.js';
import { schemaForm } from '../schema-form.js';
import { app, vocabulary } from '../session.js';
import { empty } from '../widgets.js';

export async function render(main) {
  add(main, h('h1', {}, 'Пользователи'));
  if (!app.session.can.createUsers) {
    add(main, empty('Пользователей создаёт администратор.'));
    return;
  }
  const [schema, v, staff] = await Promise.all([bodySchema('/api/users'), vocabulary(), api('/api/staff')]);
  const result = h('div', { 'aria-live': 'polite' });
  const { form } = schemaForm({
    schema, vocabulary: v,
    options: { personId: staff.items.map((p) => ({ value: p.personId, label: `${p.fullName} — ${p.position ?? ''}` })) },
    submitLabel: 'Создать пользователя',
    onSubmit: async (body) => {
      const r = await api('/api/users', { method: 'POST', body });
      const tokenId = `token-${r.id}`;
      put(result, h('div', { class: 'success', role: 'status' },
        h('p', {}, `Пользователь «${body.name}» создан. Передайте ему токен — он показывается один раз:`),
        h('p', {}, h('label', { for: tokenId }, 'Токен'), ' ', h('input', { id: tokenId, class: 'token', readonly: true, value: r.token, size: 50 })),
        h('button', { type: 'button', class: 'secondary small', on: { click: () => navigator.clipboard?.writeText(r.token) } }, 'Скопировать')));
      form.reset();
    },
  });
  add(main,
    h('p', { class: 'lead' }, 'Роли: руководитель (приказы, п. 3.3), куратор (п. 3.4), член методического совета, наставник и наставляемый (только свои наставничества — укажите сотрудника), аудитор (только чтение).'),
    h('section', { class: 'card' }, form),
    result,
  );
}
