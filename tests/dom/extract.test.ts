/**
 * Extraction of text that is not in <p> elements (happy-dom): loose text
 * written straight into the article's container beside figures and
 * paragraphs, paragraphs separated by double line breaks, plain text put
 * straight into <body>; and what sits between the headline and the article's
 * container (date, byline, lead caption). For each: the blocks and their
 * kinds, the offset map (each block's text is where its part of the DOM says),
 * and highlighting marks exactly the analysed spans and clears to the page as
 * it was. Our own invented pages.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analysis/analyze.ts';
import type { Analysis } from '../../src/core/analysis/types.ts';
import { bundledDataset } from '../../src/core/dataset/bundled.ts';
import { type Extraction, extractArticle, markableText, partText } from '../../src/page/extract.ts';
import { Highlighter, planRanges } from '../../src/page/highlight.ts';
import { DEFAULT_PALETTE } from '../../src/shared/settings.ts';

const DATA = bundledDataset();
const TODAY = '2026-11-26';

function load(html: string): void {
  document.open();
  document.write(html);
  document.close();
}

function read(url = 'https://news.example.org/world/story'): { x: Extraction; a: Analysis } {
  const x = extractArticle(document, { url });
  const a = analyze({ text: x.text, blocks: x.blocks, meta: x.meta, today: TODAY }, DATA);
  return { x, a };
}

/** Every block's text is what its element (or its part of one) reads at the block's offset: the offset map holds. */
function expectOffsetMap(x: Extraction): void {
  for (const b of x.blocks) {
    const own = b.part ? partText(b.element, b.part).slice(b.part.offset, b.part.offset + b.end - b.start) : markableText(b.element);
    expect(own).toBe(x.text.slice(b.start, b.end));
  }
}

/** Marks every plan, checks each quote mark and name mark covers exactly its analysed text, clears, checks the page is back. */
function expectHighlighting(x: Extraction, a: Analysis): { kind: string | null; parent: Element | null }[] {
  const before = document.body.innerHTML;
  const text = document.body.textContent;
  const h = new Highlighter({ palette: DEFAULT_PALETTE, quoteStyle: 'background' });
  for (const p of planRanges(a, x.blocks)) h.markBlock(p);
  expect(document.body.textContent).toBe(text);
  for (const q of a.quotes) {
    const got = [...document.querySelectorAll(`mark[data-sourcelight="quote"][data-quote-index="${q.index}"]`)]
      .map((m) => m.textContent)
      .join('');
    expect(got).toBe(a.text.slice(q.start, q.end));
  }
  const names = [...document.querySelectorAll('mark[data-sourcelight="official"]')].map((m) => m.textContent);
  const analysed = a.officials.flatMap((o) => o.mentions).sort((p, q) => p.start - q.start);
  expect(names).toEqual(analysed.map((m) => a.text.slice(m.start, m.end)));
  // Reading the marked page gives the same text: the marks change nothing extraction sees.
  expect(extractArticle(document).text).toBe(x.text);
  const marks = [...document.querySelectorAll('mark[data-sourcelight]')].map((m) => ({
    kind: m.getAttribute('data-sourcelight'),
    parent: m.parentElement,
  }));
  h.clear();
  expect(document.querySelectorAll('mark[data-sourcelight]')).toHaveLength(0);
  expect(document.body.innerHTML).toBe(before);
  return marks;
}

const blockTexts = (x: Extraction) => x.blocks.map((b) => [b.kind, x.text.slice(b.start, b.end)]);

