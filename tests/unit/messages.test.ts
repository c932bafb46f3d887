/**
 * The message contract's validators (src/shared/messages.ts), used by every receiver (the background and
 * the content script) before it acts: every well-formed message of every type is accepted as it is; anything
 * else, whatever its shape, gets a short error and never an exception. The receivers' sender checks and
 * their replies in real browsers: tests/e2e/hardening-messages.e2e.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseToBackground,
  parseToContent,
  TO_BACKGROUND_TYPES,
  TO_CONTENT_TYPES,
  type ToBackground,
  type ToContent,
} from '../../src/shared/messages.ts';
import { params } from '../helpers/arbitraries.ts';

/** One well-formed example of every message type (the Record makes a new type without an example a type error). */
const GOOD_TO_BACKGROUND: { [K in ToBackground['type']]: Extract<ToBackground, { type: K }> } = {
  ping: { type: 'ping' },
  reportState: { type: 'reportState', quotes: 3, relevant: true },
  getSiteHighlights: { type: 'getSiteHighlights', host: 'www.bbc.co.uk' },
  setSiteHighlights: { type: 'setSiteHighlights', host: 'localhost:8080', on: false },
  injectInto: { type: 'injectInto', tabId: 12 },
  listSites: { type: 'listSites' },
  analyse: {
    type: 'analyse',
    input: {
      text: 'NATO said: “We are ready.”',
      blocks: [{ kind: 'paragraph', start: 0, end: 26 }],
      meta: { url: 'https://news.example/a', title: 'Ready', dates: [{ value: '2024-05-01', source: 'meta' }], hasArticleElement: true },
      today: '2026-11-26',
    },
    sensitivity: 'normal',
  },
  runCommand: { type: 'runCommand', command: 'toggle-highlights' },
};
const GOOD_TO_CONTENT: { [K in ToContent['type']]: Extract<ToContent, { type: K }> } = {
  getState: { type: 'getState' },
  setHighlights: { type: 'setHighlights', on: true },
  analyzeNow: { type: 'analyzeNow' },
  scrollToQuote: { type: 'scrollToQuote', index: 0 },
  getAnalysis: { type: 'getAnalysis' },
};

/** A well-formed `analyse` request with some of its input replaced, labelled for it.each. */
function analyseWith(input: Record<string, unknown>, label: string): [string, unknown][] {
  const good = GOOD_TO_BACKGROUND.analyse;
  return [[label, { ...good, input: { ...good.input, ...input } }]];
}

/** What a malformed message must get: `{ ok: false, error }` with a short, readable error. */
function expectRejected(r: ReturnType<typeof parseToContent> | ReturnType<typeof parseToBackground>): void {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(typeof r.error).toBe('string');
  expect(r.error.length).toBeGreaterThan(0);
  expect(r.error.length).toBeLessThanOrEqual(400);
}

