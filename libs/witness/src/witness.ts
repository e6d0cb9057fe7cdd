import {
  EMPTY_ROOT, NoteError, parseAddCheckpoint, parseSignedCheckpoint, verifyConsistency, verifyNote, type Checkpoint, type Cosigner,
} from '#libs/transparency';
import { originHash, type WitnessRecord, type WitnessRecords } from './witness-files';
import type { TrustedLogs } from './trusted-logs';

/** An HTTP answer, as c2sp.org/tlog-witness prescribes its status codes. */
export interface WitnessAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** «1 запись», «3 записи», «25 записей»; after «из»: «из 1 записи», «из 25 записей». */
const entries = (n: number) => `${n} ${n % 10 === 1 && n % 100 !== 11 ? 'запись' : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100) ? 'записи' : 'записей'}`;
const ofEntries = (n: number) => `${n} ${n % 10 === 1 && n % 100 !== 11 ? 'записи' : 'записей'}`;

const text = (status: number, body: string): WitnessAnswer => ({ status, contentType: 'text/plain; charset=utf-8', body: body.endsWith('\n') ? body : `${body}\n` });

export interface WitnessOptions {
  cosigner: Cosigner;
  logs: TrustedLogs;
  records: WitnessRecords;
  now: () => Date;
  /** Refusals of a log's checkpoint, for the operator's log (no note text, only sizes and the reason). */
  log?: (message: string) => void;
}

/**
 * A witness (c2sp.org/tlog-witness `add-checkpoint`): it checks that a log's new checkpoint is
 * signed by a key it trusts for the log's origin and consistent with the last one it cosigned
 * (a consistency proof from that size), then cosigns it and keeps it. A checkpoint that contradicts
 * what it holds — fewer entries, the same number with another root, or a proof that does not hold —
 * is refused, and the refusal is kept beside the cosigned ones. Requests are handled one at a time,
 * so the check of the old size and the write of the new checkpoint cannot interleave.
 */
export class Witness {
  private serial: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: WitnessOptions) {}

  get name(): string {
    return this.options.cosigner.name;
  }

  /** The verifier key logs and auditors configure (type 0x04, a timestamped cosignature). */
  get vkey(): string {
    return this.options.cosigner.vkey;
  }

  get fingerprint(): string {
    return this.options.cosigner.fingerprint;
  }

  addCheckpoint(body: string): Promise<WitnessAnswer> {
    const work = this.serial.then(() => this.add(body));
    this.serial = work.catch(() => undefined);
    return work;
  }

  /** The latest cosigned checkpoint of a log (its origin's hash), with the log's and the witness's signatures. */
  latest(log: string): string | undefined {
    return this.options.records.latest(log)?.note;
  }

  /** Everything kept of a log, oldest first. */
  records(log: string): readonly WitnessRecord[] {
    return this.options.records.all(log);
  }

  private add(body: string): WitnessAnswer {
    let request: ReturnType<typeof parseAddCheckpoint>;
    let signed: ReturnType<typeof parseSignedCheckpoint>;
    try {
      request = parseAddCheckpoint(body);
      signed = parseSignedCheckpoint(request.note);
    } catch (error) {
      return text(400, `Запрос не по протоколу свидетеля (c2sp.org/tlog-witness): ${(error as Error).message}`);
    }
    const { checkpoint } = signed;
    const verifiers = this.options.logs.verifiersFor(checkpoint.origin);
    if (verifiers.length === 0) return text(404, `Журнал ${checkpoint.origin} этому свидетелю не известен: его ключ не внесён в список журналов свидетеля.`);
    let verified: ReturnType<typeof verifyNote>['verified'];
    try {
      verified = verifyNote(signed.note, verifiers).verified;
    } catch (error) {
      return text(403, `Подпись контрольной суммы журнала ${checkpoint.origin} не проверена: ${error instanceof NoteError ? error.message : 'ошибка'}.`);
    }
    const log = originHash(checkpoint.origin);
    const kept = this.options.records.latest(log);
    const keptSize = kept?.size ?? 0;
    const refuse = (status: number, reason: string, extra?: Partial<WitnessAnswer>): WitnessAnswer => {
      this.options.records.add(log, {
        kind: 'refused', size: checkpoint.size, root: checkpoint.root.toString('base64'), oldSize: request.oldSize, status, reason, note: request.note, at: this.options.now().toISOString(),
      });
      this.options.log?.(`Свидетель отказал журналу ${checkpoint.origin}: ${reason}`);
      return { ...text(status, reason), ...extra };
    };
    if (kept && checkpoint.size < kept.size && request.oldSize === kept.size) {
      // A log that knows what the witness holds and sends fewer entries: it got shorter. (Not knowing, it first gets the 409 below.)
      return refuse(400, `Контрольная сумма журнала охватывает ${entries(checkpoint.size)}, а свидетель уже заверил ${entries(kept.size)}: журнал стал короче заверенного.`);
    }
    if (request.oldSize > checkpoint.size) return text(400, `Прежний размер ${request.oldSize} больше нового ${checkpoint.size}.`);
    if (request.oldSize !== keptSize) return { status: 409, contentType: 'text/x.tlog.size', body: `${keptSize}\n` };
    if (checkpoint.size === 0 && !checkpoint.root.equals(EMPTY_ROOT)) return text(422, 'У пустого журнала контрольная сумма — хеш пустой строки.');
    const problem = this.inconsistency(kept, checkpoint, request.oldSize, request.proof);
    if (problem) return refuse(422, problem);
    const cosignature = this.options.cosigner.cosign(signed.note.text, Math.floor(this.options.now().getTime() / 1000));
    const note = `${signed.note.text}\n${verified.map((v) => `${v.signature.line}\n`).join('')}${cosignature}\n`;
    this.options.records.add(log, { kind: 'cosigned', size: checkpoint.size, root: checkpoint.root.toString('base64'), note, at: this.options.now().toISOString() });
    return text(200, `${cosignature}\n`);
  }

  private inconsistency(kept: WitnessRecord | undefined, checkpoint: Checkpoint, oldSize: number, proof: Buffer[]): string | undefined {
    if (oldSize === 0) return proof.length === 0 ? undefined : 'От пустого журнала доказательство согласованности не нужно: оно должно быть пустым.';
    const keptRoot = Buffer.from(kept!.root, 'base64');
    if (oldSize === checkpoint.size) {
      return keptRoot.equals(checkpoint.root) ? undefined : `Контрольная сумма журнала из ${ofEntries(checkpoint.size)} не совпадает с заверенной ранее для того же числа записей: журнал изменён.`;
    }
    return verifyConsistency(oldSize, checkpoint.size, proof, keptRoot, checkpoint.root)
      ? undefined
      : `Контрольная сумма журнала из ${ofEntries(checkpoint.size)} не согласуется с заверенной ранее (из ${ofEntries(oldSize)}): первые ${entries(oldSize)} журнала уже не те, что были заверены.`;
  }
}
