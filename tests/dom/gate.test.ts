/**
 * The content script's cheap first check (src/page/gate.ts), in happy-dom: it
 * must let through every page whose title or opening names NATO, Russia or
 * Ukraine in any of our languages and spellings, and stop pages that are not
 * articles or never name them. Our own sentences.
 */
import { describe, expect, it } from 'vitest';
import { NATO_NAMES, RUSSIA_NAMES, UKRAINE_WAR_NAMES, wordsOf } from '../../src/core/lexicon/topic-names.ts';
import { quickGate } from '../../src/page/gate.ts';

function page(title: string, paragraphs: string[], wrap = (x: string) => x): Document {
  const body = wrap(paragraphs.map((p) => `<p>${p}</p>`).join(''));
  return new DOMParser().parseFromString(
    `<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`,
    'text/html',
  );
}

const filler = 'The council met on Tuesday to discuss the budget for the coming year.';

describe('quickGate', () => {
  it.each([
    ['English, in the title', 'NATO ministers meet in Brussels', [filler, filler]],
    ['English, a curly possessive', 'Budget talks', [filler, 'The question of Russia’s reply came up late.']],
    ['German', 'Haushalt', [filler, 'Die Bundesregierung äußerte sich zur Lage in der Ukraine.']],
    ['Spanish with an accent', 'Presupuesto', [filler, 'El Gobierno de Moscú respondió con dureza.']],
    ['Polish with a diacritic', 'Budżet', [filler, 'Rozmowy w Kijów trwały do wieczora.']],
    ['Russian with й', 'Бюджет', [filler, 'Представитель российской делегации не ответил.']],
    ['Ukrainian with ї', 'Бюджет', [filler, 'Делегація прибула до Києва, а потім до Київ вокзалу.']],
    ['French, upper case after an elided article', 'Budget', [filler, "L'OTAN a publié un communiqué."]],
    ['French, after an elided preposition', 'Budget', [filler, 'Le ministre parle de la guerre d’Ukraine.']],
  ])('passes an article naming the topic (%s)', (_label, title, ps) => {
    expect(quickGate(page(title, ps))).toEqual({ pass: true, reason: '' });
  });

  it('passes an <article> with a single paragraph', () => {
    expect(quickGate(page('Kremlin statement', ['One line.'], (x) => `<article>${x}</article>`))).toMatchObject({ pass: true });
  });

  it('stops a page without paragraphs or an article', () => {
    const doc = new DOMParser().parseFromString('<title>NATO shop</title><table><tr><td>NATO mug</td></tr></table>', 'text/html');
    expect(quickGate(doc)).toEqual({ pass: false, reason: 'This page does not look like an article.' });
  });

  it('stops an article that never names NATO, Russia or Ukraine, even with near misses', () => {
    const doc = page('Garden news', [
      filler,
      'Natoli and Russiani planted roses; a kievan-style cake won the prize.',
      'Prussia is history.',
    ]);
    expect(quickGate(doc)).toEqual({ pass: false, reason: 'The page does not mention NATO, Russia or Ukraine.' });
  });

  it('knows every topic word as pages write it, in upper case too', () => {
    const all = [NATO_NAMES, RUSSIA_NAMES, UKRAINE_WAR_NAMES].flatMap(wordsOf);
    expect(all.length).toBeGreaterThan(80);
    for (const w of all) {
      expect(quickGate(page('Report', [filler, `Yesterday ${w} was in the news.`])).pass, w).toBe(true);
      expect(quickGate(page('Report', [filler, `Yesterday ${w.toUpperCase()} was in the news.`])).pass, w).toBe(true);
    }
  });
});