describe('message validation', () => {
  it('knows exactly the message types it has examples for', () => {
    expect([...TO_BACKGROUND_TYPES].sort()).toEqual(Object.keys(GOOD_TO_BACKGROUND).sort());
    expect([...TO_CONTENT_TYPES].sort()).toEqual(Object.keys(GOOD_TO_CONTENT).sort());
  });

  it.each(Object.values(GOOD_TO_BACKGROUND))('accepts %o to the background as it is', (m) => {
    expect(parseToBackground(m)).toEqual({ ok: true, message: m });
    // A message for the other receiver is not one of these.
    expect(parseToContent(m).ok).toBe(false);
  });

  it.each(Object.values(GOOD_TO_CONTENT))('accepts %o to a content script as it is', (m) => {
    expect(parseToContent(m)).toEqual({ ok: true, message: m });
    expect(parseToBackground(m).ok).toBe(false);
  });

  it.each([
    ['not an object', 'ping'],
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['an array', [{ type: 'getState' }]],
    ['no type', {}],
    ['a numeric type', { type: 1 }],
    ['a BigInt type', { type: 10n }],
    ['a symbol type', { type: Symbol('getState') }],
    ['an object type', { type: { toString: () => 'getState' } }],
    ['unknown type', { type: 'stealData' }],
    ['prototype key as type', { type: 'constructor' }],
    ['__proto__ as type', JSON.parse('{"type":"__proto__"}')],
    ['toString as type', { type: 'toString' }],
    ['a very long type', { type: 'x'.repeat(100_000) }],
    ['wrong payload type', { type: 'setHighlights', on: 'yes' }],
    ['missing payload', { type: 'setHighlights' }],
    ['extra fields', { type: 'getState', html: '<img onerror=alert(1)>' }],
    ['thousands of extra fields', Object.fromEntries([['type', 'getState'], ...Array.from({ length: 5000 }, (_, i) => [`k${i}`, i])])],
    ['negative index', { type: 'scrollToQuote', index: -1 }],
    ['fractional index', { type: 'scrollToQuote', index: 1.5 }],
    ['huge index', { type: 'scrollToQuote', index: 1e12 }],
    ['NaN index', { type: 'scrollToQuote', index: Number.NaN }],
    ['string index', { type: 'scrollToQuote', index: '0' }],
  ])('a content script rejects %s with an error, never an exception', (_n, msg) => {
    expectRejected(parseToContent(msg));
  });

  it.each([
    ['a script URL for a host', { type: 'setSiteHighlights', host: 'javascript:alert(1)', on: true }],
    ['a URL for a host', { type: 'setSiteHighlights', host: 'https://www.bbc.co.uk/', on: true }],
    ['an over-long host', { type: 'getSiteHighlights', host: `${'a'.repeat(250)}.com` }],
    ['an empty host', { type: 'getSiteHighlights', host: '' }],
    ['a negative tab id', { type: 'injectInto', tabId: -1 }],
    ['a fractional tab id', { type: 'injectInto', tabId: 1.5 }],
    ['a string tab id', { type: 'injectInto', tabId: '7' }],
    ['an infinite quote count', { type: 'reportState', quotes: Number.POSITIVE_INFINITY, relevant: true }],
    ['a negative quote count', { type: 'reportState', quotes: -1, relevant: true }],
    ['an unknown command', { type: 'runCommand', command: 'uninstall' }],
    ['a BigInt payload', { type: 'injectInto', tabId: 7n }],
    ['a content message', { type: 'getState' }],
    ...analyseWith({ blocks: [{ kind: 'paragraph', start: 0, end: 999 }] }, 'a block ending beyond the text'),
    ...analyseWith({ blocks: [{ kind: 'paragraph', start: 5, end: 2 }] }, 'a block ending before it starts'),
    ...analyseWith(
      {
        blocks: [
          { kind: 'paragraph', start: 10, end: 20 },
          { kind: 'paragraph', start: 0, end: 5 },
        ],
      },
      'blocks out of order',
    ),
    ...analyseWith({ blocks: [{ kind: 'script', start: 0, end: 5 }] }, 'an unknown block kind'),
    ...analyseWith({ text: 'x'.repeat(2_000_001), blocks: [] }, 'more text than the page layer ever reads'),
    ...analyseWith({ today: '2026-02-30' }, 'an impossible date'),
    ...analyseWith({ meta: { linkDensity: 3 } }, 'a link density above 1'),
    ...analyseWith({ meta: { title: { toString: () => 'x' } } }, 'an object for a title'),
    ...analyseWith({ meta: { dates: [{ value: '2024-01-01', source: 'rumour' }] } }, 'an unknown date source'),
  ])('the background rejects %s with an error, never an exception', (_n, msg) => {
    expectRejected(parseToBackground(msg));
  });

  it('never throws and never accepts anything but a well-formed message, whatever arrives (property)', () => {
    const types = [...TO_BACKGROUND_TYPES, ...TO_CONTENT_TYPES, 'constructor', '__proto__', 'valueOf'];
    // Any value at all, and objects shaped almost like messages.
    const arrives = fc.oneof(
      fc.anything({ withBigInt: true, withBoxedValues: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }),
      fc.record(
        {
          type: fc.oneof(fc.constantFrom(...types), fc.anything({ withBigInt: true })),
          on: fc.anything({ withBigInt: true }),
          index: fc.oneof(fc.integer(), fc.double(), fc.anything()),
          host: fc.oneof(fc.domain(), fc.string(), fc.anything()),
          tabId: fc.oneof(fc.integer(), fc.double()),
          quotes: fc.oneof(fc.integer(), fc.double()),
          relevant: fc.anything(),
          command: fc.oneof(fc.constant('toggle-highlights'), fc.string()),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(arrives, (value) => {
        for (const parse of [parseToBackground, parseToContent]) {
          const r = parse(value);
          if (r.ok) {
            // Accepted only as it came: the message is exactly the input, one of our types.
            expect(r.message).toEqual(value);
            expect(types).toContain(r.message.type);
          } else expectRejected(r);
        }
      }),
      params(3000),
    );
  });
});
