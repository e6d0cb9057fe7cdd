import { EventBoundedCache } from './event-bounded-cache';

describe('EventBoundedCache', () => {
  const cache = () => new EventBoundedCache<{ events: number }>(10, (v) => v.events);

  it('keeps streams while their events fit, and lets the least recently stored go first', () => {
    const c = cache();
    c.set('a', { events: 4 });
    c.set('b', { events: 4 });
    c.set('a', { events: 5 }); // a grew: stored again, now the most recent
    c.set('c', { events: 3 });
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toEqual({ events: 5 });
    expect(c.get('c')).toEqual({ events: 3 });
  });

  it('keeps the stream just stored even when it alone is over the bound', () => {
    const c = cache();
    c.set('a', { events: 2 });
    c.set('long', { events: 25 });
    expect(c.get('a')).toBeUndefined();
    expect(c.get('long')).toEqual({ events: 25 });
  });

  it('a deleted stream no longer counts against the bound', () => {
    const c = cache();
    c.set('a', { events: 6 });
    c.delete('a');
    c.set('b', { events: 5 });
    c.set('c', { events: 5 });
    expect(c.get('b')).toEqual({ events: 5 });
    expect(c.get('c')).toEqual({ events: 5 });
  });
});
