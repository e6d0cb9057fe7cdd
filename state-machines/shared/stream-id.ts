/**
 * Stream names are `<category>-<id>` with a dash-free category, so `$ce-<category>` works on
 * EventStoreDB. This is the only place that builds or parses them.
 */
export const CATEGORIES = ['mentorship', 'person', 'mentor', 'mentee', 'user', 'roadmap', 'survey', 'programtemplate', 'bestcase', 'reminder', 'documents', 'organisation', 'region', 'registry'] as const;
export type Category = (typeof CATEGORIES)[number];

export function streamId(category: Category, id: string): string {
  return `${category}-${id}`;
}

export function parseStreamId(stream: string): { category: string; id: string } {
  const dash = stream.indexOf('-');
  return dash < 0 ? { category: stream, id: '' } : { category: stream.slice(0, dash), id: stream.slice(dash + 1) };
}
