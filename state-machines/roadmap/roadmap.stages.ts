/**
 * The seven stages of the «Примерная дорожная карта (план мероприятий)» at the end of the
 * regulation, with their activities in the table's own words. Activities the table makes
 * conditional («при наличии», «при необходимости») are listed but do not hold a stage back.
 */
export const STAGE_NUMBERS = [1, 2, 3, 4, 5, 6, 7] as const;
export type StageNo = (typeof STAGE_NUMBERS)[number];

export interface RoadmapActivity {
  id: string;
  stage: StageNo;
  title: string;
  /** A stage is complete when all its required activities are done. */
  required: boolean;
  /** The table's condition for an optional activity. */
  condition?: string;
}

export interface RoadmapStage {
  no: StageNo;
  title: string;
  activities: RoadmapActivity[];
}

/** Stage 7 (information support) runs «на всех этапах»: its activity is open from approval on. */
export const CONTINUOUS_STAGE: StageNo = 7;

export const roadmapClause = (stage: StageNo): string => `Дорожная карта, этап ${stage}`;

const stage = (no: StageNo, title: string, activities: [string, string, string?][]): RoadmapStage => ({
  no,
  title,
  activities: activities.map(([id, text, condition]) => ({ id, stage: no, title: text, required: !condition, ...(condition ? { condition } : {}) })),
});

export const ROADMAP_STAGES: readonly RoadmapStage[] = [
  stage(1, 'Подготовка условий для реализации системы наставничества', [
    ['1.1', 'Приказ «Об утверждении положения о системе наставничества педагогических работников в ДОУ»'],
    ['1.2', 'Приказ(ы) о закреплении наставнических пар/групп с письменного согласия их участников на возложение на них дополнительных обязанностей', 'при наличии в ДОУ наставляемых'],
    ['1.3', 'Подготовка персонализированных программ наставничества', 'при наличии в ДОУ наставляемых'],
  ]),
  stage(2, 'Формирование банка наставляемых', [
    ['2.1', 'Сбор информации о профессиональных запросах педагогов'],
    ['2.2', 'Формирование банка данных наставляемых, обеспечение согласий на сбор и обработку персональных данных'],
  ]),
  stage(3, 'Формирование банка наставников', [
    ['3.1', 'Проведение анкетирования среди потенциальных наставников, желающих принять участие в персонализированных программах наставничества'],
    ['3.2', 'Формирование банка данных наставников, обеспечение согласий на сбор и обработку персональных данных'],
  ]),
  stage(4, 'Отбор и обучение', [
    ['4.1', 'Анализ банка наставников и выбор подходящих для конкретной персонализированной программы наставничества педагога/группы педагогов'],
    ['4.2', 'Обучение наставников для работы с наставляемыми'],
    ['4.3', 'Подготовка методических материалов для сопровождения наставнической деятельности'],
    ['4.4', 'Проведение консультаций, организация обмена опытом среди наставников – «установочные сессии» наставников'],
  ]),
  stage(5, 'Организация и осуществление работы наставнических пар/групп', [
    ['5.1', 'Формирование наставнических пар/групп'],
    ['5.2', 'Разработка персонализированных программ наставничества для каждой пары/группы'],
    ['5.3', 'Организация психолого-педагогической поддержки сопровождения наставляемых, не сформировавших пару или группу, продолжение поиска наставника/наставников', 'при необходимости'],
  ]),
  stage(6, 'Завершение персонализированных программ наставничества', [
    ['6.1', 'Проведение мониторинга качества реализации персонализированных программ наставничества (анкетирование)'],
    ['6.2', 'Проведение школьной конференции или семинара'],
    ['6.3', 'Проведение итогового мероприятия (круглого стола) по выявлению лучших практик наставничества'],
    ['6.4', 'Пополнение методической копилки педагогических практик наставничества'],
  ]),
  stage(7, 'Информационная поддержка системы наставничества', [
    ['7.1', 'Освещение мероприятий Дорожной карты на сайте ДОУ и в социальных сетях, по возможности на муниципальном и региональном уровнях'],
  ]),
];

export const ROADMAP_ACTIVITIES: readonly RoadmapActivity[] = ROADMAP_STAGES.flatMap((s) => s.activities);
export const ACTIVITY_IDS = ROADMAP_ACTIVITIES.map((a) => a.id) as [string, ...string[]];
export const activityOf = (id: string): RoadmapActivity | undefined => ROADMAP_ACTIVITIES.find((a) => a.id === id);
export const stageOf = (no: StageNo): RoadmapStage => ROADMAP_STAGES[no - 1];

/** The activity of stage 4 that mentor-training records stand behind. */
export const MENTOR_TRAINING_ACTIVITY = '4.2';

/** Required activities of a stage not yet done. */
export const missingOf = (no: StageNo, done: Readonly<Record<string, unknown>>): RoadmapActivity[] =>
  stageOf(no).activities.filter((a) => a.required && !done[a.id]);

export const stageComplete = (no: StageNo, done: Readonly<Record<string, unknown>>): boolean => missingOf(no, done).length === 0;

/**
 * Where the organisation stands: the first of stages 1–6 with a required activity missing, then
 * stage 7 while it is, then `implemented`. The machine's states and every read model agree on it.
 */
export function reachedStage(done: Readonly<Record<string, unknown>>): StageNo | 'implemented' {
  for (const no of STAGE_NUMBERS) if (!stageComplete(no, done)) return no;
  return 'implemented';
}
