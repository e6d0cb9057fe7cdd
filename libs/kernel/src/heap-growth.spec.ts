import { parseConfig } from './config';
import { tuneHeapGrowth } from './heap-growth';

describe('HEAP_GROWING_PERCENT', () => {
  it('defaults to 20 and accepts 0 (V8 decides)', () => {
    expect(tuneHeapGrowth(parseConfig({}))).toBe(20);
    expect(tuneHeapGrowth(parseConfig({ HEAP_GROWING_PERCENT: '' }))).toBe(20);
    expect(tuneHeapGrowth(parseConfig({ HEAP_GROWING_PERCENT: '0' }))).toBe(0);
    expect(tuneHeapGrowth(parseConfig({ HEAP_GROWING_PERCENT: '35' }))).toBe(35);
  });

  it.each(['-5', '1.5', 'много'])('refuses %s with a Russian reason instead of starting with a guess', (value) => {
    expect(() => tuneHeapGrowth(parseConfig({ HEAP_GROWING_PERCENT: value }))).toThrow(/HEAP_GROWING_PERCENT=.*нужно целое число процентов/);
  });
});
