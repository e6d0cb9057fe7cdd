import { shortName, withName } from '#libs/russian-names';
import type { PrintedOrganisation } from '#core/organisation';
import { BLANK, BLANK_DATE, ruDate, ruLongDate, safeFileName, type Block } from '../document.model';

/** An order once issued (its number and date), or `undefined` while it is a draft. */
export interface IssuedOrder {
  number: string;
  date: string;
}

/** «Приказ № N от дата <title>» once issued, «Проект приказа <title>» before. */
export const orderFileName = (title: string, order: IssuedOrder | undefined): string =>
  safeFileName(order ? `Приказ № ${order.number} от ${ruDate(order.date)} ${title}` : `Проект приказа ${title}`);

/** «<title> от дата» once signed, «<title> (бланк)» before. */
export const formFileName = (title: string, date: string | undefined): string =>
  safeFileName(date ? `${title} от ${ruDate(date)}` : `${title} (бланк)`);

/** The organisation at the head of a document: its full name, and its address in small print when entered. */
export const organisationHeading = (org: PrintedOrganisation): Block[] => [
  { type: 'center', text: org.fullName, bold: true },
  ...(org.address ? [{ type: 'center' as const, text: org.address, small: true }] : []),
];

/** The head of every order: organisation, «ПРИКАЗ», date and number (blanks in a draft), title. */
export const orderHeading = (org: PrintedOrganisation, title: string, order: IssuedOrder | undefined): Block[] => [
  ...organisationHeading(org),
  { type: 'center', text: 'ПРИКАЗ', bold: true },
  { type: 'date-number', date: order ? ruLongDate(order.date) : BLANK_DATE, number: order ? order.number : BLANK },
  { type: 'title', text: title },
];

/** The head's signature under an order: «Заведующий ____ / Савельева Л. М. /». */
export const headSignature = (org: PrintedOrganisation): Block => ({ type: 'signature', role: org.headPosition, name: org.headName ? shortName(org.headName) : BLANK });

/** A sentence's full stop, not a second one after initials («Кузнецову О. Н.»). */
export const endSentence = (s: string): string => (s.endsWith('.') ? s : `${s}.`);

/** «Контроль за исполнением приказа возложить на куратора … Фёдорову Г. П.». */
export const controlClause = (org: PrintedOrganisation): string => {
  const duty = 'Контроль за исполнением приказа возложить на куратора реализации программ наставничества';
  return org.curatorName
    ? withName(org.curatorName, 'accusative', (n) => endSentence(`${duty} ${n}`), (n) => `${duty} (куратор: ${n}).`, { short: true })
    : `${duty}.`;
};
