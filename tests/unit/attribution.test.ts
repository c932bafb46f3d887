/**
 * Attribution patterns, in our own sentences. Real officials from the
 * dataset are named so roles resolve; every quote is invented.
 */
import { describe, expect, it } from 'vitest';
import { analyze as analyzeCore } from '../../src/core/analysis/analyze.ts';
import { textToBlocks } from '../../src/core/analysis/plaintext.ts';
import { bundledDataset } from '../../src/core/dataset/bundled.ts';
import { analyseText, speakers, TODAY } from '../helpers/analyse.ts';

/** Plain text with its first line as the headline, as the plain-text reader marks it. */
const analyze = (text: string) =>
  analyzeCore({ text, blocks: textToBlocks(text), meta: {}, date: '2025-06-25', today: TODAY }, bundledDataset());

describe('attribution patterns (English)', () => {
  it('“…,” X said', () => {
    expect(speakers(analyseText('“We are ready for any scenario,” Mark Rutte said on Tuesday.'))).toEqual([
      ['We are ready for any scenario,', 'Mark Rutte'],
    ]);
  });

  it('“…,” said X', () => {
    expect(speakers(analyseText('“The talks were useful,” said Sergei Lavrov.'))).toEqual([['The talks were useful,', 'Sergei Lavrov']]);
  });

  it('X said: “…”', () => {
    expect(speakers(analyseText('Volodymyr Zelensky said: “Our air defence needs more systems.”'))).toEqual([
      ['Our air defence needs more systems.', 'Volodymyr Zelensky'],
    ]);
  });

  it('X said that … “…” (partial quote)', () => {
    expect(speakers(analyseText('Kaja Kallas said that the sanctions would stay “as long as it takes” for Moscow.'))).toEqual([
      ['as long as it takes', 'Kaja Kallas'],
    ]);
  });

  it('according to X', () => {
    expect(speakers(analyseText('The drills were “purely defensive,” according to Mark Rutte.'))).toEqual([
      ['purely defensive,', 'Mark Rutte'],
    ]);
  });

  it('X told reporters / added / warned / wrote / said in an interview', () => {
    const a = analyseText(
      [
        'Andrii Sybiha told reporters: “We expect a clear answer.”',
        '“There will be no pause,” Dmitry Peskov warned.',
        'Pete Hegseth wrote on social media that allies must “step up now.”',
        '“It is a long road,” Kaja Kallas said in an interview.',
        '“We will keep our promises,” Mark Rutte added.',
      ].join('\n\n'),
    );
    expect(speakers(a).map(([, s]) => s)).toEqual(['Andrii Sybiha', 'Dmitry Peskov', 'Pete Hegseth', 'Kaja Kallas', 'Mark Rutte']);
  });

  it('reads the subject through apposition, party tags and parentheticals', () => {
    const a = analyseText(
      [
        '“The brigade stays,” Mark Rutte, the alliance’s secretary general, said.',
        '“No decision yet,” the Kremlin spokesman, Dmitry Peskov, told reporters.',
        '“We will vote for the package,” Sen. Jeanne Example (D-N.H.) said on Monday.',
        '“It is a good first step,” Kaja Kallas, who met the ministers in Brussels on Monday, said.',
        '“The navy is ready,” Anna Example, an adviser to Pete Hegseth, said.',
      ].join('\n\n'),
    );
    expect(speakers(a).map(([, s]) => s)).toEqual(['Mark Rutte', 'Dmitry Peskov', 'Jeanne Example', 'Kaja Kallas', 'Anna Example']);
  });

  it('does not take a noun or a passive for a speech verb', () => {
    const a = analyseText('Kaja Kallas called Sergei Lavrov’s remarks “a provocation”. The plan was announced as “final” by the ministry.');
    expect(a.quotes[0]?.speaker?.name).toBe('Kaja Kallas');
  });

  it('reads a surname after a courtesy title even when it is also a title word', () => {
    const a = analyseText('“We are not leaving,” Mr. King said. “The brigade stays.”');
    expect(speakers(a)).toEqual([
      ['We are not leaving,', 'King'],
      ['The brigade stays.', 'King'],
    ]);
  });

  it('takes a name in apposition after an inverted cue', () => {
    const a = analyseText('“The talks failed,” said another analyst, Jana Examplova. “Nobody was surprised.”');
    expect(speakers(a).map(([, s]) => s)).toEqual(['Jana Examplova', 'Jana Examplova']);
  });

  it('gives participles, coordinated and infinitive cues the subject of the main clause', () => {
    const a = analyseText(
      [
        'Mark Rutte criticised the plan on Tuesday, saying it would “weaken deterrence for years.”',
        'Kaja Kallas met the ministers and said the sanctions were “working as intended.”',
        'Dmitry Peskov went on to say the offer was “not serious.”',
        'Le ministre Jean-Noël Barrot a rencontré Andrii Sybiha, ajoutant que la France « ne reculera pas ».',
        'Министр Сергей Лавров выступил в Москве, добавив, что переговоры «зашли в тупик».',
      ].join('\n\n'),
    );
    expect(speakers(a).map(([, s]) => s)).toEqual(['Mark Rutte', 'Kaja Kallas', 'Dmitry Peskov', 'Jean-Noël Barrot', 'Sergei Lavrov']);
  });

  it('gives a quote after a colon to the subject of the clause before it', () => {
    const a = analyseText('When Sergei Lavrov suggested a pause, Andrii Sybiha fired back: “There will be no pause.”');
    expect(speakers(a)).toEqual([['There will be no pause.', 'Andrii Sybiha']]);
  });

  it('keeps the speaker across the first quote’s own attribution clause', () => {
    const a = analyseText(
      '“We will stay as long as needed,” Pete Hegseth said, adding that Dmitry Peskov had called the deployment a provocation. “Our allies can count on us.”',
    );
    expect(speakers(a).map(([, s]) => s)).toEqual(['Pete Hegseth', 'Pete Hegseth']);
  });

  it('reads party-state tags with and without parentheses', () => {
    const a = analyseText(
      [
        'Sen. Jane Example, R-Ky., told reporters that the vote could be “delayed by weeks.”',
        '“It will pass,” said Rep. G.K. Example (D-N.C.), head of the caucus.',
      ].join('\n\n'),
    );
    expect(speakers(a).map(([, s]) => s)).toEqual(['Jane Example', 'G.K. Example']);
  });

  it('does not take an organisation after “of the” for a name', () => {
    const a = analyseText('Jan Example, president of the Baltic Example Institute, said, “The region needs more air defence.”');
    expect(a.quotes[0]?.speaker?.name).toBe('Jan Example');
  });

  it('resolves pronouns to the right person', () => {
    const a = analyseText(
      'Kaja Kallas met Mark Rutte in Brussels on Monday.\n\n“The pressure must continue,” she said.\n\n“We agree completely,” he said.',
    );
    expect(speakers(a)).toEqual([
      ['The pressure must continue,', 'Kaja Kallas'],
      ['We agree completely,', 'Mark Rutte'],
    ]);
  });

  it('resolves a role noun through the dataset at the article date', () => {
    const text = 'Pete Hegseth arrived at the alliance headquarters.\n\n“We need every ally to do more,” the defense secretary said.';
    expect(speakers(analyseText(text, '2025-06-05'))).toEqual([['We need every ally to do more,', 'Pete Hegseth']]);
  });

  it('resolves a country-qualified role noun with no name in the article', () => {
    const text = 'The talks stalled again.\n\n“Nothing has changed,” Russia’s foreign minister said.';
    expect(speakers(analyseText(text, '2025-06-05'))).toEqual([['Nothing has changed,', 'Sergei Lavrov']]);
  });

  it('continues the speaker into the next sentence and the next paragraph', () => {
    const a = analyseText(
      '“We are not leaving,” Mark Rutte said. “Not now, not ever.”\n\n“The alliance is stronger than it has been for decades.”',
    );
    expect(speakers(a).map(([, s]) => s)).toEqual(['Mark Rutte', 'Mark Rutte', 'Mark Rutte']);
  });

  it('takes organisations as speakers', () => {
    const a = analyseText('“The exercise threatens regional stability,” the Kremlin said in a statement.');
    expect(a.quotes[0]?.speaker).toMatchObject({ type: 'organisation', id: 'ru-presidential-administration' });
  });

  it('says so when there is no recoverable speaker', () => {
    const a = analyseText('The report ended with a line that many repeated: “Deterrence only works if it is credible.”');
    expect(a.quotes[0]?.speaker).toBeNull();
  });

  it('treats titles of works and headline fragments as scare quotes, longer phrases in prose as speech', () => {
    const a = analyseText(
      'Kaja Kallas told BBC’s “Newsnight Example” that the plan was fine, and praised the book “Iron Example,” by Jan Example.',
    );
    expect(a.quotes.map((q) => q.kind)).toEqual(['scare', 'scare']);
    const h = analyze(
      'Minister Slams ‘Reckless Example’ Plan\n\nThe alliance faced what diplomats called a “deeply worrying escalation” on the border.',
    );
    expect(h.quotes.map((q) => q.kind)).toEqual(['scare', 'speech']);
  });

  it('treats names of operations, call signs and performances as names, in several languages', () => {
    const a = analyseText(
      [
        'A soldier with the call sign “Orikh,” 31, said the line held.',
        'Peskov said the ships took part in Operation “Baltic Sentry” last week.',
        'В рамках операции «Балтийский часовой» НАТО усилило патрули, заявил Песков.',
        'Trupa pokaże balet „Jezioro łabędzie” w Warszawie, powiedziała dyrektorka.',
      ].join('\n\n'),
      '2025-03-03',
    );
    expect(a.quotes.map((q) => q.kind)).toEqual(['scare', 'scare', 'scare', 'scare']);
  });

  it('treats a title in apposition to a work noun as a title, even in a sentence with a verb of saying', () => {
    const a = analyseText('Kaja Kallas said in her memoir, “Harbour Days Example,” that the talks were hard.');
    expect(a.quotes.map((q) => q.kind)).toEqual(['scare']);
    const b = analyseText('Boris Pistorius schrieb in seinem Buch, „Hafenzeiten Beispiel“, über die Marine.');
    expect(b.quotes.map((q) => q.kind)).toEqual(['scare']);
  });

  it('gives a headline quote to the name right before it, to the body quote it repeats, or to a verb with no one named', () => {
    const byName = analyze(
      'Erdogan ‘not convinced’ as talks go on\n\nANKARA — Turkish President Recep Tayyip Erdogan said on Friday he had doubts.',
    );
    expect(byName.quotes.map((q) => [q.kind, q.speaker?.id])).toEqual([['speech', 'recep-tayyip-erdogan']]);
    const echoed = analyze(
      '‘We will not be intimidated’: a week in a border town\n\nNARVA — “We will not be intimidated by anyone,” Kaja Kallas said on Friday.',
    );
    expect(echoed.quotes.map((q) => [q.kind, q.speaker?.id])).toEqual([
      ['speech', 'kaja-kallas'],
      ['speech', 'kaja-kallas'],
    ]);
    const unnamed = analyze('Nuclear watchdog warns ‘we are running out of luck’ at the plant\n\nInspectors arrived on Friday.');
    expect(unnamed.quotes.map((q) => [q.kind, q.speaker])).toEqual([['speech', null]]);
  });

  it('takes neither a dateline’s place nor “Baltic states” for a speaker', () => {
    const a = analyze(
      'Baltic states agree to build ‘defence zone’ on border\n\nLONDON, Dec 9 (Reuters) - Britain on Tuesday listed 20 tankers it says belong to Russia’s “shadow fleet” of old ships.',
    );
    expect(a.quotes.map((q) => q.speaker)).toEqual([null, null]);
    expect(a.quotes[0]?.kind).toBe('scare');
  });

  it('gives a headline quote to the person the headline names by surname', () => {
    const h = analyze('Rutte: ‘We Will Not Be Divided’\n\nMark Rutte spoke to reporters in Brussels on Tuesday about the summit.');
    expect(h.quotes.map((q) => [q.kind, q.speaker?.name])).toEqual([['speech', 'Mark Rutte']]);
  });

  it('gives a characterisation after “as a” to the subject of the clause', () => {
    const a = analyseText('Kaja Kallas has long treated the referendum as a “sham”.');
    expect(speakers(a)).toEqual([['sham', 'Kaja Kallas']]);
  });

  it('marks attributed quotes with no nameable speaker as speech with no speaker', () => {
    const a = analyseText(
      [
        'Sergei Lavrov was said to be “furious” about the vote.',
        'According to some diplomats, the summit was “a turning point.”',
        'The alliance was, in the words of one diplomat, “stronger than ever.”',
      ].join('\n\n'),
    );
    expect(a.quotes.map((q) => [q.kind, q.speaker])).toEqual([
      ['speech', null],
      ['speech', null],
      ['speech', null],
    ]);
  });

  it('does not give a “former” role to today’s office holder', () => {
    const a = analyseText('“This is a sham,” the former defense secretary said.', '2025-06-05');
    expect(a.quotes[0]?.speaker).toBeNull();
  });

  it('reads the subject after an opening conjunction', () => {
    const a = analyseText('But Mark Rutte, speaking beside Dmitry Peskov, described the talks as “useful but hard.”');
    expect(speakers(a)).toEqual([['useful but hard.', 'Mark Rutte']]);
  });

  it('does not give a quote the cue that introduces the next one', () => {
    const a = analyseText('“We were ready,” Ms. Example said. “We are not aggressors.” Mr. Sample said: “The attack was planned.”');
    expect(speakers(a).map(([, s]) => s)).toEqual(['Example', 'Example', 'Sample']);
  });

  it('gives a quote governed by a noun of speech to its owner', () => {
    const a = analyseText(
      [
        'While Mark Rutte’s clarion call for a “revolution” drew crowds, the summit went on.',
        'Kaja Kallas repeated her warning that “time is short”.',
        'The minister’s appeal for “calm” went unheeded.',
      ].join('\n\n'),
    );
    expect(a.quotes.map((q) => [q.kind, q.speaker?.name ?? null])).toEqual([
      ['speech', 'Mark Rutte'],
      ['speech', 'Kaja Kallas'],
      ['speech', null],
    ]);
  });

  it('treats whatever follows “titled” as a title', () => {
    const a = analyseText('Kaja Kallas praised a report titled “why the eastern flank must hold now” on Tuesday.');
    expect(a.quotes.map((q) => q.kind)).toEqual(['scare']);
  });

  it('keeps scare quotes apart from speech', () => {
    const a = analyseText('The plan for a “buffer zone” drew little notice, and the so-called “peace dividend” never came.');
    expect(a.quotes.map((q) => q.kind)).toEqual(['scare', 'scare']);
    // A word put in someone's mouth is speech, however short.
    const b = analyseText('Sergei Lavrov called the deployment a “provocation”.');
    expect(b.quotes.map((q) => [q.kind, q.speaker?.name])).toEqual([['speech', 'Sergei Lavrov']]);
  });

  it('finds a speaker who is not in the dataset, with the role the text gives', () => {
    const a = analyseText('“We will host the brigade,” Lithuanian Deputy Defence Minister Arvydas Pocius-Example said.');
    expect(a.quotes[0]?.speaker?.name).toBe('Arvydas Pocius-Example');
    const o = a.officials.find((x) => x.name === 'Arvydas Pocius-Example');
    expect(o).toMatchObject({ id: null, roleSource: 'text' });
    expect(o?.role).toContain('Deputy Defence Minister');
  });
});