describe('loose text in the article container', () => {
  const PAGE = `<!doctype html><html lang="en"><head><title>Harbour talks</title><meta property="og:type" content="article"></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Kremlin answers the alliance over the harbour drills</h1>
    <div class="article-body">
      TALLINN — The Kremlin spokesman Dmitry Peskov said on Wednesday that the drills near the harbour were <em>a deliberate</em> provocation. “We will watch every ship that comes close,” Peskov told <a href="/press">reporters</a> in Moscow.
      <figure><img src="/harbour.jpg" alt=""><figcaption>Ships in the outer harbour at dawn.</figcaption></figure>
      NATO Secretary General Mark Rutte answered on <b>Thursday</b> that the exercise had been planned for a year. <span>“Nobody is threatening anyone here,”</span> Rutte said in Brussels.
      <span class="share-buttons">Share this story</span>
      <p>Port officials said the ferries kept to their timetable throughout the week of the exercise.</p>
      <p>Estonian ministers said the drills would be repeated in the autumn with more ships taking part.</p>
    </div></article>
    <footer><p>About us and our newsletters</p></footer></body></html>`;

  it('reads each run of loose text as a paragraph, in document order, with its inline elements', () => {
    load(PAGE);
    const { x } = read();
    const texts = blockTexts(x);
    expect(texts[0]).toEqual(['title', 'Kremlin answers the alliance over the harbour drills']);
    expect(texts.slice(1)).toEqual([
      [
        'paragraph',
        'TALLINN — The Kremlin spokesman Dmitry Peskov said on Wednesday that the drills near the harbour were a deliberate provocation. “We will watch every ship that comes close,” Peskov told reporters in Moscow.',
      ],
      ['caption', 'Ships in the outer harbour at dawn.'],
      [
        'paragraph',
        'NATO Secretary General Mark Rutte answered on Thursday that the exercise had been planned for a year. “Nobody is threatening anyone here,” Rutte said in Brussels.',
      ],
      ['paragraph', 'Port officials said the ferries kept to their timetable throughout the week of the exercise.'],
      ['paragraph', 'Estonian ministers said the drills would be repeated in the autumn with more ships taking part.'],
    ]);
    // Furniture between the runs ends a run and is not read; nor are the navigation and the footer.
    expect(x.text).not.toMatch(/Share this story|Home|About us/);
    expectOffsetMap(x);
  });

  it('finds the quotes and speakers in the loose text and highlights exactly them', () => {
    load(PAGE);
    const { x, a } = read();
    const quotes = a.quotes.map((q) => [q.text, q.speaker?.id]);
    expect(quotes).toContainEqual(['We will watch every ship that comes close,', 'dmitry-peskov']);
    expect(quotes).toContainEqual(['Nobody is threatening anyone here,', 'mark-rutte']);
    const marks = expectHighlighting(x, a);
    // The marks are in the loose text itself: straight in the container, and in the inline <span>.
    const parents = marks.filter((m) => m.kind === 'quote').map((m) => m.parent);
    expect(parents.some((p) => p?.className === 'article-body')).toBe(true);
    expect(parents.some((p) => p?.tagName === 'SPAN')).toBe(true);
  });

  it('highlights again after clearing, and marking twice never nests marks', () => {
    load(PAGE);
    const { x, a } = read();
    const h = new Highlighter({ palette: DEFAULT_PALETTE, quoteStyle: 'background' });
    const plans = planRanges(a, x.blocks);
    for (const p of plans) h.markBlock(p);
    const count = document.querySelectorAll('mark[data-sourcelight]').length;
    expect(count).toBeGreaterThan(3);
    for (const p of plans) h.markBlock(p);
    expect(document.querySelectorAll('mark[data-sourcelight]')).toHaveLength(count);
    expect(document.querySelectorAll('mark[data-sourcelight="quote"] mark[data-sourcelight="quote"]')).toHaveLength(0);
    h.clear();
    for (const p of plans) h.markBlock(p);
    expect(document.querySelectorAll('mark[data-sourcelight]')).toHaveLength(count);
    h.clear();
  });

  it('reads a lone date or byline beside blocks as what it is, and leaves out runs of links and lone labels', () => {
    load(`<!doctype html><html><body><article><div class="story-body">
      <p>The defence ministers of the Nordic countries met in Oslo on Tuesday to coordinate air patrols.</p>
      <time datetime="2023-05-04">May 4, 2023</time>
      <p>They agreed to share radar data from the start of next year, the Norwegian ministry said.</p>
      <a href="/next">Next story</a> <a href="/all">View all (12)</a>
      <p>Finland and Sweden will take part in the patrols for the first time since joining.</p>
      Photo
      <p>The next meeting is planned for the autumn in Helsinki, the ministers said.</p>
      <span class="author-name">Kari Nordmann</span>
    </div></article></body></html>`);
    const { x } = read();
    expect(x.blocks.map((b) => b.kind)).toEqual(['paragraph', 'dateline', 'paragraph', 'paragraph', 'paragraph', 'byline']);
    expect(x.text).not.toMatch(/Next story|View all|Photo/);
    expectOffsetMap(x);
  });

  it('leaves whitespace between blocks and a block element without loose text as they were', () => {
    load(`<!doctype html><html><body><article><div class="story-body">
      <p>Ministers from the Baltic states met in Riga on Monday to talk about the defence budget.</p>
      <div class="pull">A short pull quote with <b>bold</b> words.</div>
      <p>They agreed to meet again in the spring, when the new air defence systems arrive.</p>
    </div></article></body></html>`);
    const { x } = read();
    expect(x.blocks.every((b) => b.part === undefined)).toBe(true);
    expect(x.blocks.map((b) => b.element.tagName)).toEqual(['P', 'DIV', 'P']);
  });
});

