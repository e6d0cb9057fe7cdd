/** In-process notice that a person's key is gone, so caches holding their decrypted name drop it (the log itself needs nothing). */
export class PersonalDataErased {
  constructor(readonly personId: string) {}
}
