/**
 * Every stored event by its Russian name, and the Russian label of every field of its data: what the history
 * and the audit package show instead of `MentorshipProposed` and raw JSON. One map for the whole log (the
 * mentorship's, the staff's, the roadmap's, the surveys', the program bank's, the accounts', and the shell's
 * documents and reminders); `event-titles.spec.ts` holds it to every event schema of the core.
 */
export const EVENT_TITLES: Readonly<Record<string, string>> = {
  MentorshipProposed: 'Предложена наставническая пара (группа)',
  MentorshipContinued: 'Наставничество продолжено с новым наставником',
  ConsentRecorded: 'Записано письменное согласие или отказ',
  OrderIssued: 'Издан приказ о закреплении',
  ProgramDrafted: 'Составлена программа',
  ProgramAcknowledged: 'Наставляемый ознакомился с программой',
  ActivityCompleted: 'Мероприятие выполнено',
  ProgramAmended: 'Программа скорректирована',
  ProgramExtended: 'Срок продлён',
  MentorshipCompleted: 'Наставничество завершено',
  MentorReportSubmitted: 'Сдан отчёт наставника',
  MenteeReportSubmitted: 'Сдан отчёт наставляемого',
  ReplacementRequested: 'Запрошена замена наставника',
  MentorReplaced: 'Наставник заменён',
  ResultsPublished: 'Результаты опубликованы',
  MentorshipWithdrawn: 'Предложение отозвано',
  MentorshipEndedEarly: 'Наставничество прекращено досрочно по заявлению',

  PersonRegistered: 'Сотрудник зарегистрирован',
  PersonalDataConsentRecorded: 'Записано согласие на обработку персональных данных',
  PersonalDataConsentWithdrawn: 'Записан отзыв согласия на обработку персональных данных',
  PersonalDataDestroyed: 'Персональные данные уничтожены',
  MentorBankEntered: 'Сотрудник включён в базу наставников',
  MenteeBankEntered: 'Сотрудник включён в банк наставляемых',
  MenteeSlotsReserved: 'Учтена нагрузка наставника',

  UserCreated: 'Создана учётная запись',
  AccountDisabled: 'Учётная запись отключена',
  AccountEnabled: 'Учётная запись включена',
  TokenRotated: 'Выдан новый токен доступа',

  RoadmapDrafted: 'Разработана дорожная карта',
  RoadmapApproved: 'Дорожная карта утверждена',
  RoadmapActivityDone: 'Выполнено мероприятие дорожной карты',
  MentorTrainingCompleted: 'Наставник прошёл обучение',

  SurveyOpened: 'Начат опрос',
  SurveyAnswered: 'Заполнена анкета',
  SurveyClosed: 'Опрос завершён',

  ProgramTemplateSaved: 'Программа внесена в банк программ',
  ProgramTemplateRetired: 'Программа исключена из банка программ',
  BestCaseMarked: 'Отмечен лучший кейс',
  BestCaseWithdrawn: 'Лучший кейс снят',

  RegionRegistered: 'Зарегистрирован регион',
  MunicipalityRegistered: 'Зарегистрирован муниципалитет',
  OrganisationRegistered: 'Организация внесена в реестр региона',
  OrganisationRenamed: 'Организация переименована',
  OrganisationDisabled: 'Организация отключена',
  OrganisationEnabled: 'Организация включена',

  DocumentAttached: 'Сформирован документ',
  ReminderRecorded: 'Напоминание о сроке',
  ReminderEmailRetryClaimed: 'Повторная отправка напоминания',
  ReminderEmailSent: 'Напоминание отправлено по эл. почте',
  ReminderEmailFailed: 'Напоминание не отправлено',
};

/** An event's Russian name; an unknown type is still not shown by its key. */
export const eventTitle = (type: string): string => EVENT_TITLES[type] ?? 'Запись журнала';

/** The label of each field of event data, whatever the event. */
export const EVENT_FIELD_TITLES: Readonly<Record<string, string>> = {
  personId: 'Сотрудник',
  mentorId: 'Наставник',
  mentees: 'Наставляемые',
  menteeIds: 'Наставляемые',
  newMentorId: 'Новый наставник',
  respondentId: 'Кто отвечал',
  form: 'Форма наставничества',
  topic: 'Тема',
  plannedStart: 'Плановое начало',
  plannedEnd: 'Плановое окончание',
  date: 'Дата',
  given: 'Решение',
  documentRef: 'Документ',
  number: 'Номер приказа',
  orderNumber: 'Номер приказа',
  order: 'Приказ',
  activities: 'Мероприятия',
  activityId: 'Мероприятие',
  agreedBy: 'Согласовали',
  reason: 'Основание',
  note: 'Пояснение',
  text: 'Текст отчёта',
  recommendations: 'Рекомендации',
  mentorEvaluation: 'Оценка работы наставника',
  newMentorConsentRef: 'Письменное согласие нового наставника',
  summary: 'Текст',
  fullName: 'ФИО',
  personal: 'Персональные данные',
  position: 'Должность',
  firstWorkingDay: 'Дата допуска к работе',
  competences: 'Компетенции',
  requests: 'Профессиональные запросы',
  fields: 'Уничтоженные сведения',
  name: 'Имя',
  email: 'Адрес эл. почты',
  roles: 'Роли',
  title: 'Название',
  questionnaire: 'Анкета',
  role: 'В роли',
  answers: 'Ответы',
  durationDays: 'Продолжительность, дней',
  subject: 'Что отмечено',
  completedOn: 'Дата завершения',
  activityKinds: 'Виды мероприятий',
  fileName: 'Файл',
  step: 'Шаг',
  type: 'Вид',
  deadline: 'Срок',
  recipients: 'Получатели',
  attempt: 'Попытка',
  otherUnfinished: 'Уже в другом незавершённом наставничестве',
  menteeConsents: 'Согласия наставляемых на нового наставника',
  agreement: 'Дополнительное соглашение',
  noticeBy: 'Заявление подал',
  noticeDate: 'Дата заявления',
  noticeRef: 'Заявление',
  timeZone: 'Часовой пояс',
};

/**
 * Fields that only link records to one another (ids, hashes, error codes): the JSON keeps them,
 * a person reading the history is not shown them.
 */
export const HIDDEN_EVENT_FIELDS: ReadonlySet<string> = new Set([
  'orgId', 'mentorshipId', 'predecessorId', 'successorId', 'templateId', 'sourceMentorshipId', 'subjectId', 'surveyId',
  'documentId', 'contentHash', 'kind', 'reminderId', 'userId', 'tokenHash', 'issuedAt', 'at', 'code', 'retryable',
  // The register's codes and an account's access above organisations: the names are what a person reads.
  'region', 'regionId', 'municipalityId', 'administratorId',
]);
