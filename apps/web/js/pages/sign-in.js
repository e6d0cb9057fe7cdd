import { ApiError } from '../api.js';
import { add, h, put, uid } from '../dom.js';
import { problemView } from '../problem-view.js';
import { go } from '../router.js';
import { demoAccounts, signIn } from '../session.js';

export async function render(main) {
  const id = uid('token');
  const hint = uid('hint');
  const input = h('input', { id, type: 'password', autocomplete: 'off', spellcheck: 'false', required: true, 'aria-describedby': hint });
  const errors = h('div');
  const submit = async (value) => {
    put(errors);
    try {
      await signIn(value);
      go('#/');
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const view = problemView(e.status === 401 ? { title: 'Вход не выполнен', detail: 'Токен не распознан. Проверьте, что он скопирован полностью.' } : e.problem);
      put(errors, view);
      view.focus();
    }
  };
  const form = h('form', { class: 'sign-in-form', novalidate: true, on: { submit: (e) => { e.preventDefault(); submit(input.value); } } },
    errors,
    h('div', { class: 'field' },
      h('label', { for: id }, 'Токен доступа'),
      input,
      h('p', { class: 'hint', id: hint },
        'Токен администратора сервер печатает при первом запуске. Токены куратора, заведующего, наставников и наставляемых выдаёт администратор в разделе «Пользователи».')),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, 'Войти')),
  );
  const demo = demoAccounts.list();
  add(main,
    h('section', { class: 'sign-in card' },
      h('h1', {}, 'Вход'),
      h('p', {}, 'Система наставничества педагогических работников: предложения пар, согласия, приказы, программы, отчёты и мониторинг — по Положению.'),
      form,
      demo.length
        ? h('div', { class: 'demo-accounts' },
          h('h2', {}, 'Демонстрационные пользователи'),
          h('ul', { class: 'button-list' }, demo.map((a) => h('li', {}, h('button', { type: 'button', class: 'secondary', on: { click: () => submit(a.token) } }, `Войти: ${a.title}`)))))
        : null,
    ),
  );
  document.title = 'Вход — Наставничество';
  input.focus();
}
