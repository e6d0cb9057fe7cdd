import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { NewEvent, RecordedEvent } from '#libs/event-store';
import { ERASED, PERSONAL_FIELDS } from '#core/people';
import type { PersonalKeyStore } from './key-store.port';

/** Stored form (schema v2) of the personal fields: AES-256-GCM under the subject's key, bound to the event type and subject. */
export interface SealedFields {
  subject: string;
  /** Which fields the ciphertext holds (an account may have no e-mail): only those read as erased later. */
  fields?: string[];
  iv: string;
  ct: string;
  tag: string;
}

type Data = Record<string, unknown> & { personal?: SealedFields };

export const PERSONAL_SCHEMA_VERSION = 2;

export const carriesPersonalData = (type: string): boolean => Object.prototype.hasOwnProperty.call(PERSONAL_FIELDS, type);

/** Replaces the personal fields with their ciphertext before the event is stored. */
export async function sealEvent(event: NewEvent, keys: PersonalKeyStore): Promise<NewEvent> {
  if (!carriesPersonalData(event.type)) return event;
  const spec = PERSONAL_FIELDS[event.type];
  const data = { ...(event.data as Data) };
  if (typeof data[spec.subject] !== 'string') return event;
  const subject = data[spec.subject] as string;
  const key = await keys.keyFor(subject, event.metadata.orgId);
  if (!key) throw new Error(`personal data of ${subject} was destroyed; nothing more may be stored for them`);
  const clear: Record<string, unknown> = {};
  for (const f of spec.fields) {
    if (data[f] !== undefined) clear[f] = data[f];
    delete data[f];
  }
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(`${event.type}:${subject}`));
  const ct = Buffer.concat([cipher.update(JSON.stringify(clear), 'utf8'), cipher.final()]);
  data.personal = { subject, fields: Object.keys(clear), iv: iv.toString('base64'), ct: ct.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
  return { ...event, data, metadata: { ...event.metadata, schemaVersion: PERSONAL_SCHEMA_VERSION } };
}

/**
 * Upcasts a stored event to the domain shape: v2 fields are decrypted, or read as erased once the key
 * is gone; v1 (plaintext, before encryption existed) passes through unless the subject was erased.
 */
export async function openEvent(event: RecordedEvent, keys: PersonalKeyStore): Promise<RecordedEvent> {
  if (!carriesPersonalData(event.type)) return event;
  const spec = PERSONAL_FIELDS[event.type];
  const { personal, ...rest } = event.data as Data;
  if (!personal && typeof rest[spec.subject] !== 'string') return event;
  const subject = personal?.subject ?? (rest[spec.subject] as string);
  const key = await keys.existingKey(subject);
  let fields: Record<string, unknown>;
  if (!personal) fields = key === null ? erased(spec.fields.filter((f) => rest[f] !== undefined)) : {};
  else if (!key) fields = erased(personal.fields ?? spec.fields);
  else {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(personal.iv, 'base64')).setAAD(Buffer.from(`${event.type}:${subject}`));
    decipher.setAuthTag(Buffer.from(personal.tag, 'base64'));
    fields = JSON.parse(Buffer.concat([decipher.update(Buffer.from(personal.ct, 'base64')), decipher.final()]).toString('utf8'));
  }
  return { ...event, data: { ...rest, ...fields } };
}

const erased = (fields: readonly string[]) => Object.fromEntries(fields.map((f) => [f, ERASED]));
