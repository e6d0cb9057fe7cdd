import type { Config } from '#libs/kernel';

export const DOCUMENTS_OPTIONS = Symbol('DOCUMENTS_OPTIONS');

export interface DocumentsOptions {
  /** The organisation as its documents name it (`ORG_NAME`), e.g. «МКДОУ ДС № 6 «Рябинушка» с. Гофицкое». */
  orgName: string;
}

/** From the parsed config: `ORG_NAME`, or a blank line to fill in by hand. */
export const documentsOptionsOf = (config: Pick<Config, 'ORG_NAME'>): DocumentsOptions => ({
  orgName: config.ORG_NAME || '________________________ (наименование образовательной организации)',
});
