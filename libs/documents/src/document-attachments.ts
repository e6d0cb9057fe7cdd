import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { ConcurrencyError, EVENT_STORE, type EventStore } from '#libs/event-store';
import { streamId } from '#core/shared';
import type { Actor } from '#core/people';
import { CLOCK, type Clock, envelope, uuidFromName } from '#libs/kernel';
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
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, @Inject(CLOCK) private readonly clock: Clock) {}

  async list(mentorshipId: string): Promise<{ revision: number; items: Attachment[] }> {
    const events = await this.store.readStream(streamId('documents', mentorshipId));
    return {
      revision: events.length ? events[events.length - 1].revision : -1,
      items: events.filter((e) => e.type === 'DocumentAttached').map((e) => ({
        ...documentAttached.parse(e.data), recordedAt: e.metadata.recordedAt, actorId: e.metadata.actorId,
      })),
    };
  }

  /** Records the reference once per content: the same document generated again finds its record. */
  async attach(data: Omit<DocumentAttached, 'documentId'>, actor: Actor): Promise<Attachment> {
    const documentId = uuidFromName(`document:${data.mentorshipId}:${data.kind}:${data.personId ?? ''}:${data.contentHash}`);
    const stream = streamId('documents', data.mentorshipId);
    for (let attempt = 0; ; attempt++) {
      const current = await this.list(data.mentorshipId);
      const known = current.items.find((a) => a.documentId === documentId);
      if (known) return known;
      const record: DocumentAttached = { documentId, ...data };
      const ctx = { actor, commandId: documentId, correlationId: documentId, requestHash: '', idempotent: true };
      const role = actor.roles[0] ?? 'system';
      try {
        await this.store.append(stream, envelope(stream, [{ type: 'DocumentAttached', data: record }], ctx, this.clock.now(), role), current.revision < 0 ? 'no_stream' : current.revision);
        return { ...record, recordedAt: this.clock.now().toISOString(), actorId: actor.userId };
      } catch (error) {
        // Someone attached another document meanwhile: read again and retry.
        if (!(error instanceof ConcurrencyError) || attempt >= 3) throw error;
      }
    }
  }
}
