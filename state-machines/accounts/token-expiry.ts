/** Days a token stays valid after it is issued or rotated; `null`: tokens never expire. */
export type TokenTtlDays = number | null;

const DAY_MS = 86_400_000;

/** The instant a token issued at `issuedAt` stops working (ISO), or `null` when tokens do not expire. */
export function tokenExpiresAt(issuedAt: string, ttlDays: TokenTtlDays): string | null {
  if (ttlDays === null) return null;
  const issued = Date.parse(issuedAt);
  // An issue time that cannot be read counts as long ago: a token never outlives what can be checked.
  return new Date((Number.isNaN(issued) ? 0 : issued) + ttlDays * DAY_MS).toISOString();
}

export function tokenExpired(issuedAt: string, ttlDays: TokenTtlDays, now: string): boolean {
  const expires = tokenExpiresAt(issuedAt, ttlDays);
  return expires !== null && Date.parse(now) >= Date.parse(expires);
}
