import { FORM_TITLES, type SupplementaryAgreement } from '#core/mentorship';
import { nameAndPosition, personOf, type DocumentFacts } from '../document.facts';
import { fullNameIn, genderOf, positionIn, shortName as initials } from '#libs/russian-names';
import { BLANK, BLANK_DATE, ruDate, ruLongDate, safeFileName, shortName, type DocumentModel } from '../document.model';

const TITLE = 'Дополнительное соглашение к трудовому договору о выполнении работы по наставничеству';

/** `3000` → `3 000`, `2500.5` → `2 500,50` (a no-break space between thousands). */
const money = (n: number): string =>
  new Intl.NumberFormat('ru-RU', { minimumFractionDigits: Number.isInteger(n) ? 0 : 2, maximumFractionDigits: 2 }).format(n).replace(/\s/g, '\u00a0');

/** The pay clause: a sum a month, a share of the salary, or explicitly none (ТК РФ ст. 351.8). */
function payClause(a: SupplementaryAgreement | undefined): string {
  if (!a) return `За выполнение работы по наставничеству Работнику устанавливается доплата в размере ${BLANK} (или: работа выполняется без доплаты).`;
  if (a.pay === 'none') return 'Работа по наставничеству выполняется Работником без доплаты.';
  const size = a.pay === 'amount' ? `${money(a.amount!)} руб. в месяц` : `${money(a.percent!)} % должностного оклада в месяц`;
  return `За выполнение работы по наставничеству Работнику устанавливается доплата в размере ${size} на срок выполнения этой работы.`;
}

/**
 * The supplementary agreement to the mentor's employment contract (ТК РФ ст. 351.8, since 01.03.2025):
 * the parties, the content, term and form of the mentoring, the pay, the right of either side to end it
 * early on three working days' written notice, and the signatures. One per mentor: a successor's new
 * mentor has theirs in the successor. A draft (blanks for the number, date and pay) while consents are
 * in; final once the order recorded its terms. The employer acts through its head, named in the genitive;
 * the mentor is «именуемый» or «именуемая» by the patronymic (both when it says nothing).
 */
export function supplementaryAgreement(f: DocumentFacts): DocumentModel {
  const { ctx } = f;
  const a = ctx.order?.agreement;
  const mentor = personOf(f, ctx.mentorId);
  const mentees = ctx.mentees.map((m) => personOf(f, m.personId));
  const group = mentees.length > 1;
  const consent = ctx.consents[ctx.mentorId];
  const org = f.organisation;
  const lower = (t: string) => t.charAt(0).toLocaleLowerCase('ru') + t.slice(1);
  const head = org.headName ? `${lower(positionIn(org.headPosition, 'genitive') ?? org.headPosition)} ${fullNameIn(org.headName, 'genitive') ?? org.headName}` : `заведующего ${BLANK}`;
  const gender = genderOf(mentor.fullName);
  const named = gender === 'male' ? 'именуемый' : gender === 'female' ? 'именуемая' : 'именуемый(-ая)';
  return {
    kind: 'supplementary-agreement',
    title: TITLE,
    status: a ? 'final' : 'draft',
    fileName: safeFileName(a ? `Дополнительное соглашение № ${a.number} от ${ruDate(a.date)} о наставничестве` : 'Проект дополнительного соглашения о наставничестве'),
    blocks: [
      { type: 'title', text: `ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ № ${a ? a.number : BLANK}` },
      { type: 'center', text: `к трудовому договору ${a?.contractRef ?? `от ${BLANK_DATE} № ${BLANK}`}` },
      { type: 'center', text: 'о выполнении работы по наставничеству' },
      { type: 'right', lines: [a ? ruLongDate(a.date) : BLANK_DATE] },
      {
        type: 'paragraph',
        text: `${org.fullName}, именуемое в дальнейшем «Работодатель», в лице ${head}, действующего на основании Устава, с одной стороны, `
          + `и ${nameAndPosition(mentor)}, ${named} в дальнейшем «Работник», с другой стороны, заключили настоящее дополнительное соглашение `
          + 'к трудовому договору о нижеследующем:',
      },
      {
        type: 'numbered',
        items: [
          'Работник с его письменного согласия выполняет по поручению Работодателя работу по наставничеству (ст. 351.8 ТК РФ; '
            + `Положение о системе наставничества педагогических работников) в отношении ${group ? 'наставляемых' : 'наставляемого'}: `
            + `${mentees.map(nameAndPosition).join('; ')}.`,
          `Содержание работы: наставничество по направлению «${ctx.topic}» по персонализированной программе наставничества, `
            + 'которую Работник составляет и реализует, и отчёт о её выполнении (п. 3.6 Положения).',
          `Срок выполнения работы: с ${ruDate(ctx.plannedStart)} по ${ruDate(ctx.plannedEnd)}.`,
          `Форма наставничества: ${FORM_TITLES[ctx.form]} (п. 2.3 Положения).`,
          payClause(a),
          'Работник вправе досрочно отказаться от выполнения работы по наставничеству, а Работодатель — досрочно отменить поручение '
            + 'о её выполнении, предупредив другую сторону в письменной форме не менее чем за три рабочих дня (ст. 351.8 ТК РФ).',
          'Остальные условия трудового договора не изменяются. Соглашение вступает в силу со дня подписания и составлено '
            + 'в двух экземплярах, по одному для каждой из сторон.',
        ],
      },
      ...(consent?.given && !consent.inherited
        ? [{ type: 'paragraph' as const, text: `Письменное согласие Работника: ${consent.documentRef} от ${ruDate(consent.date)}.` }]
        : []),
      { type: 'signature', role: `Работодатель: ${org.headPosition.toLocaleLowerCase('ru')}`, name: org.headName ? initials(org.headName) : BLANK },
      { type: 'signature', role: 'Работник', name: shortName(mentor.fullName) },
      { type: 'paragraph', text: `Экземпляр соглашения получил(а): ____________ ${BLANK_DATE}` },
    ],
  };
}
