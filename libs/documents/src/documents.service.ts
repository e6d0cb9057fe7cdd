import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canRead, parseMentorshipEvent, stateOf } from '#core/mentorship';
import { DomainError } from '#core/shared';
import type { Actor } from '#core/people';
import { MentorshipRepository } from '#libs/mentorships';
import { PeopleRepository } from '#libs/people';
import { parseBody } from '#libs/kernel';
import { DocumentAttachments, type Attachment } from './document-attachments';
import type { DocumentFacts, PersonFacts } from './document.facts';
import { isDocumentKind, type DocumentKind, type DocumentModel } from './document.model';
import { buildDocument, documentSlots, type DocumentSlot } from './document-slots';
import { renderDocx } from './docx.renderer';
import { DOCUMENTS_OPTIONS, type DocumentsOptions } from './documents.config';
import { renderHtml } from './html.renderer';

export const documentParams = z.strictObject({
  format: z.enum(['docx', 'html']).default('html').describe('Формат: docx или html (для печати)'),
  personId: z.string().min(1).max(100).optional().describe('Чьё согласие или отчёт (в группе)'),
});

export interface GeneratedDocument {
  model: DocumentModel;
  contentHash: string;
  body: Buffer;
  contentType: string;
  fileName: string;
  /** The reference recorded for a final document (absent for a draft, or for a caller who only reads). */
  attachment?: Attachment;
}

const notFound = () => new DomainError({ kind: 'not-found', code: 'not-found', message: 'Наставничество не найдено.' });
/** Roles that only read (§: the auditor writes nothing): their downloads are not recorded. */
const onlyReads = (actor: Actor) => actor.roles.every((r) => r === 'auditor');

/** The documents of a mentorship: drafts and final documents filled from its data, in DOCX and printable HTML. */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly mentorships: MentorshipRepository,
    private readonly people: PeopleRepository,
    private readonly attachments: DocumentAttachments,
    @Inject(DOCUMENTS_OPTIONS) private readonly options: DocumentsOptions,
  ) {}

  private async facts(actor: Actor, mentorshipId: string) {
    const m = await this.mentorships.load(mentorshipId);
    if (m.revision < 0 || !canRead(actor, m.snapshot.context)) throw notFound();
    const ctx = m.snapshot.context;
    const recorded = await this.mentorships.readEvents(mentorshipId);
    const events = recorded.filter((e) => e.revision <= m.revision).map((e) => ({ revision: e.revision, event: parseMentorshipEvent(e) }));
    const ids = [ctx.mentorId, ...ctx.mentees.map((x) => x.personId), ...(ctx.replacement ? [ctx.replacement.newMentorId] : [])];
    const people = new Map<string, PersonFacts>();
    for (const id of ids) {
      const p = (await this.people.person(id, ctx.orgId)).state;
      if (p) people.set(id, { fullName: p.fullName, position: p.position });
    }
    const state = stateOf(m.snapshot);
    const base: Omit<DocumentFacts, 'personId'> = { orgName: this.options.orgName, ctx, state, people, events: events.map((e) => e.event) };
    return { base, slots: documentSlots(ctx, state, events) };
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

  async generate(actor: Actor, mentorshipId: string, kind: string, rawQuery: unknown): Promise<GeneratedDocument> {
    if (!isDocumentKind(kind)) {
      throw new DomainError({ kind: 'not-found', code: 'unknown-document', message: `Документа «${kind}» нет. Список документов: GET /api/mentorships/${mentorshipId}/documents.` });
    }
    const q = parseBody(documentParams, rawQuery);
    const { base, slots } = await this.facts(actor, mentorshipId);
    const slot = this.slotFor(slots, kind, q.personId ?? (actor.personId && base.ctx.mentees.some((m) => m.personId === actor.personId) ? actor.personId : undefined));
    const model = buildDocument(kind, { ...base, personId: slot.personId ?? undefined });
    const contentHash = createHash('sha256').update(JSON.stringify(model)).digest('hex');
    let attachment: Attachment | undefined;
    if (model.status === 'final' && slot.step.revision !== null && !onlyReads(actor)) {
      attachment = await this.attachments.attach({
        orgId: base.ctx.orgId, mentorshipId, kind, personId: slot.personId, title: model.title, fileName: model.fileName, contentHash,
        step: { event: slot.step.event, revision: slot.step.revision, date: slot.step.date! },
      }, actor);
    }
    const docx = q.format === 'docx';
    return {
      model, contentHash, attachment,
      body: docx ? await renderDocx(model) : Buffer.from(renderHtml(model), 'utf8'),
      contentType: docx ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'text/html; charset=utf-8',
      fileName: `${model.fileName}.${q.format}`,
    };
  }

  private slotFor(slots: DocumentSlot[], kind: DocumentKind, personId: string | undefined): DocumentSlot {
    const candidates = slots.filter((s) => s.kind === kind);
    const perPerson = kind === 'mentee-consent' || kind === 'mentee-report';
    if (perPerson && !personId && candidates.length > 1) {
      throw new DomainError({ kind: 'invalid', code: 'person-required', message: 'В группе укажите personId наставляемого, чьё согласие или отчёт нужен.' });
    }
    const slot = perPerson && personId ? candidates.find((s) => s.personId === personId) : candidates[0];
    if (!slot) {
      throw new DomainError({
        kind: perPerson && personId ? 'not-found' : 'state', code: 'document-not-available', clause: kind === 'replacement-order' ? '§3.8' : undefined,
        message: perPerson && personId ? 'Такого наставляемого в этом наставничестве нет.' : 'Замена наставника не запрашивалась: приказа о замене нет (п. 3.8).',
      });
    }
    if (!slot.available) throw new DomainError({ kind: 'state', code: 'document-not-available', clause: slot.clause, message: slot.note ?? 'Документ сейчас недоступен.' });
    return slot;
  }
}