describe('paragraphs separated by double line breaks', () => {
  const PAGE = `<!doctype html><html lang="ru"><head><title>Лавров о НАТО — Вести региона</title></head><body>
    <div class="menu-top"><a href="/">Главная</a> | <a href="/p">Политика</a> | <a href="/s">Спорт</a></div>
    <table><tr><td width="180"><a href="/1">Лента</a><br><a href="/2">Архив</a></td>
    <td><h1>Лавров обвинил НАТО в подготовке к конфликту</h1><span class="news-date">05.02.2024 11:20</span><br><br>
    <div class="news-text">Министр иностранных дел России Сергей Лавров заявил в понедельник, что альянс наращивает войска у границ России и готовится к большой войне.<br><br>
    «Мы видим, что они делают, и сделаем выводы», — сказал Лавров журналистам в Москве после встречи с коллегой.<br>
    <br>
    По его словам, учения альянса у российских границ стали самыми крупными за последние годы, а <b>число самолётов</b> выросло вдвое.<br><br>
    В штаб-квартире НАТО в Брюсселе заявили, что учения носят оборонительный характер.</div></td></tr></table>
    <div class="copy">© Вести региона</div></body></html>`;

  it('reads each paragraph as a block, a single <br> not splitting one', () => {
    load(PAGE);
    const { x } = read('https://vesti.example.ru/news.php?id=77');
    const paragraphs = blockTexts(x).filter(([k]) => k === 'paragraph');
    expect(paragraphs.map(([, t]) => t)).toEqual([
      'Министр иностранных дел России Сергей Лавров заявил в понедельник, что альянс наращивает войска у границ России и готовится к большой войне.',
      '«Мы видим, что они делают, и сделаем выводы», — сказал Лавров журналистам в Москве после встречи с коллегой.',
      'По его словам, учения альянса у российских границ стали самыми крупными за последние годы, а число самолётов выросло вдвое.',
      'В штаб-квартире НАТО в Брюсселе заявили, что учения носят оборонительный характер.',
    ]);
    expectOffsetMap(x);
  });

  it('takes the text container for the article (not the page), so the menu, side column and footer stay out', () => {
    load(PAGE);
    const { x } = read('https://vesti.example.ru/news.php?id=77');
    expect(x.root.className).toBe('news-text');
    expect(x.text).not.toMatch(/Главная|Политика|Лента|Архив|©/);
    expect(x.blocks[0]).toMatchObject({ kind: 'title' });
  });

  it('highlights the quote and the names in <br>-separated paragraphs', () => {
    load(PAGE);
    const { x, a } = read('https://vesti.example.ru/news.php?id=77');
    const quote = a.quotes.find((q) => q.speaker?.id === 'sergei-lavrov');
    expect(quote?.text).toBe('Мы видим, что они делают, и сделаем выводы');
    // In its own paragraph: the block is the part of the text container between two double breaks.
    const block = x.blocks.find((b) => quote && b.start <= quote.start && quote.start < b.end);
    expect(block?.part?.after?.tagName).toBe('BR');
    expect(block?.part?.before?.tagName).toBe('BR');
    expectHighlighting(x, a);
  });

  it('never takes a block of links for the text, however long', () => {
    const links = Array.from({ length: 40 }, (_, i) => `<a href="/r/${i}">Regional news from the district number ${i}</a>`).join(' | ');
    load(`<!doctype html><html><body><div class="links">${links}</div>
      <div class="story">Министр обороны заявил в среду, что армия получит новые системы противовоздушной обороны до конца года.<br><br>
      По его словам, первые комплексы уже прибыли на полигон и проходят испытания вместе с экипажами.</div></body></html>`);
    const { x } = read();
    expect(x.root.className).toBe('story');
    expect(x.blocks).toHaveLength(2);
  });

  it('splits an inline wrapper of old pages (<font>) at its double breaks too', () => {
    load(
      `<!doctype html><html><body><table><tr><td><font face="Arial">Первый абзац о переговорах министров в Женеве, которые шли весь день и закончились поздно вечером.<br><br>Второй абзац: министры договорились встретиться снова через месяц в том же составе.</font></td></tr></table></body></html>`,
    );
    const { x } = read();
    expect(blockTexts(x)).toEqual([
      ['paragraph', 'Первый абзац о переговорах министров в Женеве, которые шли весь день и закончились поздно вечером.'],
      ['paragraph', 'Второй абзац: министры договорились встретиться снова через месяц в том же составе.'],
    ]);
    expectOffsetMap(x);
  });
});