describe('attribution in other languages', () => {
  it('reads Russian sources given as “according to”, a pronoun’s words, an adverb before the verb, and countries in a title', () => {
    const a = analyseText(
      [
        'Министр обороны Андрей Белоусов выступил перед сенаторами. По словам министра, главная задача — «навести порядок в закупках».',
        'Замглавы МИД Александр Грушко прокомментировал решение. По его словам, Хельсинки «сделал ошибку».',
        'На брифинге Мария Захарова иронично заметила, что Париж «путает зонтики».',
        'По мнению Пескова, это «провокация».',
        'Президент Финляндии Тойво Пример пообещал: «Мы ни для кого не угроза».',
        'Накануне Лавров заявил: «Мы ответим».',
      ].join('\n\n'),
      '2024-05-20',
    );
    expect(speakers(a).map(([, s]) => s)).toEqual([
      'Andrei Belousov',
      'Alexander Grushko',
      'Maria Zakharova',
      'Dmitry Peskov',
      'Тойво Пример',
      'Sergei Lavrov',
    ]);
  });

  it('reads Ukrainian second verbs after “і”, “висловив сподівання, що”, feminine titles and institutions by acronym', () => {
    const a = analyseText(
      [
        'Речниця МЗС Росії Марія Захарова назвала план «крадіжкою» і пообіцяла «болючу відповідь».',
        'Міністр закордонних справ Андрій Сибіга висловив сподівання, що «Європа продемонструє рішучість».',
        'Президентка Ради Оксана Приклад закликала до терпіння. «Мир не встановити за день», — наголосила вона.',
        '«Просимо туристів не виходити на маршрути», — наголосили в ДСНС.',
      ].join('\n\n'),
      '2025-03-03',
    );
    expect(speakers(a).map(([, s]) => s)).toEqual(['Maria Zakharova', 'Maria Zakharova', 'Andrii Sybiha', 'Оксана Приклад', 'ДСНС']);
  });

  it('reads Polish present-tense verbs and “jej zdaniem”', () => {
    const a = analyseText(
      [
        'Rzeczniczka Anna Przykładowa odniosła się do decyzji. Jej zdaniem to „krok w dobrą stronę”.',
        '„Obudził mnie huk” – opowiada Halina Przykład.',
      ].join('\n\n'),
      '2024-05-20',
    );
    expect(speakers(a)).toEqual([
      ['krok w dobrą stronę', 'Anna Przykładowa'],
      ['Obudził mnie huk', 'Halina Przykład'],
    ]);
  });

  it('gives a dropped subject to the last speaker of the paragraph before anyone it merely names', () => {
    const a = analyseText(
      [
        'Tomasz Przykład, historiador polaco, habló en Ginebra el martes.',
        'Según el historiador, la guerra «no terminará pronto», y Vladimir Putin tiene «un poder sin límites».',
        '«Es una gran tragedia», comentó refiriéndose a Rusia.',
      ].join('\n\n'),
      '2022-05-03',
    );
    expect(speakers(a).map(([, s]) => s)).toEqual(['Tomasz Przykład', 'Tomasz Przykład', 'Tomasz Przykład']);
  });

  it('reads French sources: “selon”, a pronoun past a name inside the quote, someone unnamed, a name after a role', () => {
    const a = analyseText(
      [
        'Selon Olivier Exemple, chercheur à la Fondation, ce remaniement « n’a rien d’une purge ». « Poutine se prépare à une guerre longue », analyse-t-il.',
        '« Personne ne croit aux 5 % », confiait en marge un diplomate.',
        'En France, l’opposition s’est divisée. « La dissuasion ne se partage pas », a martelé le président du Rassemblement national, Jordan Exemple.',
      ].join('\n\n'),
      '2025-03-03',
    );
    expect(speakers(a).map(([, s]) => s)).toEqual(['Olivier Exemple', 'Olivier Exemple', null, 'Jordan Exemple']);
  });

  it('reads Spanish titles, dropped subjects and incises without a subject', () => {
    const a = analyseText(
      [
        'El presidente del Gobierno, Pedro Sánchez, se mostró satisfecho: «Madrid quedará en la historia».',
        'La ministra de Derechos Sociales, Ione Ejemplo, discrepó. «Más tanques no traen la paz», lamentó, y pidió diálogo.',
        'El ministro de Exteriores, Dmitro Kuleba, agradeció el gesto. «Cada carro cuenta», escribió en Twitter.',
        'El ministro José Manuel Albares habló después. «Lo hemos logrado —dijo—. Era una prioridad».',
      ].join('\n\n'),
      '2023-03-22',
    );
    expect(speakers(a)).toEqual([
      ['Madrid quedará en la historia', 'Pedro Sánchez'],
      ['Más tanques no traen la paz', 'Ione Ejemplo'],
      ['Cada carro cuenta', 'Dmytro Kuleba'],
      ['Lo hemos logrado', 'José Manuel Albares'],
      ['Era una prioridad', 'José Manuel Albares'],
    ]);
    // The ministry's and the government's names are not people.
    expect(a.officials.map((o) => o.name)).not.toContain('Gobierno');
    expect(a.officials.map((o) => o.name)).not.toContain('Derechos Sociales');
  });

  it('reads German “der SPD-Politiker”, “die 43-Jährige”, “die Grünen-Politikerin” as the person named before, by the article’s gender', () => {
    const a = analyseText(
      [
        'Verteidigungsminister Boris Pistorius rief die Partner zur Eile auf. „Es reicht nicht, Erklärungen zu verschicken“, sagte der SPD-Politiker am Freitag.',
        'Außenministerin Annalena Baerbock widersprach. „Wir zögern nicht“, sagte die Grünen-Politikerin.',
        'Die 43-Jährige ergänzte: „Wir liefern.“',
        '„Wir prüfen das“, sagten die Experten.',
        '„Da ist noch Luft nach oben“, hieß es aus dem Umfeld des Ministers.',
      ].join('\n\n'),
      '2023-02-17',
    );
    expect(speakers(a)).toEqual([
      ['Es reicht nicht, Erklärungen zu verschicken', 'Boris Pistorius'],
      ['Wir zögern nicht', 'Annalena Baerbock'],
      ['Wir liefern.', 'Annalena Baerbock'],
      ['Wir prüfen das', null],
      ['Da ist noch Luft nach oben', null],
    ]);
  });

  it('German: „…“, sagte X / so X', () => {
    const a = analyseText('„Wir stehen zusammen“, sagte Mark Rutte.\n\n„Das ist unsere Pflicht“, so Kaja Kallas.');
    expect(speakers(a)).toEqual([
      ['Wir stehen zusammen', 'Mark Rutte'],
      ['Das ist unsere Pflicht', 'Kaja Kallas'],
    ]);
  });

  it('French: « … », a déclaré X', () => {
    const a = analyseText('« Nous ne céderons pas », a déclaré Volodymyr Zelensky.');
    expect(speakers(a)).toEqual([['Nous ne céderons pas', 'Volodymyr Zelensky']]);
  });

  it('Spanish: “…”, dijo X / según X', () => {
    const a = analyseText('“No habrá negociación”, dijo Sergei Lavrov.\n\nLa reunión fue “muy difícil”, según Kaja Kallas.');
    expect(speakers(a)).toEqual([
      ['No habrá negociación', 'Sergei Lavrov'],
      ['muy difícil', 'Kaja Kallas'],
    ]);
  });

  it('Polish: „…” – powiedział X', () => {
    const a = analyseText('„Jesteśmy gotowi” – powiedział Donald Tusk.');
    expect(speakers(a)).toEqual([['Jesteśmy gotowi', 'Donald Tusk']]);
  });

  it('Russian: «…», — заявил X (Cyrillic name)', () => {
    const a = analyseText('«Переговоры продолжатся», — заявил Дмитрий Песков.');
    expect(speakers(a)).toEqual([['Переговоры продолжатся', 'Dmitry Peskov']]);
  });

  it('characterising verbs and partial quotes in six languages', () => {
    const a = analyseText(
      [
        'Boris Pistorius nannte den Plan „einen gefährlichen Fehler“.',
        '„Wir bleiben“, hat Boris Pistorius gesagt.',
        'Emmanuel Macron a qualifié la proposition de « piège diplomatique ».',
        'Pedro Sánchez calificó la oferta de “inaceptable”.',
        'Donald Tusk nazwał ten plan „niebezpiecznym błędem”.',
        'Сергей Лавров назвал учения «провокацией».',
        'Володимир Зеленський назвав удар «терактом».',
      ].join('\n\n'),
    );
    expect(speakers(a).map(([, s]) => s)).toEqual([
      'Boris Pistorius',
      'Boris Pistorius',
      'Emmanuel Macron',
      'Pedro Sánchez',
      'Donald Tusk',
      'Sergei Lavrov',
      'Volodymyr Zelensky',
    ]);
  });

  it('reads the speaker phrase after a cue: articles, acronyms, organisations as modifiers', () => {
    const a = analyseText(
      [
        '“No habrá pausa”, según el portavoz Dmitri Peskov.',
        '„Nie oddamy ani metra” – podkreślił szef MON Władysław Kosiniak-Kamysz.',
        '“There will be no pause,” according to the Kremlin spokesman, Dmitry Peskov.',
      ].join('\n\n'),
      '2025-08-01',
    );
    expect(speakers(a).map(([, s]) => s)).toEqual(['Dmitry Peskov', 'Władysław Kosiniak-Kamysz', 'Dmitry Peskov']);
  });

  it('Ukrainian: «…», — сказав X', () => {
    const a = analyseText('«Ми вистоїмо», — сказав Володимир Зеленський.');
    expect(speakers(a)).toEqual([['Ми вистоїмо', 'Volodymyr Zelensky']]);
  });
});

