import { api } from '../api.js';
import { announce, h, put } from '../dom.js';
import { date } from '../format.js';
import { schemaForm } from '../schema-form.js';
import { app, vocabulary } from '../session.js';
import { clauseTag, section } from '../widgets.js';

const STATUS_TEXT = { done: 'выполнен', current: 'текущий этап', ahead: 'впереди', continuous: 'на всех этапах' };

/** Choices for the ids the step schemas carry: activities not yet done, mentors of the bank. */
async function fieldOptions(r) {
  const activityId = r.stages.flatMap((s) => s.activities.filter((a) => !a.done)
    .map((a) => ({ value: a.id, label: `${a.id}. ${a.title}${a.condition ? ` (${a.condition})` : ''}` })));
  const options = { activityId };
  if (r.availableSteps.some((s) => s.step === 'mentor-trained')) {
    const trained = new Set((r.trainedMentors ?? []).map((t) => t.personId));
    const { items } = await api('/api/banks/mentors');
    options.personId = items.map((m) => ({ value: m.personId, label: `${m.fullName}${trained.has(m.personId) ? ' (обучение записано)' : ''}`, disabled: trained.has(m.personId) }));
  }
  return options;
}

function stageList(r) {
  return h('ol', { class: 'roadmap-stages' }, r.stages.map((s) => {
    const required = s.activities.filter((a) => a.required);
    const done = required.filter((a) => a.done).length;
    return h('li', { class: ['roadmap-stage', `stage-${s.status}`] },
      h('strong', {}, s.title), ' ',
      h('span', { class: ['flag', s.status === 'done' ? 'flag-met' : s.status === 'current' ? 'flag-upcoming' : ''] }, STATUS_TEXT[s.status]),
      h('span', { class: 'muted' }, ` · выполнено ${done} из ${required.length}`));
  }));
}

function stepButtons(r, options, v) {
  const area = h('div', { class: 'step-form-area' });
  const buttons = r.availableSteps.map((st) => h('button', {
    type: 'button', class: 'step-button',
    on: {
      click: () => {
        const { form, focus } = schemaForm({
          schema: st.schema, vocabulary: v, options, defaults: { date: app.session.today }, submitLabel: st.title,
          onCancel: () => put(area),
          onSubmit: async (body) => {
            // A roadmap not yet drafted has no version to match.
            const headers = r.revision >= 0 ? { 'If-Match': `"${r.revision}"` } : {};
            await api(`/api/roadmap/steps/${st.step}`, { method: 'POST', body, headers });
            announce(`Шаг «${st.title}» записан.`);
            window.dispatchEvent(new Event('refresh'));
          },
        });
        put(area, h('h3', {}, st.title), form);
        focus();
      },
    },
  }, st.title));
  return buttons.length ? [h('p', { class: 'actions' }, buttons), area] : null;
}

/** The organisation's roadmap on the dashboard: where it stands, what is missing, the steps the caller may take. */
export function roadmapSection() {
  return section('Дорожная карта', async () => {
    const [r, v] = await Promise.all([api('/api/roadmap'), vocabulary()]);
    const options = r.availableSteps.length ? await fieldOptions(r) : {};
    return [
      h('p', {}, `Дорожная карта ${r.phaseTitle}`, r.approved ? ` (утверждена ${date(r.approved.date)})` : '', '. ',
        r.stage ? h('strong', {}, `Этап ${r.stage.no}: ${r.stage.title}.`) : null, ' ', clauseTag('§3.3')),
      r.phase === 'new' ? null : stageList(r),
      r.missing.length
        ? h('div', {}, h('p', {}, 'Чего не хватает (текущий этап и информационная поддержка, этап 7):'),
          h('ul', { class: 'roadmap-missing' }, r.missing.map((m) => h('li', {}, `${m.id}. ${m.title}`))))
        : null,
      r.trainedMentorCount ? h('p', { class: 'muted' }, `Прошли обучение наставников: ${r.trainedMentorCount}`) : null,
      stepButtons(r, options, v),
    ];
  }, { id: 'roadmap-h', className: 'wide' });
}
