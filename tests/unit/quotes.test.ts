import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../src/core/analysis/quotes.ts';
import { paragraphs } from '../helpers/analyse.ts';

const quotes = (text: string) => findQuotes(text, paragraphs(text)).map((q) => text.slice(q.start, q.end));

describe('quote detection', () => {
  it('reads a straight double mark after a number as inches, not as the end of a quote', () => {
    expect(quotes('“The 10" ones carry more, but the wind eats them,” Lytvyn said.')).toEqual([
      'The 10" ones carry more, but the wind eats them,',
    ]);
    expect(quotes('"The 10" ones carry more, but the wind eats them," Lytvyn said.')).toEqual([
      'The 10" ones carry more, but the wind eats them,',
    ]);
    expect(quotes('They build drones with 7" and 10" frames.')).toEqual([]);
    // A quote that ends on a number still ends there.
    expect(quotes('He said the number was "exactly 10" in the end.')).toEqual(['exactly 10']);
  });

  it.each([
    ['curly English', 'She said: “We stand together.” Then she left.', ['We stand together.']],
    ['straight double', 'He said "we stand together" on Monday.', ['we stand together']],
    ['single curly, not apostrophes', 'It’s clear, he said: ‘we won’t move’ and that’s final.', ['we won’t move']],
    ['French guillemets', 'Il a dit « nous restons unis » hier.', ['nous restons unis']],
    ['Russian guillemets', 'Министр заявил: «Мы не отступим».', ['Мы не отступим']],
    ['German low-high', 'Sie sagte: „Wir bleiben standhaft“ und ging.', ['Wir bleiben standhaft']],
    ['German low with closing ”', 'Er sagte: „Wir bleiben”, sagte er.', ['Wir bleiben']],
    ['German reversed guillemets', 'Er sagte: »Wir bleiben« und ging.', ['Wir bleiben']],
    ['Polish single low', 'Powiedział: ‚tak‘ i wyszedł.', ['tak']],
    ['NYT double apostrophes', "''We will not yield,'' the minister said.", ['We will not yield,']],
    ['mixed marks: straight open, curly close', '"We will hold the line,” the general said.', ['We will hold the line,']],
    ['mixed marks: curly open, straight close', '“Nous tiendrons," a dit le ministre.', ['Nous tiendrons,']],
    ['NYT marks closing a nested single quote', "''They shouted 'no surrender,''' the colonel said.", ["They shouted 'no surrender,'"]],
    ['NYT marks opening with a nested single quote', "'''Iron Shield,''' she replied.", ["'Iron Shield,'"]],
    ['NYT marks closing after a stray space', "''We hold the line, '' the general said.", ['We hold the line,']],
    ['straight single quotes at the top level', "Rutte: 'We will not be divided.'", ['We will not be divided.']],
    ['mixed single marks: curly open, straight close', "She called it ‘a bad deal,' and left.", ['a bad deal,']],
    ['a plural possessive inside single curly marks', "She called it ‘the members' plan’ and left.", ["the members' plan"]],
    ['doubled opening marks from a pasted excerpt', '"“We hold,” she said before adding that the line would stay."', ['We hold,']],
    ['doubled opening marks, German', 'Er schrieb: "„Wir bleiben“, sagte sie."', ['Wir bleiben']],
    ['apostrophes that open words are not quotes', "It was 'bout time for rock 'n' roll in the '90s.", []],
  ])('%s', (_name, text, expected) => {
    expect(quotes(text)).toEqual(expected);
  });

  it('keeps a nested quote inside the outer one', () => {
    const text = '“When they told us ‘hold the line,’ we held it,” the colonel said.';
    expect(quotes(text)).toEqual(['When they told us ‘hold the line,’ we held it,']);
  });

  it('never treats possessives and contractions as quote marks', () => {
    expect(quotes('The generals’ plan wasn’t ready, and Ross’ aides knew it.')).toEqual([]);
  });

  it('links a quotation that runs over two paragraphs', () => {
    const text = '“The first part of the statement goes on\n\n“and the second part ends here,” she said.';
    const found = findQuotes(text, paragraphs(text));
    expect(found).toHaveLength(2);
    expect(found[0]?.closed).toBe(false);
    expect(found[1]?.continues).toBe(0);
  });

  it('treats a blockquote without marks as one quotation', () => {
    const text = 'We will respond to any attack.';
    const found = findQuotes(text, [{ kind: 'blockquote', start: 0, end: text.length }]);
    expect(found.map((q) => text.slice(q.start, q.end))).toEqual([text]);
  });

  it('excludes the marks and keeps punctuation inside them', () => {
    const text = '“Never,” he said.';
    const [q] = findQuotes(text, paragraphs(text));
    expect(text.slice(q?.start, q?.end)).toBe('Never,');
  });

  it('ends a quote whose closing mark was forgotten at its attribution', () => {
    const text = '"We will not leave the region, said Jan Examplewicz, a spokesman for the mission.';
    expect(quotes(text)).toEqual(['We will not leave the region,']);
  });

  it('starts a quote whose opening mark was forgotten after its cue', () => {
    expect(quotes('Pressed on the budget, the minister added, We will not cut a single brigade.” Then she left.')).toEqual([
      'We will not cut a single brigade.',
    ]);
  });

  it('survives unbalanced marks without swallowing the next paragraph', () => {
    const text = 'He said “this never closes\n\nA new paragraph with no quote.';
    expect(quotes(text)).toEqual(['this never closes']);
  });
});
