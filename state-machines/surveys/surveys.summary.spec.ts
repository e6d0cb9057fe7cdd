import { summariseResponses } from './surveys.summary';

describe('survey summary', () => {
  it('averages scores, counts options and respondents by role, and shows no free text', () => {
    const s = summariseResponses('program-quality', [
      { role: 'mentor', answers: { relevance: 5, usefulness: 4, cooperation: 5, timing: 4, overall: 5, recommend: true, suggestions: 'Иванова помогла' } },
      { role: 'mentee', answers: { relevance: 4, usefulness: 4, cooperation: 3, timing: 2, overall: 4, recommend: false } },
      { role: 'mentee', answers: { relevance: 3, usefulness: 5, cooperation: 4, timing: 3, overall: 4, recommend: true } },
    ]);
    expect(s).toMatchObject({ questionnaire: 'program-quality', title: 'Анкета участника о качестве программы наставничества', responses: 3, byRole: { candidate: 0, mentor: 1, mentee: 2 } });
    const q = Object.fromEntries(s.questions.map((x) => [x.id, x]));
    expect(q.relevance).toMatchObject({ answered: 3, average: 4 });
    expect(q.timing.average).toBe(3);
    expect(q.overall.average).toBe(4.33);
    expect(q.recommend.options).toEqual([{ value: 'yes', title: 'Да', count: 2 }, { value: 'no', title: 'Нет', count: 1 }]);
    expect(q.suggestions).toEqual({ id: 'suggestions', text: expect.any(String), kind: 'text', answered: 1 });
    expect(JSON.stringify(s)).not.toContain('Иванова');
  });

  it('counts single and multiple choices, and says "no data" for a question nobody answered', () => {
    const s = summariseResponses('mentor-candidates', [
      { role: 'candidate', answers: { willing: 'yes', experience: 10, forms: ['traditional', 'group'], mentees: '2', 'training-needed': true } },
      { role: 'candidate', answers: { willing: 'after-training', experience: 3, forms: ['group'], mentees: '1', 'training-needed': true } },
    ]);
    const q = Object.fromEntries(s.questions.map((x) => [x.id, x]));
    expect(q.willing.options).toEqual([
      { value: 'yes', title: 'Да', count: 1 }, { value: 'after-training', title: 'Да, после обучения', count: 1 }, { value: 'no', title: 'Нет', count: 0 },
    ]);
    expect(q.forms.options!.filter((o) => o.count)).toEqual([{ value: 'traditional', title: 'Традиционная («один-на-один»)', count: 1 }, { value: 'group', title: 'В группе', count: 2 }]);
    expect(q.experience.average).toBe(6.5);
    expect(q.competences).toMatchObject({ answered: 0 });
    expect(summariseResponses('program-quality', []).questions[0]).toMatchObject({ answered: 0, average: null });
  });
});
