import { EsdbDouble } from '../test/esdb-double/esdb-double';

/**
 * The EventStoreDB test double as its own process, so the benchmark's app does not share an event
 * loop with the server it talks to. Prints its connection string, runs until its stdin closes.
 */
async function main() {
  // A real node writes `$statsCollected` every 30 s.
  const double = await EsdbDouble.start({ statsPeriodMs: 30_000 });
  process.stdout.write(`${double.connectionString}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => void double.stop().then(() => process.exit(0)));
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
