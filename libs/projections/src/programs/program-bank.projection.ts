import { evolveBestCase, type BestCase, parseProgramBankEvent, evolveTemplate, type ProgramTemplate } from '#core/programs';
import { type Projection, streamKey } from '../projection';
import { BEST_CASES, PROGRAM_TEMPLATES, bestCaseFromRow, bestCaseRow, publicBestCasesView, templateFromRow, templateRow } from './program-bank.tables';

/** Templates of the program bank (§3.4), from `programtemplate-` streams, folded by the core's own evolve. */
export const programTemplatesProjection: Projection<ProgramTemplate> = {
  name: 'program-templates',
  streamPrefixes: ['programtemplate-'],
  main: PROGRAM_TEMPLATES,
  derived: [],
  keyOf: (e) => streamKey(e.streamId),
  project: (view, e) => evolveTemplate(view, parseProgramBankEvent(e)),
  rows: (t) => ({ main: templateRow(t), derived: {} }),
  viewFromRow: templateFromRow,
};

/** Best cases for the website (§8.1), from `bestcase-` streams. */
export const bestCasesProjection: Projection<BestCase> = {
  name: 'best-cases',
  streamPrefixes: ['bestcase-'],
  main: BEST_CASES,
  derived: [],
  sqlViews: (p) => [publicBestCasesView(p)],
  keyOf: (e) => streamKey(e.streamId),
  project: (view, e) => evolveBestCase(view, parseProgramBankEvent(e)),
  rows: (c) => ({ main: bestCaseRow(c), derived: {} }),
  viewFromRow: bestCaseFromRow,
};
