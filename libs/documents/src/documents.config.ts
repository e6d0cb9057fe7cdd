export const DOCUMENTS_OPTIONS = Symbol('DOCUMENTS_OPTIONS');

export interface DocumentsOptions {
  /** The organisation as its documents name it (`ORG_NAME`), e.g. «МКДОУ ДС № 6 «Рябинушка» с. Гофицкое». */
  orgName: string;
}

export const documentsOptionsFromEnv = (env: NodeJS.ProcessEnv = process.env): DocumentsOptions => ({
  orgName: env.ORG_NAME?.trim() || '________________________ (наименование образовательной организации)',
});