describe('plain text put straight into <body>', () => {
  const PAGE = `Russian Foreign Minister Sergei Lavrov said on Friday that talks with the alliance were pointless. "There is nothing to discuss," Lavrov said.

NATO Secretary General Mark Rutte replied that the door stayed open. "We are ready to talk when Moscow is," Rutte told reporters.
Kremlin spokesman Dmitry Peskov declined to comment.`;

  it('reads its paragraphs, split at blank lines', () => {
    load(PAGE);
    const { x } = read();
    expect(blockTexts(x)).toEqual([
      [
        'paragraph',
        'Russian Foreign Minister Sergei Lavrov said on Friday that talks with the alliance were pointless. "There is nothing to discuss," Lavrov said.',
      ],
      [
        'paragraph',
        'NATO Secretary General Mark Rutte replied that the door stayed open. "We are ready to talk when Moscow is," Rutte told reporters.\nKremlin spokesman Dmitry Peskov declined to comment.',
      ],
    ]);
    expectOffsetMap(x);
  });

  it('finds the officials and highlights each paragraph of the one text node in its own place', () => {
    load(PAGE);
    const { x, a } = read();
    expect(a.officials.map((o) => o.id)).toEqual(expect.arrayContaining(['sergei-lavrov', 'mark-rutte', 'dmitry-peskov']));
    expect(a.quotes.map((q) => [q.text, q.speaker?.id])).toContainEqual(['We are ready to talk when Moscow is,', 'mark-rutte']);
    expectHighlighting(x, a);
  });
});

