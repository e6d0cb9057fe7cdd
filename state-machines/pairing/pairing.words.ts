/** Russian number agreement for the explanations: 1 место, 2 места, 5 мест. */
export function plural(n: number, one: string, few: string, many: string): string {
  const d = n % 10;
  const h = n % 100;
  if (d === 1 && h !== 11) return one;
  if (d >= 2 && d <= 4 && (h < 12 || h > 14)) return few;
  return many;
}

/** «из 1 запроса», «из 3 запросов»: after «из» the genitive has only two forms. */
export const ofRequests = (n: number): string => `${n} ${n % 10 === 1 && n % 100 !== 11 ? 'запроса' : 'запросов'}`;
