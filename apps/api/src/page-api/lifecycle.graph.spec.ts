import { mentorshipMachine, STEP_NAMES, STEP_POLICIES } from '#core/mentorship';
import { lifecycleGraph } from './lifecycle.graph';

describe('lifecycle graph read from the machine definition', () => {
  const graph = lifecycleGraph();

  it('has every state of the machine, starting from its initial state, with Russian titles', () => {
    expect(graph.initial).toBe('new');
    expect(graph.states.map((s) => s.id)).toEqual(Object.keys(mentorshipMachine.root.states));
    expect(graph.states.find((s) => s.id === 'ordered')).toMatchObject({ title: 'Утверждено приказом', type: 'atomic' });
    expect(graph.states.filter((s) => s.type === 'final').map((s) => s.id)).toEqual(['replaced', 'declined', 'withdrawn']);
  });

  it('has every step of the policy as a transition somewhere, with who takes it', () => {
    const events = new Set([...graph.transitions, ...graph.states.flatMap((s) => s.regions.flatMap((r) => r.transitions))].map((t) => t.event));
    for (const step of STEP_NAMES) expect(events).toContain(STEP_POLICIES[step].event);
    expect(graph.transitions).toContainEqual(expect.objectContaining({ from: 'consented', to: 'ordered', step: 'order', title: 'Издать приказ о закреплении', roles: ['заведующий'] }));
  });

  it('keeps guarded alternatives apart and marks steps that stay in the state', () => {
    const consent = graph.transitions.filter((t) => t.from === 'proposed' && t.event === 'ConsentRecorded');
    expect(consent.map((t) => [t.to, t.guard])).toEqual([
      ['declined', 'consentRefusedByParticipant'], ['consented', 'consentCompletes'], [undefined, 'consentFromPendingParticipant'],
    ]);
    expect(consent[1].guardTitle).toBe('получено последнее из согласий');
    expect(graph.transitions.find((t) => t.from === 'active' && t.step === 'activity-done')?.to).toBeUndefined();
  });

  it('shows the parallel regions after completion: reports and publication', () => {
    const completed = graph.states.find((s) => s.id === 'completed')!;
    expect(completed.type).toBe('parallel');
    expect(completed.regions.map((r) => [r.id, r.states.map((s) => s.id)])).toEqual([
      ['mentorReport', ['pending', 'submitted']], ['menteeReports', ['pending', 'submitted']], ['publication', ['unpublished', 'published']],
    ]);
    expect(completed.regions[2].transitions).toEqual([expect.objectContaining({ from: 'unpublished', to: 'published', step: 'publish' })]);
  });
});
