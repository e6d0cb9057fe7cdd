import type { EventStore, RecordedEvent } from '#libs/event-store';
import { fold, initialSnapshot } from '#core/mentorship';
import { mentorshipHistory, MENTORSHIP_ID } from '#core/testing';
import { streamId } from '#core/shared';
import { MentorshipRepository, type LoadedMentorship } from './mentorship.repository';

/** A store that holds nothing and records the revisions it is asked to read from. */
function emptyStore(reads: number[]): EventStore {
  return { readStream: async (_s: string, from = 0) => (reads.push(from), [] as RecordedEvent[]) } as unknown as EventStore;
}

const empty = (): LoadedMentorship => ({ id: MENTORSHIP_ID, streamId: streamId('mentorship', MENTORSHIP_ID), revision: -1, snapshot: initialSnapshot(), commands: new Map() });
const ctx = { commandId: 'c-1', requestHash: 'h-1' };

describe('MentorshipRepository.appended', () => {
  const { proposed, consented } = mentorshipHistory();

  it('folds the appended events onto the state decided on, records the command and caches the result', async () => {
    const reads: number[] = [];
    const repo = new MentorshipRepository(emptyStore(reads));
    const after = repo.appended(empty(), proposed, ctx, proposed.length - 1)!;
    expect(after.revision).toBe(proposed.length - 1);
    expect(after.snapshot.value).toEqual(fold(proposed).value);
    expect(JSON.stringify(after.snapshot.context)).toBe(JSON.stringify(fold(proposed).context));
    expect(after.commands.get('c-1')).toEqual({ firstRevision: 0, lastRevision: proposed.length - 1, requestHash: 'h-1' });
    expect(await repo.load(MENTORSHIP_ID)).toBe(after);
    expect(reads).toEqual([proposed.length]);
  });

  it('gives nothing, and caches nothing, when the revisions do not add up or the events do not fold', async () => {
    const reads: number[] = [];
    const repo = new MentorshipRepository(emptyStore(reads));
    expect(repo.appended(empty(), proposed, ctx, proposed.length)).toBeUndefined();
    const notFolding = consented.slice(proposed.length);
    expect(repo.appended(empty(), notFolding, ctx, notFolding.length - 1)).toBeUndefined();
    expect((await repo.load(MENTORSHIP_ID)).revision).toBe(-1);
    expect(reads).toEqual([0]);
  });
});
