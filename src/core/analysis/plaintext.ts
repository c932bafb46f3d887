/**
 * Blocks for plain text input: each non-empty line is a block; lines that
 * read like photo credits, bylines or datelines are marked as such so they
 * are never taken for article prose. Offsets index the input unchanged.
 */
import type { Block, BlockKind } from './types.ts';

const CREDIT = /(getty images|\bafp\b|\bap photo\b|reuters\/|\/ reuters|\bepa\b|shutterstock|photo:|photograph:|foto:|©|\bcredit:)/i;
const BYLINE = /^(by|von|par|por|autor|author)\b/i;
const DATELINE = /^(published|updated|posted|last updated|veröffentlicht|publié|publicado)\b/i;

export function textToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let pos = 0;
  for (const line of text.split('\n')) {
    const lead = line.length - line.trimStart().length;
    const body = line.trim();
    if (body) {
      const start = pos + lead;
      blocks.push({ kind: kindOf(body, blocks.length === 0), start, end: start + body.length });
    }
    pos += line.length + 1;
  }
  return blocks;
}

function kindOf(line: string, first: boolean): BlockKind {
  if (CREDIT.test(line) && line.length < 120) return 'credit';
  if (DATELINE.test(line) && line.length < 120) return 'dateline';
  if ((BYLINE.test(line) && line.length < 80) || /^author$/i.test(line)) return 'byline';
  if (first && line.length < 160 && !/[.!?”"]$/.test(line)) return 'title';
  return 'paragraph';
}
