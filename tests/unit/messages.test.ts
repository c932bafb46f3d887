import { describe, expect, it } from 'vitest';
import { parseToBackground, parseToContent } from '../../src/shared/messages.ts';

describe('message validation', () => {
  it('accepts well-formed messages', () => {
    expect(parseToContent({ type: 'setHighlights', on: false })).toEqual({ ok: true, message: { type: 'setHighlights', on: false } });
    expect(parseToBackground({ type: 'setSiteHighlights', host: 'www.bbc.co.uk', on: true }).ok).toBe(true);
  });

  it.each([
    ['not an object', 'ping'],
    ['null', null],
    ['unknown type', { type: 'stealData' }],
    ['prototype key as type', { type: 'constructor' }],
    ['wrong payload type', { type: 'setHighlights', on: 'yes' }],
    ['extra fields', { type: 'getState', html: '<img onerror=alert(1)>' }],
    ['negative index', { type: 'scrollToQuote', index: -1 }],
  ])('rejects %s with an error, never an exception', (_n, msg) => {
    const r = parseToContent(msg);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(typeof r.error).toBe('string');
  });

  it('rejects hosts that are not host names', () => {
    expect(parseToBackground({ type: 'setSiteHighlights', host: 'javascript:alert(1)', on: true }).ok).toBe(false);
  });
});
