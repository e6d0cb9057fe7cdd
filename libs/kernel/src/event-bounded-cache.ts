/**
 * Folded streams kept in memory, bounded by the events they hold rather than by how many streams:
 * a bound in entries let a few long streams fill the heap. Least recently stored leaves first; the
 * entry just stored always stays, however long.
 */
export class EventBoundedCache<V> {
  private readonly entries = new Map<string, V>();
  private held = 0;

  /** `eventsOf`: how many events an entry holds (its weight). */
  constructor(private readonly maxEvents: number, private readonly eventsOf: (value: V) => number) {}

  get(stream: string): V | undefined {
    return this.entries.get(stream);
  }

  set(stream: string, value: V): void {
    this.delete(stream);
    this.entries.set(stream, value);
    this.held += this.eventsOf(value);
    for (const [old] of this.entries) {
      if (this.held <= this.maxEvents || old === stream) break;
      this.delete(old);
    }
  }

  delete(stream: string): void {
    const value = this.entries.get(stream);
    if (value === undefined) return;
    this.held -= this.eventsOf(value);
    this.entries.delete(stream);
  }
}
