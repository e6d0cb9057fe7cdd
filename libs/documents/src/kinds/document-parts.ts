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

/** The head of every order: organisation, «ПРИКАЗ», date and number (blanks in a draft), title. */
export const orderHeading = (orgName: string, title: string, order: IssuedOrder | undefined): Block[] => [
  { type: 'center', text: orgName },
  { type: 'center', text: 'ПРИКАЗ', bold: true },
  { type: 'date-number', date: order ? ruLongDate(order.date) : BLANK_DATE, number: order ? order.number : BLANK },
  { type: 'title', text: title },
];
