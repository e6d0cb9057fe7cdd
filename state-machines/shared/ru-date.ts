import type { BusinessDate } from './business-date';

/** `2026-11-19` → `19.11.2026`: how a date reads inside a Russian sentence (ISO stays in data fields). */
export const ruDate = (d: BusinessDate): string => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
