import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canRead, fold, parseMentorshipEvent, seesAgreementTerms, seesMenteeReport, stateOf, type MentorshipEvent } from '#core/mentorship';
import { DomainError } from '#core/shared';
import type { Actor, Role } from '#core/people';
import type { RecordedEvent } from '#libs/event-store';
import { MentorshipRepository } from '#libs/mentorships';
import { PeopleRepository } from '#libs/people';
import { parseBody } from '#libs/kernel';
import { OrganisationReader } from '#libs/organisation';
import type { PrintedOrganisation } from '#core/organisation';
import { DocumentAttachments, type Attachment } from './document-attachments';
import type { DocumentFacts, PersonFacts } from './document.facts';
import { isDocumentKind, type DocumentKind, type DocumentModel } from './document.model';
import { buildDocument, documentSlots, slotOf, type DocumentSlot } from './document-slots';
import { renderDocx } from './docx.renderer';
import { renderHtml } from './html.renderer';

export const documentParams = z.strictObject({
  format: z.enum(['docx', 'html']).default('html').describe('Формат: docx или html (для печати)'),
  personId: z.string().min(1).max(100).optional().describe('Чьё согласие или отчёт (в группе)'),
});

/** `POST …/documents/:kind`: which person's consent or report, in a group. */
export const attachBody = z.strictObject({
  personId: z.string().min(1).max(100).optional().describe('Чьё согласие или отчёт (в группе)'),
});

export interface GeneratedDocument {
  model: DocumentModel;
  contentHash: string;
  body: Buffer;
  contentType: string;
  fileName: string;
  /** The record attaching this very content to its step, when there is one (a draft has none). */
  attachment?: Attachment;
}

const notFound = () => new DomainError({ kind: 'not-found', code: 'not-found', message: 'Наставничество не найдено.' });
const knownKind = (kind: string): DocumentKind => {
  if (isDocumentKind(kind)) return kind;
  throw new DomainError({ kind: 'not-found', code: 'unknown-document', message: 'Такого документа нет: выберите документ из списка документов наставничества.' });
};
/** Who keeps the organisation's records of the programme (§3.3, §3.4): they attach a document to its step by hand. */
const RECORD_KEEPERS: readonly Role[] = ['curator', 'head'];

/** A mentorship as the documents are filled from it: the facts now, its slots, and its stored events. */
interface MentorshipDocuments {
  base: Omit<DocumentFacts, 'personId' | 'organisation'>;
  /** The organisation as a document dated that day prints it (a draft: today). */
  organisationOn(date: string | null): Promise<PrintedOrganisation>;
  slots: DocumentSlot[];
  recorded: RecordedEvent[];
  events: MentorshipEvent[];
}

