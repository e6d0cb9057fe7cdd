import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { EVENT_STORE, type EventStore } from '#libs/event-store';
import { streamId } from '#core/shared';
import type { Actor } from '#core/people';
import { readCommandStream, StreamCommands, uuidFromName } from '#libs/kernel';
import { DOCUMENT_KINDS } from './document.model';

/**
 * Stream `documents-<mentorshipId>`: each generated document, by reference, attached to the step
 * it belongs to (the step event's type and revision in the mentorship stream). The mentorship's
 * own stream is not touched, so the machine needs no transition for it; the bytes are not kept
 * (they are rebuilt from the same data on request), only the hash of their content.
 */
export const documentAttached = z.object({
  documentId: z.string(),
  orgId: z.string(),
  mentorshipId: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  personId: z.string().nullable(),
  step: z.object({ event: z.string(), revision: z.number().int().min(0), date: z.string() }),
  /** SHA-256 of the document's content (the filled model), the same for its DOCX and HTML. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  fileName: z.string().max(200),
  title: z.string().max(300),
});
export type DocumentAttached = z.infer<typeof documentAttached>;
export type Attachment = DocumentAttached & { recordedAt: string; actorId: string };

@Injectable()
export class DocumentAttachments {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, private readonly commands: StreamCommands) {}

  private load(mentorshipId: string) {
    return readCommandStream(this.store, streamId('documents', mentorshipId), (events) =>
      events.filter((e) => e.type === 'DocumentAttached').map((e): Attachment => ({
        ...documentAttached.parse(e.data), recordedAt: e.metadata.recordedAt, actorId: e.metadata.actorId,
      })));
  }

  async list(mentorshipId: string): Promise<{ revision: number; items: Attachment[] }> {
    const { revision, state } = await this.load(mentorshipId);
    return { revision, items: state };
  }

  /**
   * Records the reference once per content, under `role`: the command's id is the document's, so the same
   * document attached again finds its record (`replayed`).
   */
  async attach(data: Omit<DocumentAttached, 'documentId'>, actor: Actor, role: string): Promise<{ attachment: Attachment; replayed: boolean }> {
    const documentId = uuidFromName(`document:${data.mentorshipId}:${data.kind}:${data.personId ?? ''}:${data.contentHash}`);
    const ctx = { actor, commandId: documentId, correlationId: documentId, requestHash: '', idempotent: true };
    // Other documents of the mentorship may be attached meanwhile: they do not touch this one, so a race decides again.
    const { replayed } = await this.commands.handle({
      stream: streamId('documents', data.mentorshipId), ctx, onConflict: 'decide-again',
      load: () => this.load(data.mentorshipId),
      decide: () => ({ events: [{ type: 'DocumentAttached', data: { documentId, ...data } satisfies DocumentAttached }], role }),
    });
    return { attachment: (await this.list(data.mentorshipId)).items.find((a) => a.documentId === documentId)!, replayed };
  }
}
