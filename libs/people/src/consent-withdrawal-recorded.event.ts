/** In-process notice that a person's withdrawal of consent is in the log, so what works for them stops now (their accounts). */
export class ConsentWithdrawalRecorded {
  constructor(readonly personId: string, readonly orgId: string) {}
}