/**
 * The documents of a mentorship: drafts and final documents filled from its data, in DOCX and printable
 * HTML. A final document is filled from the mentorship as it was at its step (the step's revision), so
 * it reads the same whenever it is generated; it is attached to that step when the step is taken (or by
 * an explicit POST), never by a download: reading a document writes nothing.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly mentorships: MentorshipRepository,
    private readonly people: PeopleRepository,
    private readonly attachments: DocumentAttachments,
    private readonly organisation: OrganisationReader,
  ) {}

  private async facts(actor: Actor, mentorshipId: string): Promise<MentorshipDocuments> {
    const m = await this.mentorships.load(mentorshipId);
    if (m.revision < 0 || !canRead(actor, m.snapshot.context)) throw notFound();
    const ctx = m.snapshot.context;
    const recorded = (await this.mentorships.readEvents(mentorshipId)).filter((e) => e.revision <= m.revision);
    const events = recorded.map((e) => parseMentorshipEvent(e));
    const ids = [ctx.mentorId, ...ctx.mentees.map((x) => x.personId), ...(ctx.replacement ? [ctx.replacement.newMentorId] : [])];
    const people = new Map<string, PersonFacts>();
    for (const id of ids) {
      const p = (await this.people.person(id, ctx.orgId)).state;
      if (p) people.set(id, { fullName: p.fullName, position: p.position });
    }
    const state = stateOf(m.snapshot);
    // A mentee of a group does not see the other mentees' reports (§3.6), nor the documents made of them;
    // a mentee does not see the mentor's supplementary agreement, with the mentor's pay (ТК РФ ст. 351.8).
    const slots = documentSlots(ctx, state, recorded.map((e, i) => ({ revision: e.revision, event: events[i] })))
      .filter((s) => s.kind !== 'mentee-report' || !s.personId || seesMenteeReport(actor, ctx, s.personId))
      .filter((s) => s.kind !== 'supplementary-agreement' || seesAgreementTerms(actor, ctx));
    const organisationOn = (date: string | null) => (date ? this.organisation.printed(ctx.orgId, date) : this.organisation.printed(ctx.orgId));
    return { base: { ctx, state, people, events }, organisationOn, slots, recorded, events };
  }

  /**
   * A slot's document: a draft from the mentorship and the organisation's details now, a final one from the
   * mentorship as it was at its step and the details in force on the step's date.
   */
  private async document(d: MentorshipDocuments, slot: DocumentSlot): Promise<{ model: DocumentModel; contentHash: string }> {
    const at = slot.step.revision;
    const organisation = await d.organisationOn(at === null ? null : slot.step.date);
    const facts: DocumentFacts = at === null
      ? { ...d.base, organisation, personId: slot.personId ?? undefined }
      : (() => {
        const upTo = d.events.slice(0, at + 1);
        const snapshot = fold(upTo);
        return { ...d.base, organisation, ctx: snapshot.context, state: stateOf(snapshot), events: upTo, personId: slot.personId ?? undefined };
      })();
    const model = buildDocument(slot.kind, facts);
    return { model, contentHash: createHash('sha256').update(JSON.stringify(model)).digest('hex') };
  }

  private attachmentData(d: MentorshipDocuments, slot: DocumentSlot, doc: { model: DocumentModel; contentHash: string }) {
    return {
      orgId: d.base.ctx.orgId, mentorshipId: d.base.ctx.mentorshipId, kind: slot.kind, personId: slot.personId, title: doc.model.title,
      fileName: doc.model.fileName, contentHash: doc.contentHash, step: { event: slot.step.event, revision: slot.step.revision!, date: slot.step.date! },
    };
  }

  /** `GET /api/mentorships/:id/documents`: each document with the step it belongs to and the references attached to it. */
  async list(actor: Actor, mentorshipId: string) {
    const { slots } = await this.facts(actor, mentorshipId);
    const { items } = await this.attachments.list(mentorshipId);
    return {
      mentorshipId,
      items: slots.map((s) => {
        const href = `/api/mentorships/${mentorshipId}/documents/${s.kind}${s.personId && s.kind.startsWith('mentee') ? `?personId=${s.personId}&` : '?'}`;
        return {
          ...s,
          status: s.step.revision === null ? 'draft' : 'final',
          links: s.available ? { html: `${href}format=html`, docx: `${href}format=docx` } : null,
          attachments: items.filter((a) => a.kind === s.kind && a.personId === s.personId),
        };
      }),
    };
  }

  /** `GET …/documents/:kind`: the document and its hash, with the record attaching it when there is one. Writes nothing. */
  async generate(actor: Actor, mentorshipId: string, kind: string, rawQuery: unknown): Promise<GeneratedDocument> {
    const known = knownKind(kind);
    const q = parseBody(documentParams, rawQuery);
    const d = await this.facts(actor, mentorshipId);
    const slot = this.slotFor(d, actor, known, q.personId);
    const doc = await this.document(d, slot);
    const attachment = slot.step.revision === null
      ? undefined
      : (await this.attachments.list(mentorshipId)).items.find((a) =>
        a.kind === slot.kind && a.personId === slot.personId && a.step.revision === slot.step.revision && a.contentHash === doc.contentHash);
    const docx = q.format === 'docx';
    return {
      ...doc, attachment,
      body: docx ? await renderDocx(doc.model) : Buffer.from(renderHtml(doc.model), 'utf8'),
      contentType: docx ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'text/html; charset=utf-8',
      fileName: `${doc.model.fileName}.${q.format}`,
    };
  }

  /**
   * Right after a step: attaches the final documents whose step this command wrote (a consent, an order,
   * a report), each filled as of its step and recorded under the step's role. Idempotent: a retried step
   * finds the records already there.
   */
  async attachStep(actor: Actor, mentorshipId: string, commandId: string): Promise<Attachment[]> {
    const d = await this.facts(actor, mentorshipId);
    const written = new Map(d.recorded.filter((e) => e.metadata.commandId === commandId).map((e) => [e.revision, e.metadata.role]));
    const out: Attachment[] = [];
    for (const slot of d.slots) {
      const role = slot.step.revision === null ? undefined : written.get(slot.step.revision);
      if (!role || !slot.available) continue;
      const doc = await this.document(d, slot);
      if (doc.model.status === 'final') out.push((await this.attachments.attach(this.attachmentData(d, slot, doc), actor, role)).attachment);
    }
    return out;
  }

  /**
   * `POST …/documents/:kind`: attaches a final document to its step by hand — one of a step recorded
   * before documents were attached by their steps, or whose attachment a failure left unwritten. It is
   * filled as of its step and carries the step's revision and date, whenever it is attached.
   */
  async attach(actor: Actor, mentorshipId: string, kind: string, rawBody: unknown): Promise<{ attachment: Attachment; replayed: boolean }> {
    const known = knownKind(kind);
    const body = parseBody(attachBody, rawBody ?? {});
    const d = await this.facts(actor, mentorshipId);
    const slot = this.slotFor(d, actor, known, body.personId);
    const role = actor.roles.find((r) => RECORD_KEEPERS.includes(r));
    if (!role) {
      throw new DomainError({
        kind: 'forbidden', code: 'role-not-allowed', clause: '§3.3, §3.4',
        message: 'Прикрепить документ к шагу вручную может куратор или заведующий; документы шагов прикрепляются сами, когда шаг записан.',
      });
    }
    const doc = await this.document(d, slot);
    if (slot.step.revision === null || doc.model.status !== 'final') {
      throw new DomainError({
        kind: 'state', code: 'document-not-final', clause: slot.clause,
        message: 'Документ ещё не окончательный: шаг, к которому он относится, не записан. Прикрепляется только окончательный документ.',
      });
    }
    return this.attachments.attach(this.attachmentData(d, slot, doc), actor, role);
  }

  /** The slot asked for; a mentee asking for another mentee's report is refused with the reason. */
  private slotFor(d: MentorshipDocuments, actor: Actor, kind: DocumentKind, asked: string | undefined): DocumentSlot {
    const ctx = d.base.ctx;
    const personId = asked ?? (actor.personId && ctx.mentees.some((m) => m.personId === actor.personId) ? actor.personId : undefined);
    if (kind === 'mentee-report' && personId && !seesMenteeReport(actor, ctx, personId) && ctx.mentees.some((m) => m.personId === personId)) {
      throw new DomainError({
        kind: 'forbidden', code: 'report-of-another-mentee', clause: '§3.6',
        message: 'Отчёт наставляемого и его оценку работы наставника видят он сам, наставник и сотрудники, ведущие наставничество; отчёты других наставляемых группы не показываются.',
      });
    }
    if (kind === 'supplementary-agreement' && !seesAgreementTerms(actor, ctx)) {
      throw new DomainError({
        kind: 'forbidden', code: 'agreement-of-the-mentor', clause: 'ТК РФ ст. 351.8',
        message: 'Дополнительное соглашение к трудовому договору наставника (с условиями оплаты) видят наставник и сотрудники, ведущие наставничество.',
      });
    }
    return slotOf(d.slots, kind, personId);
  }
}
