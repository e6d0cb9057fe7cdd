import { join } from 'node:path';
import { TrustedLogs } from './trusted-logs';
import { Witness } from './witness';
import { WitnessRecords, witnessKey } from './witness-files';

export interface WitnessSettings {
  /** Its key (`witness-key.json`) and its records (`logs/`). */
  dir: string;
  /** Its key name: a schema-less URL naming the witness (`WITNESS_NAME`). */
  name: string;
  /** The logs it serves, a verifier key a line (`WITNESS_LOGS_FILE`; absent: `logs.txt` in `dir`). */
  logsFile?: string;
  now: () => Date;
  log?: (message: string) => void;
}

/** A witness on its directory: the key made on first use, the records and the list of logs read from there. */
export function openWitness(s: WitnessSettings): { witness: Witness; logs: TrustedLogs; logsFile: string } {
  const logsFile = s.logsFile ?? join(s.dir, 'logs.txt');
  const logs = new TrustedLogs(logsFile);
  const witness = new Witness({ cosigner: witnessKey(s.dir, s.name, s.now), logs, records: new WitnessRecords(s.dir), now: s.now, log: s.log });
  return { witness, logs, logsFile };
}