describe('subjects that are harder to read', () => {
  it('reads a role through a possessive (“the alliance’s chief”) and a former office held by someone named', () => {
    const a = analyseText(
      [
        'Mark Rutte and Jens Stoltenberg met in Oslo on Monday.',
        '“Some allies are slow,” the alliance’s chief said, “but nobody is leaving.”',
        '“Ten years went quickly,” the former NATO chief said.',
        '“We spend more,” the alliance’s new chief said.',
        // Another office altogether: not NATO's Secretary General because his title has "Secretary" in it.
        '“We stay,” the defence secretary said.',
      ].join('\n\n'),
      '2025-03-03',
    );
    expect(speakers(a).map(([, s]) => s)).toEqual(['Mark Rutte', 'Mark Rutte', 'Jens Stoltenberg', 'Mark Rutte', null]);
  });

  it('resolves “he” and “she” among people whose first names we do not know, and not past someone unnamed', () => {
    const a = analyseText(
      [
        'Maksym Lytvyn, 34, commands a drone unit near the city.',
        'Zoreslava Bilyk, a 29-year-old combat medic from Ivano-Frankivsk, runs a first-aid point. “We only stop the bleeding now,” she said.',
        'A drone operator with the call sign “Pelikan” told reporters the first days were chaotic. “They did not expect us,” he said.',
        'Officials familiar with the matter said more listings were coming. “This is a process,” the person said.',
        'Her classmate, Jonas Example, was less enthusiastic. “I am against it,” he said.',
      ].join('\n\n'),
      '2025-03-01',
    );
    expect(speakers(a)).toEqual([
      ['We only stop the bleeding now,', 'Zoreslava Bilyk'],
      ['They did not expect us,', null],
      ['This is a process,', null],
      ['I am against it,', 'Jonas Example'],
    ]);
  });

  it('does not take a cue from the next sentence when a partial quote ends its sentence', () => {
    const a = analyseText(
      'Kremlin spokesman Dmitry Peskov told journalists in Moscow on Friday that Russia had offered a meeting but that Kyiv had “decided to drag its feet.” Ukrainian diplomats said no offer had come.',
      '2025-03-04',
    );
    expect(speakers(a)).toEqual([['decided to drag its feet.', 'Dmitry Peskov']]);
  });

  it('gives “it said” and “the company said” to the organisation that was the subject just before', () => {
    const a = analyseText(
      [
        'The Kremlin said the new sanctions changed nothing. “Our goals remain the same,” it said in a statement.',
        'Rosatom said the reactor was stable.',
        '“There is no danger to the population,” the company said.',
        'Analysts doubted that. “It is too early to tell,” it was said in a briefing.',
      ].join('\n\n'),
      '2025-03-04',
    );
    expect(a.quotes.filter((q) => q.kind === 'speech').map((q) => [q.speaker?.type ?? null, q.speaker?.id ?? null])).toEqual([
      ['organisation', 'ru-presidential-administration'],
      ['organisation', 'ru-rosatom'],
      [null, null],
    ]);
  });

  it('finds “Russia’s defence ministry” and gives “the statement said” to the organisation that issued it, in its paragraph only', () => {
    const a = analyseText(
      [
        'Russia’s defence ministry said its drones had hit “military-industrial facilities” overnight.',
        'The Kremlin issued a statement on Monday. “We regret the decision,” the statement said.',
        'A presidential press service we do not know said talks were planned. “The meeting will take place,” the statement said.',
      ].join('\n\n'),
      '2025-03-03',
    );
    expect(a.quotes.map((q) => q.speaker?.id ?? null)).toEqual(['ru-mod', 'ru-presidential-administration', null]);
  });

  it('does not take a place after “in” for the speaker it follows', () => {
    const a = analyseText(
      'A police officer in Narva County, who was not allowed to speak publicly, said: “They pay a few hundred euros for a photo of a bridge.”',
      '2025-03-04',
    );
    expect(speakers(a)).toEqual([['They pay a few hundred euros for a photo of a bridge.', null]]);
  });

  it('gives a pronoun to the speaker of the last quote, not to someone named after the speaker', () => {
    const a = analyseText(
      [
        '“We will answer in kind,” Dmitry Peskov said of the sanctions that Joe Biden announced on Monday.',
        '“It is a hostile step,” he added.',
        'Anna Beispiel warned Olaf Scholz in a letter. “Time is short,” she wrote.',
      ].join('\n\n'),
      '2024-03-04',
    );
    expect(speakers(a)).toEqual([
      ['We will answer in kind,', 'Dmitry Peskov'],
      ['It is a hostile step,', 'Dmitry Peskov'],
      ['Time is short,', 'Anna Beispiel'],
    ]);
  });

  it('refers a description of someone’s profession back to the person named before, in several languages', () => {
    const intro = 'Tomasz Przykład, a Polish historian, spoke in Geneva on Tuesday.\n\n';
    for (const line of [
      '“Nobody understands what comes next,” the historian told reporters.',
      'Según el historiador, la guerra “no terminará pronto”.',
      '«Мы не знаем, что будет дальше», — добавил историк.',
      '„Nikt tego nie wie” – dodał historyk.',
    ]) {
      expect(
        speakers(analyseText(intro + line, '2022-05-03')).map(([, s]) => s),
        line,
      ).toEqual(['Tomasz Przykład']);
    }
  });

  it('reaches a name through an age, a home town and a relative clause', () => {
    const a = analyseText(
      [
        '“The harbour is ours again,” Jonas Ekland, 52, of Bergen, Norway, who runs a ferry line, said in an interview.',
        'Ilse Beispiel, 47, aus Kiel, die eine Werft leitet, sagte: „Wir bauen weiter.“',
      ].join('\n\n'),
    );
    expect(speakers(a).map(([, s]) => s)).toEqual(['Jonas Ekland', 'Ilse Beispiel']);
  });

  it('reads the speaker after an inverted verb when the quoted sentence runs on past the closing mark', () => {
    const a = analyseText(
      [
        '“For most dock workers, she says the right things” about pay, said Dana Orloff, who leads a dockers’ group.',
        '„Die Lage ist ernst“ für die Werften, sagte Jan Beispiel.',
        '« La situation est grave » pour les chantiers, a déclaré Jean Exemple.',
      ].join('\n\n'),
    );
    expect(speakers(a).map(([, s]) => s)).toEqual(['Dana Orloff', 'Jan Beispiel', 'Jean Exemple']);
    // A subject before the verb still wins: an apposition ends in a comma too.
    const b = analyseText('“We stay,” former envoy Jan Example, who led the talks, said on Friday.');
    expect(speakers(b).map(([, s]) => s)).toEqual(['Jan Example']);
  });

  it('takes a name after “after”/“before” as the subject of the verb that follows it', () => {
    const a = analyseText(
      [
        'The vote came three days after Piet Vermeer told a radio station he was “not convinced” by the plan.',
        'An adviser to Piet Vermeer said the plan was “a mistake from the start.”',
      ].join('\n\n'),
    );
    expect(speakers(a).map(([, s]) => s)).toEqual(['Piet Vermeer', null]);
  });
});

