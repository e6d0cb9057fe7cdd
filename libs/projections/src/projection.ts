import type { RecordedEvent } from '#libs/event-store';

/** A read-model row: plain column values, so comparing two rows is comparing their JSON. */
export type Row = Record<string, string | number | null>;

export interface TableSpec {
  /** Name without the generation prefix. */
  name: string;
  columns: readonly string[];
  key: readonly string[];
  indexes?: readonly (readonly string[])[];
}

/** The rows a view stands for: its own row in the main table, and rows of the derived tables. */
export interface ViewRows {
  main: Row;
  derived: Record<string, Row[]>;
}

/**
 * A projection is pure: `project` folds one event into the view it belongs to, `rows` says which
 * read-model rows a view stands for. The shared writer loads views, diffs their rows and writes
 * the difference with the checkpoint in one transaction; nothing here touches a database.
 */
export interface Projection<V> {
  readonly name: string;
  readonly streamPrefixes: readonly string[];
  /** One row per view, keyed by the view's key (the view itself is kept as JSON beside it, unless `viewFromRow`). */
  readonly main: TableSpec;
  readonly derived: readonly TableSpec[];
  /** SQL views over this projection's tables (`prefix`: the generation's table prefix). */
  sqlViews?(prefix: string): string[];
  /** The view an event belongs to (`null`: not this projection's concern). */
  keyOf(event: RecordedEvent): string | null;
  project(view: V | undefined, event: RecordedEvent): V | undefined;
  rows(view: V): ViewRows;
  /** When the main row holds the whole view, how to read it back (then no JSON copy is kept). */
  viewFromRow?(row: Row): V;
}

export type AnyProjection = Projection<any>;

export const streamMatches = (streamId: string, prefixes: readonly string[]): boolean =>
  prefixes.some((p) => streamId.startsWith(p));

/** The id part of `<category>-<id>`. */
export const streamKey = (streamId: string): string => streamId.slice(streamId.indexOf('-') + 1);
