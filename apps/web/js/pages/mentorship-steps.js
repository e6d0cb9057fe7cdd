import { api } from '../api.js';
import { announce, h, put } from '../dom.js';
import { activityNo, clause, date } from '../format.js';
import { go } from '../router.js';
import { schemaForm } from '../schema-form.js';
import { app } from '../session.js';
import { empty } from '../widgets.js';

let flash = null;

/** The message of the step just recorded, shown once on the page that follows. */
export function takeFlash() {
  const message = flash;
  flash = null;
  return message;
}

/** Choices for fields the schema knows only as ids: the participants, the program's activities, the mentor bank. */
export async function fieldOptions(m, steps) {
  const people = [{ ...m.mentor, role: 'наставник' }, ...m.mentees.map((x) => ({ ...x, role: 'наставляемый' }))];
  const consented = new Set(m.consents.map((c) => c.personId));
  const participant = (p) => ({ value: p.personId, label: `${p.fullName ?? p.personId} — ${p.role}` });
  const options = {
    personId: people.map((p) => ({ ...participant(p), label: `${participant(p).label}${consented.has(p.personId) ? ' (согласие записано)' : ''}`, disabled: consented.has(p.personId) })),
    agreedBy: people.map(participant),
    menteeId: people.filter((p) => p.role === 'наставляемый').map(participant),
    activityId: (m.program?.activities ?? []).filter((a) => !a.doneOn).map((a) => ({ value: a.id, label: `${activityNo(a.id)}. ${a.title} (срок ${date(a.due)})` })),
  };
  const wantsMentors = steps.some((s) => s.schema?.properties?.newMentorId);
  if (wantsMentors && app.session.can.readStaff) {
    const { items } = await api('/api/banks/mentors');
    options.newMentorId = items.filter((x) => x.personId !== m.mentor.personId)
      .map((x) => ({ value: x.personId, label: `${x.fullName} — нагрузка ${x.load.current} из ${x.load.limit}` }));
  }
  return options;
}

/** Why no step is offered: a final state of the machine ends the mentorship for everyone; otherwise someone else acts next. */
function noSteps(m, final) {
  if (m.state === 'completed' && m.publication) return 'Наставничество завершено, итоги опубликованы.';
  if (!final) return 'Сейчас для вас шагов нет: следующий шаг за другим участником.';
  if (m.state === 'withdrawn') return `Предложение отозвано${m.withdrawal ? ` ${date(m.withdrawal.date)}` : ''}: наставничество не состоялось, шагов больше нет.`;
  if (m.state === 'declined') return 'Участник отказался от наставничества: оно не состоялось, шагов больше нет.';
  if (m.state === 'replaced') return 'Наставник заменён: наставляемый продолжает в новом наставничестве, здесь шагов больше нет.';
  return `${m.stateTitle}: шагов больше нет.`;
}

export function stepsPanel(m, v, options, openStep, { final = false } = {}) {
  const area = h('div', { class: 'step-form-area' });
  const buttons = m.availableSteps.map((st) => {
    const button = h('button', { type: 'button', class: 'step-button', 'aria-expanded': 'false', dataset: { step: st.step }, on: { click: () => open(st, button) } }, st.title);
    return button;
  });
  function open(st, button, initial = false) {
    buttons.forEach((b) => b.setAttribute('aria-expanded', String(b === button)));
    const headingId = `step-${st.step}-h`;
    const { form, focus } = schemaForm({
      schema: st.schema,
      vocabulary: v,
      options,
      defaults: { date: app.session.today },
      submitLabel: st.title,
      describedBy: headingId,
      onCancel: () => {
        put(area);
        button.setAttribute('aria-expanded', 'false');
        button.focus();
      },
      onSubmit: async (body) => {
        const r = await api(st.href, { method: st.method ?? 'POST', body, headers: { 'If-Match': `"${m.revision}"` } });
        flash = `Шаг «${st.title}» записан. Состояние: ${r.stateTitle}.`;
        announce(flash);
        if (r.successorId && r.successorId !== m.id && st.step === 'replace') flash += ' Наставляемый продолжает в новом наставничестве.';
        go(`#/mentorships/${m.id}`);
      },
    });
    put(area, h('section', { class: 'step-form', 'aria-labelledby': headingId },
      h('h3', { id: headingId }, st.title),
      h('p', { class: 'muted' }, `Вы выполняете шаг как: ${st.as.map((r) => v.enums.role[r] ?? r).join(', ')}. Основание: ${clause(v.steps[st.step]?.clause)}.`),
      form));
    // Opened from a link (?step=…): the page is not attached yet, so main.js focuses it after rendering.
    if (initial) form.dataset.autofocus = '';
    else focus();
  }
  const panel = h('section', { class: 'card wide steps', 'aria-labelledby': 'steps-h' },
    h('h2', { id: 'steps-h' }, 'Доступные шаги'),
    buttons.length
      ? h('div', { class: 'step-buttons', role: 'group', 'aria-label': 'Шаги, которые можно выполнить сейчас' }, buttons)
      : empty(noSteps(m, final)),
    area);
  const wanted = m.availableSteps.find((st) => st.step === openStep);
  if (wanted) open(wanted, buttons[m.availableSteps.indexOf(wanted)], true);
  return panel;
}

