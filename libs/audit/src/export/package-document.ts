import type { RecordedEvent } from '#libs/event-store';
import { isMentorshipEventType, parseMentorshipEvent } from '#core/mentorship';
import { documentOf } from '../mentorship-history.handler';

/** The document an event rests on: the history's words for mentorship steps, and the personal-data documents. */
export function documentOfStored(e: RecordedEvent): Record<string, string> | undefined {
  const d = (e.data ?? {}) as Record<string, unknown>;
  if (isMentorshipEventType(e.type)) {
    try {
      return documentOf(parseMentorshipEvent(e));
    } catch {
      return undefined;
    }
  }
  if (e.type === 'PersonalDataConsentRecorded') return { kind: 'согласие на обработку персональных данных', ref: String(d.documentRef), date: String(d.date) };
  if (e.type === 'PersonalDataConsentWithdrawn') return { kind: 'отзыв согласия на обработку персональных данных', ref: String(d.documentRef), date: String(d.date) };
  if (e.type === 'PersonalDataDestroyed') {
    const order = (d.order ?? {}) as Record<string, unknown>;
    return { kind: 'приказ об уничтожении персональных данных', number: String(order.number), date: String(order.date) };
  }
  return undefined;
}