describe('less common cues and speakers the article has not introduced', () => {
  it('reads phrasal verbs of saying only with their particle', () => {
    const a = analyseText(
      [
        '“They came for the free lunch,” Jan Example shot back with a grin.',
        'As Jana Sampleton pointed out in May, “The budget leaves the port without a dredger.”',
        'Jan Example pointed to the map and praised the “green corridor plan for the whole coast”.',
      ].join('\n\n'),
    );
    expect(a.quotes.map((q) => [q.cue, q.speaker?.name ?? null])).toEqual([
      ['shot', 'Jan Example'],
      ['pointed', 'Jana Sampleton'],
      ['praised', 'Jan Example'],
    ]);
  });

  it('knows more verbs of saying in several languages', () => {
    const a = analyseText(
      [
        '“We were not consulted at all,” protested Jana Example.',
        '„Das ist nicht unser Plan“, entgegnete Jan Beispiel.',
        '« Ce n’est pas notre plan », a réagi Jean Exemple.',
        '„To nie jest nasz plan” – skomentował Jan Przykład.',
        '«Это не наш план», — возразил Иван Примеров.',
      ].join('\n\n'),
    );
    expect(speakers(a).map(([, s]) => s)).toEqual(['Jana Example', 'Jan Beispiel', 'Jean Exemple', 'Jan Przykład', 'Иван Примеров']);
  });

  it('finds the name in apposition after a description, and after a description in the subject', () => {
    const a = analyseText(
      [
        '“We were not consulted,” said the mayor’s deputy, actress Ilse Example.',
        'Band member Tomo shared the news online, writing “It feels right to back this plan.”',
        'Hours later, Piet Vermolen went down to the port, telling reporters, “We stay.”',
      ].join('\n\n'),
    );
    expect(speakers(a).map(([, s]) => s)).toEqual(['Ilse Example', 'Tomo', 'Piet Vermolen']);
  });

  it('gives the words of an absolute clause “with X saying” to X', () => {
    const a = analyseText(
      'Critics were quick to respond, with Karl Example writing that the plan was “a shambles” and asking, “Who approved this?”',
    );
    expect(speakers(a).map(([, s]) => s)).toEqual(['Karl Example', 'Karl Example']);
  });

  it('does not read a plural noun before a modal as a verb of saying', () => {
    const a = analyseText(
      'Kaja Kallas said on Monday during a visit to Narva, Estonia, that states can act alone because “the border will not wait.”',
    );
    expect(speakers(a)).toEqual([['the border will not wait.', 'Kaja Kallas']]);
  });

  it('does not take the subject of a “that” clause for the speaker after the verb', () => {
    const a = analyseText('Mark Rutte met Jan Example.\n\nThe minister stated that Example’s “bold” plans would “need more work.”');
    expect(a.quotes.every((q) => q.speaker?.name !== 'Jan Example')).toBe(true);
    const b = analyseText('A senior adviser says the minister is on a “steady path” to a deal.');
    expect(b.quotes[0]?.speaker).toBeNull();
  });

  it('resolves a description subject (“the Estonian politician”) to the person named before it', () => {
    const a = analyseText(
      [
        'Kaja Kallas met foreign ministers in Brussels on Monday.',
        'In an interview with hosts Anna Berg and Jan Novak, the Estonian politician said the plan was “a test of our unity.”',
      ].join('\n\n'),
    );
    expect(speakers(a)).toEqual([['a test of our unity.', 'Kaja Kallas']]);
    // With no one named before it, a description stays unresolved.
    const b = analyseText('The Estonian politician said the plan was “a test of our unity.”');
    expect(b.quotes[0]?.speaker).toBeNull();
  });

  it('counts a name after a dateline as its sentence’s subject when resolving a pronoun', () => {
    const a = analyseText('BRUSSELS — Mark Rutte rejected the offer from Sergei Lavrov.\n\n“It is not a serious proposal,” he said.');
    expect(speakers(a)).toEqual([['It is not a serious proposal,', 'Mark Rutte']]);
  });

  it('treats a title-cased name as a title when the sentence’s full stop or comma sits inside the closing mark', () => {
    const a = analyseText('Kaja Kallas once had a small part in “Harbour Lights.” Viewers loved it.');
    expect(a.quotes.map((q) => q.kind)).toEqual(['scare']);
    const b = analyseText('Speaking on “Sunday Example,” Mark Rutte said the alliance was “ready to defend every inch.”');
    expect(b.quotes.map((q) => [q.text, q.kind])).toEqual([
      ['Sunday Example,', 'scare'],
      ['ready to defend every inch.', 'speech'],
    ]);
    // A title-cased quote that is a sentence of its own stays speech.
    const c = analyseText('Mark Rutte said: “Never Again.”');
    expect(c.quotes.map((q) => q.kind)).toEqual(['speech']);
  });

  it('gives a person the text introduces with a possessive the same name as without it', () => {
    const a = analyseText(
      'The inquiry into Maria Example’s use of a private server goes on.\n\nA critic called Example’s claim of a “right to keep them” absurd.',
    );
    expect(a.quotes[0]?.speaker).toMatchObject({ key: 'text:Maria Example', name: 'Maria Example' });
  });
});

describe('names as a reader sees them', () => {
  it('gives a name and role broken over source lines (pretty-printed HTML) on one line', () => {
    // One block, as the page layer gives a <p> whose text node keeps the source's indentation.
    const text =
      'Jana\n      Examplova, a spokeswoman\n   for the ministry, said: “We will stay.”\n\nIn Moscow, Vladimir\n   Putin was silent.';
    const a = analyzeCore(
      { text, blocks: [{ kind: 'paragraph', start: 0, end: text.length }], meta: {}, date: '2025-06-25', today: TODAY },
      bundledDataset(),
    );
    expect(speakers(a)).toEqual([['We will stay.', 'Jana Examplova']]);
    expect(a.officials.map((o) => [o.name, o.role])).toEqual([
      ['Jana Examplova', 'a spokeswoman for the ministry'],
      ['Vladimir Putin', 'President'],
    ]);
  });
});
