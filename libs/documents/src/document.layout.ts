import type { Block } from './document.model';

/**
 * Whether a block stays on the page of the block after it: headings and lines that introduce what follows
 * («ПРИКАЗЫВАЮ:», «С приказом ознакомлены:»), and the text a signature signs (the last lines before it), so
 * a signature never stands alone at the top of a page. Both renderers follow it.
 */
export function keepsWithNext(blocks: readonly Block[], i: number): boolean {
  const b = blocks[i];
  const next = blocks[i + 1];
  if (!next) return false;
  if (next.type === 'signature') return true;
  switch (b.type) {
    case 'center': case 'title': case 'date-number': case 'right': return true;
    case 'paragraph': return !!b.bold || b.text.trimEnd().endsWith(':');
    case 'numbered': return b.items[b.items.length - 1].trimEnd().endsWith(':');
    default: return false;
  }
}
