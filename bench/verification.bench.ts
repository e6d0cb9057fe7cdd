import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '#libs/event-store';
import { ChainSealer, ChainTreeIndex, CheckpointSigner, SigningKeys, verifyChains, type WitnessedCheckpoint } from '#libs/audit';
import { leafHash, parseSignedCheckpoint, verifyInclusion } from '#libs/transparency';
import { writeSyntheticLog } from '#testing/projections';
import { percentile, type Bench, type BenchRow } from './bench.types';

const EVENTS = Number(process.env.BENCH_VERIFY_EVENTS || 1_000_000);
const PROOFS = 2000;

/**
 * Seals a synthetic log of ≥ 1M events in an embedded store file into its hash chain and Merkle tree
 * (a checkpoint signed into every recorded head), verifies the whole log against those checkpoints
 * as if a witness had cosigned them, then builds and checks inclusion proofs.
 */
const bench: Bench = async (log) => {
  const dir = mkdtempSync(join(tmpdir(), 'mentorship-bench-verify-'));
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  const now = () => new Date();
  try {
    let t = performance.now();
    const written = await writeSyntheticLog(store, { mentorships: Math.ceil(EVENTS / 10), maxEvents: EVENTS });
    log(`log: ${written.toLocaleString('en-US')} events written in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    const signer = new CheckpointSigner(new SigningKeys(null, now), 'bench.example/journal');
    const sealer = new ChainSealer(store, { now, signer });
    const sealed = await sealer.sealToEnd();
    const sealSeconds = (performance.now() - t) / 1000;
    log(`seal (chain, tree, signed checkpoints): ${sealed.toLocaleString('en-US')} events in ${sealSeconds.toFixed(2)} s`);

    // What a witness would hold: every checkpoint the sealer signed into a recorded head.
    const witnessed: WitnessedCheckpoint[] = (await store.readStream('auditchain-bench'))
      .filter((e) => e.type === 'ChainHeadRecorded')
      .map((e) => {
        const note = (e.data as { checkpoint: string }).checkpoint;
        const c = parseSignedCheckpoint(note).checkpoint;
        return { size: c.size, root: c.root.toString('hex'), time: c.time, cosignedAt: c.time!, note, signatures: [] };
      });
    t = performance.now();
    let lastLog = 0;
    const result = await verifyChains(store, {
      now,
      orgId: 'bench',
      witness: { status: 'ok', checkpoints: witnessed },
      onProgress: (p) => {
        if (p.events - lastLog >= 250_000) log(`verify: ${(lastLog = p.events).toLocaleString('en-US')} events read…`);
      },
    });
    const verifySeconds = (performance.now() - t) / 1000;
    log(`verify: ${result.summary}`);
    if (!result.intact || result.checked !== written || result.chains[0].witness?.status !== 'agrees') throw new Error(`verification did not pass: ${result.summary}`);

    const n = written.toLocaleString('en-US');
    const rows: BenchRow[] = [
      { bench: 'integrity', case: `seal ${n} events, throughput`, value: sealed / sealSeconds, unit: 'events/s', note: 'catch-up from an unsealed log: chain, Merkle tree, signed checkpoints' },
      { bench: 'integrity', case: `verify ${n} events, throughput`, value: result.checked / verifySeconds, unit: 'events/s', target: '≥ 200,000/s', note: `chain and tree recomputed; ${witnessed.length} witnessed checkpoints compared` },
      { bench: 'integrity', case: `verify ${n} events, wall time`, value: verifySeconds, unit: 's' },
    ];
    return rows.concat(await proofs(store, log));
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

/** The proofs an auditor downloads: the index read from the chain stream once, then each proof built from it and checked. */
async function proofs(store: SqliteEventStore, log: (l: string) => void): Promise<BenchRow[]> {
  let t = performance.now();
  const index = new ChainTreeIndex(store, 'bench');
  await index.refresh();
  const indexSeconds = (performance.now() - t) / 1000;
  const memory = index.bytes / 1e6;
  log(`tree index: ${index.size.toLocaleString('en-US')} entries read from the chain stream in ${indexSeconds.toFixed(2)} s, ~${memory.toFixed(0)} MB`);
  const size = index.size;
  const root = index.tree.rootAt(size);
  const build: number[] = [];
  const check: number[] = [];
  for (let k = 0; k < PROOFS; k++) {
    const i = Math.floor(Math.random() * size);
    t = performance.now();
    const path = index.tree.inclusionProof(i, size);
    const entry = Buffer.from(index.entryHex(i), 'hex');
    build.push(performance.now() - t);
    t = performance.now();
    const ok = verifyInclusion(i, size, leafHash(entry), path, root);
    check.push(performance.now() - t);
    if (!ok) throw new Error(`inclusion proof of ${i} did not verify`);
  }
  t = performance.now();
  const consistency = index.tree.consistencyProof(Math.floor(size / 3) + 1, size);
  const consistencyMs = performance.now() - t;
  build.sort((a, b) => a - b);
  check.sort((a, b) => a - b);
  log(`inclusion proof (${PROOFS} random events of ${size.toLocaleString('en-US')}): build p50 ${percentile(build, 50).toFixed(3)} ms, check p50 ${percentile(check, 50).toFixed(3)} ms; consistency proof ${consistency.length} hashes in ${consistencyMs.toFixed(3)} ms`);
  return [
    { bench: 'integrity', case: 'tree index from the chain stream', value: indexSeconds, unit: 's', note: `${size.toLocaleString('en-US')} entries, ~${memory.toFixed(0)} MB; once per process and organisation` },
    { bench: 'integrity', case: 'inclusion proof, build p50', value: percentile(build, 50), unit: 'ms', target: '≤ 1 ms' },
    { bench: 'integrity', case: 'inclusion proof, build p99', value: percentile(build, 99), unit: 'ms', target: '≤ 1 ms' },
    { bench: 'integrity', case: 'inclusion proof, check p50', value: percentile(check, 50), unit: 'ms', target: '≤ 1 ms' },
    { bench: 'integrity', case: 'inclusion proof, check p99', value: percentile(check, 99), unit: 'ms', target: '≤ 1 ms' },
    { bench: 'integrity', case: 'consistency proof, build', value: consistencyMs, unit: 'ms' },
  ];
}

export default bench;