describe('between the headline and the article body', () => {
  it('reads the lead picture’s caption (and credit) in the <article> before the body, and dates from it', () => {
    load(`<!doctype html><html lang="en"><head><title>Drills in the north</title><meta property="og:type" content="article"></head><body>
      <article><header><h1>Allies practise winter defence in the far north</h1><div class="byline">By Anna Berg</div></header>
      <figure class="hero"><img src="/snow.jpg" alt=""><figcaption>Soldiers cross a frozen lake near Ivalo, Finland, on February 14, 2024. <span class="credit">Photo: Lars Holm</span></figcaption></figure>
      <div class="article-body"><p>Thousands of soldiers from the alliance trained in deep snow this week, practising how to move supplies along the few roads of the region.</p>
      <p>Officers said the cold was the hardest enemy, with temperatures far below zero for most of the exercise.</p></div></article></body></html>`);
    const { x, a } = read();
    expect(blockTexts(x).slice(0, 3)).toEqual([
      ['title', 'Allies practise winter defence in the far north'],
      ['byline', 'By Anna Berg'],
      ['caption', 'Soldiers cross a frozen lake near Ivalo, Finland, on February 14, 2024. Photo: Lars Holm'],
    ]);
    expect([a.date, a.dateSource]).toEqual(['2024-02-14', 'caption']);
    expectOffsetMap(x);
  });

  it('reads a dateline between the headline and the body, and dates from it', () => {
    load(`<!doctype html><html lang="en"><head><title>Summit</title></head><body><main><article>
      <h1>Leaders meet in Madrid</h1><p class="dateline">MADRID, Spain, June 29, 2022</p>
      <div class="article-body"><p>Leaders of the alliance met in Madrid on Wednesday and agreed on a new strategic concept for the coming decade.</p></div>
      </article></main></body></html>`);
    const { x, a } = read();
    expect(blockTexts(x).slice(0, 2)).toEqual([
      ['title', 'Leaders meet in Madrid'],
      ['dateline', 'MADRID, Spain, June 29, 2022'],
    ]);
    expect([a.date, a.dateSource]).toEqual(['2022-06-29', 'dateline']);
    // A date the page shows beside its headline is a date it offers.
    expect(x.meta.dates).toContainEqual({ value: 'MADRID, Spain, June 29, 2022', source: 'dateline' });
  });

  it('dates an old page from the date element beside its headline', () => {
    load(`<!doctype html><html><body><table><tr><td><h1>Министр ответил альянсу</h1><span class="date">07.03.2024</span><br><br>
      <div class="text">Министр заявил во вторник, что ответит на любые шаги альянса у границ страны, и назвал учения провокацией.<br><br>
      Он добавил, что переговоры возможны только после отвода войск от границы.</div></td></tr></table></body></html>`);
    const { x, a } = read();
    expect(blockTexts(x)[1]).toEqual(['dateline', '07.03.2024']);
    expect([a.date, a.dateSource]).toEqual(['2024-03-07', 'dateline']);
  });

  it('reads a date under the headline by its text when generated class names say nothing', () => {
    load(`<!doctype html><html lang="en"><head><title>Grudge</title></head><body><main>
      <div class="q1x"><h1 class="zz9">An old grudge explains the hack, she says</h1><p class="k2">The remarks came at a dinner for donors.</p>
      <div class="a7"><span class="b3">By Tom Example</span><div class="c4">December 16, 2016, 4:19 PM</div></div></div>
      <article><p>The former candidate told donors on Thursday that the hacking had been ordered out of a personal grudge against her.</p></article>
      </main></body></html>`);
    const { x, a } = read();
    expect(blockTexts(x).slice(0, 2)).toEqual([
      ['title', 'An old grudge explains the hack, she says'],
      ['dateline', 'December 16, 2016, 4:19 PM'],
    ]);
    expect([a.date, a.dateSource]).toEqual(['2016-12-16', 'dateline']);
    // Text there that is not a date is still not read.
    expect(x.text).not.toContain('dinner for donors');
    expectOffsetMap(x);
  });

  it('takes only dates, bylines, captions and credits from there, never other text, and nothing after the body', () => {
    load(`<!doctype html><html lang="en"><head><title>Talks</title></head><body><article>
      <h1>Talks resume in Geneva</h1><p class="standfirst">A summary written by the editors.</p>
      <div class="related"><span class="date">January 2, 2020</span> An older story</div>
      <div class="article-body"><p>Negotiators returned to Geneva on Monday for a second round of talks about arms control in Europe.</p></div>
      <div class="caption">A caption after the body, 2019</div>
      </article></body></html>`);
    const { x } = read();
    expect(x.text).not.toMatch(/summary written|older story|January 2, 2020|after the body/);
    expect(x.blocks.map((b) => b.kind)).toEqual(['title', 'paragraph']);
  });

  it('looks no further when the headline comes after the body', () => {
    load(`<!doctype html><html lang="en"><head><title>Odd</title></head><body>
      <div class="article-body"><p>The text of the story comes first on this page, before its headline, which is unusual but happens.</p></div>
      <h1>Headline after the story</h1><div class="date">March 3, 2021</div></body></html>`);
    const { x } = read();
    expect(x.text).not.toContain('March 3, 2021');
  });
});
