import { MAX_MENTEES_PER_MENTOR } from '../mentorship/rules/mentor-capacity.rule';

/**
 * The two questionnaires the roadmap asks for: stage 3 «анкетирование среди потенциальных
 * наставников» (willingness, competences) and stage 6 «мониторинг качества реализации
 * персонализированных программ наставничества (анкетирование)» for participants at completion.
 */
export type QuestionKind = 'rating' | 'choice' | 'multi' | 'yes-no' | 'number' | 'text' | 'list';

export interface Question {
  id: string;
  kind: QuestionKind;
  text: string;
  /** `choice` / `multi`: value → Russian words. */
  options?: Record<string, string>;
  /** `number`: bounds. */
  min?: number;
  max?: number;
  optional?: boolean;
}

export const QUESTIONNAIRE_IDS = ['mentor-candidates', 'program-quality'] as const;
export type QuestionnaireId = (typeof QUESTIONNAIRE_IDS)[number];

export interface Questionnaire {
  id: QuestionnaireId;
  title: string;
  /** Who answers it, in words. */
  respondents: string;
  clause: string;
  questions: Question[];
}

const menteeCounts = Object.fromEntries(Array.from({ length: MAX_MENTEES_PER_MENTOR }, (_, i) => [String(i + 1), String(i + 1)]));

export const QUESTIONNAIRES: Record<QuestionnaireId, Questionnaire> = {
  'mentor-candidates': {
    id: 'mentor-candidates',
    title: 'Анкета потенциального наставника',
    respondents: 'педагоги, желающие стать наставниками',
    clause: 'Дорожная карта, этап 3',
    questions: [
      { id: 'willing', kind: 'choice', text: 'Готовы ли вы стать наставником?', options: { yes: 'Да', 'after-training': 'Да, после обучения', no: 'Нет' } },
      { id: 'competences', kind: 'list', text: 'В каких вопросах вы готовы помогать коллегам (компетенции)', optional: true },
      { id: 'experience', kind: 'number', text: 'Педагогический стаж, лет', min: 0, max: 60 },
      {
        id: 'forms', kind: 'multi', text: 'Какие формы наставничества вам подходят (п. 2.3)', optional: true,
        options: { traditional: 'Традиционная («один-на-один»)', group: 'В группе', virtual: 'Виртуальная', situational: 'Ситуационная', reverse: 'Реверсивная' },
      },
      { id: 'mentees', kind: 'choice', text: 'Скольких наставляемых вы готовы вести одновременно (не больше трёх, п. 3.7)', options: menteeCounts },
      { id: 'training-needed', kind: 'yes-no', text: 'Нужно ли вам обучение для работы с наставляемыми' },
    ],
  },
  'program-quality': {
    id: 'program-quality',
    title: 'Анкета участника о качестве программы наставничества',
    respondents: 'наставники и наставляемые завершённых программ',
    clause: 'Дорожная карта, этап 6',
    questions: [
      { id: 'relevance', kind: 'rating', text: 'Программа соответствовала профессиональным запросам (1–5)' },
      { id: 'usefulness', kind: 'rating', text: 'Мероприятия программы были полезны на практике (1–5)' },
      { id: 'cooperation', kind: 'rating', text: 'Взаимодействие в паре (группе) было эффективным (1–5)' },
      { id: 'timing', kind: 'rating', text: 'Сроки и объём программы были реалистичны (1–5)' },
      { id: 'overall', kind: 'rating', text: 'Общая оценка качества программы (1–5)' },
      { id: 'recommend', kind: 'yes-no', text: 'Порекомендовали бы вы участие в наставничестве коллегам' },
      { id: 'suggestions', kind: 'text', text: 'Предложения по совершенствованию программ наставничества (п. 5.1)', optional: true },
    ],
  },
};

export const isQuestionnaireId = (s: string): s is QuestionnaireId => (QUESTIONNAIRE_IDS as readonly string[]).includes(s);
