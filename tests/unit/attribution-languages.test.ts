/**
 * Attribution conventions of French, Spanish, German, Polish, Russian and
 * Ukrainian news, and term quotes, in our own sentences. Each case failed
 * before the mechanism it covers.
 */
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/core/text/tokens.ts';
import { analyseText, speakers } from '../helpers/analyse.ts';

const names = (text: string) => speakers(analyseText(text)).map(([q, s]) => [q.replace(/[.,]$/, ''), s]);

describe('an attribution set inside the quote marks (incise)', () => {
  it('splits the quote around the incise and gives both pieces to the speaker', () => {
    expect(names('Kaja Kallas était à Bruxelles.\n\n« La paix, a affirmé Kaja Kallas, ne peut pas être une capitulation. »')).toEqual([
      ['La paix', 'Kaja Kallas'],
      ['ne peut pas être une capitulation', 'Kaja Kallas'],
    ]);
    expect(names('Emmanuel Macron habló en París.\n\n«La paz —dijo Macron— no puede significar la rendición de Ucrania».')).toEqual([
      ['La paz', 'Emmanuel Macron'],
      ['no puede significar la rendición de Ucrania', 'Emmanuel Macron'],
    ]);
    expect(names('Dmitry Peskov spoke.\n\n«Мы не хотим эскалации, — сказал Песков, — но ответ будет».')).toEqual([
      ['Мы не хотим эскалации', 'Dmitry Peskov'],
      ['но ответ будет', 'Dmitry Peskov'],
    ]);
    expect(names('Radosław Sikorski mówił w Sejmie.\n\n„Nie chcemy wojny – powiedział Sikorski – ale jesteśmy gotowi”.')).toEqual([
      ['Nie chcemy wojny', 'Radosław Sikorski'],
      ['ale jesteśmy gotowi', 'Radosław Sikorski'],
    ]);
  });

  it('reads a pronoun written into the verb (“a-t-elle ajouté”)', () => {
    expect(names('Kaja Kallas était à Paris.\n\n« Nous resterons, a-t-elle ajouté, aussi longtemps qu’il le faudra. »')).toEqual([
      ['Nous resterons', 'Kaja Kallas'],
      ['aussi longtemps qu’il le faudra', 'Kaja Kallas'],
    ]);
  });

  it('leaves a quote alone when the words after a comma are not an attribution', () => {
    const a = analyseText('Mark Rutte said: “The plan, said by some to be late, is on time.”');
    expect(a.quotes).toHaveLength(1);
  });
});

describe('subjects other languages leave out or place differently', () => {
  it('gives a verb with no subject to the person the text is about (pro-drop)', () => {
    expect(
      names('Boris Pistorius llegó a Vilna el lunes.\n\n«Alemania cumplirá sus compromisos», aseguró. «La brigada estará lista», añadió.'),
    ).toEqual([
      ['Alemania cumplirá sus compromisos', 'Boris Pistorius'],
      ['La brigada estará lista', 'Boris Pistorius'],
    ]);
    // The verb's gender picks the woman, not the man named after her.
    expect(names('Kaja Kallas przyjechała do Warszawy z Markiem Example.\n\n„Rosja testuje naszą jedność” – powiedziała.')).toEqual([
      ['Rosja testuje naszą jedność', 'Kaja Kallas'],
    ]);
  });

  it('takes an institution after a locative as the speaker (“заявили в НАТО”, “говорится в заявлении МИД”)', () => {
    expect(
      names(
        [
          'Intro.',
          '«Альянс внимательно следит за ситуацией», — заявили в НАТО.',
          '«Эти действия нарушают международное право», — говорится в заявлении МИД России.',
        ].join('\n\n'),
      ),
    ).toEqual([
      ['Альянс внимательно следит за ситуацией', 'North Atlantic Treaty Organization'],
      ['Эти действия нарушают международное право', 'Ministry of Foreign Affairs of Russia'],
    ]);
  });

  it('finds an institution and a country in another grammatical case (“в Кремле”, “министр обороны России”)', () => {
    expect(
      names(
        [
          'Intro.',
          '«Москва ответит», — заявили в Кремле.',
          '«Это ошибка», — заявил министр обороны России.',
          'Как заявил глава МИД Сергей Лавров, «решений пока нет».',
        ].join('\n\n'),
      ).map(([, s]) => s),
    ).toEqual(['Presidential Executive Office', 'Andrei Belousov', 'Sergei Lavrov']);
  });

  it('keeps an institution as the speaker when words follow it (“a affirmé le Kremlin lundi”, “l’OTAN”)', () => {
    expect(
      names(
        [
          'Intro.',
          '« Cette décision est une provocation », a affirmé le Kremlin lundi.',
          '« Les Alliés suivent la situation », a indiqué l’OTAN dans un communiqué.',
          '“Los aliados siguen de cerca la situación”, señaló la OTAN en un comunicado.',
          '„Die Allianz beobachtet die Lage genau“, teilte die NATO in einer Erklärung mit.',
          '„Sojusznicy monitorują sytuację” – przekazało NATO w komunikacie.',
        ].join('\n\n'),
      ).map(([, s]) => s),
    ).toEqual([
      'Presidential Executive Office',
      'North Atlantic Treaty Organization',
      'North Atlantic Treaty Organization',
      'North Atlantic Treaty Organization',
      'North Atlantic Treaty Organization',
    ]);
  });

  it('resolves a bare title in another language to the holder named before it', () => {
    expect(
      names(
        'Sergueï Lavrov était à Ankara jeudi.\n\n« L’Occident joue avec le feu », a déclaré le ministre russe des Affaires étrangères.',
      ),
    ).toEqual([['L’Occident joue avec le feu', 'Sergei Lavrov']]);
    expect(
      names('Сергей Лавров выступил в Москве.\n\n«Мы открыты к переговорам», — сказал он. «Но не на наших условиях», — добавил министр.'),
    ).toEqual([
      ['Мы открыты к переговорам', 'Sergei Lavrov'],
      ['Но не на наших условиях', 'Sergei Lavrov'],
    ]);
  });

  it('reads “former” in Cyrillic: a former minister is not today’s', () => {
    const a = analyseText(
      'Андрей Белоусов прибыл в Минск.\n\n«Это ошибка», — заявил министр обороны.\n\n«Это ошибка», — заявил бывший министр обороны.',
    );
    expect(a.quotes.map((q) => q.speaker?.name ?? null)).toEqual(['Andrei Belousov', null]);
  });

  it('reads a subject after a short adverbial that follows the verb (“powiedział w Sejmie premier X”)', () => {
    expect(
      names(
        [
          'Intro.',
          '„Jesteśmy gotowi” – powiedział w Sejmie premier Donald Tusk.',
          '„Wir sind bereit“, sagte am Montag Verteidigungsminister Boris Pistorius.',
        ].join('\n\n'),
      ).map(([, s]) => s),
    ).toEqual(['Donald Tusk', 'Boris Pistorius']);
  });

  it('reads the subject past an adverb between it and the verb (“Мария Захарова позднее заявила”)', () => {
    expect(names('Intro.\n\nМария Захарова позднее заявила, что встреча стала «важным шагом».')).toEqual([
      ['важным шагом', 'Maria Zakharova'],
    ]);
  });

  it('knows plural, neuter and question verbs of saying', () => {
    expect(
      names(
        [
          'Intro.',
          '„Wie geht es weiter mit der Ukraine?“, fragte Olaf Scholz.',
          '“Tenemos miedo, pero no nos vamos”, contó Anna Berg, una jubilada de Tallin.',
        ].join('\n\n'),
      ).map(([, s]) => s),
    ).toEqual(['Olaf Scholz', 'Anna Berg']);
  });
});

describe('terms and titles', () => {
  it('treats a “so-called” term as a term even in a sentence with a speaker', () => {
    const a = analyseText('Dmitry Peskov said the so-called “coalition of the willing” was “a dangerous illusion that leads nowhere.”');
    expect(a.quotes.map((q) => [q.kind, q.speaker?.name ?? null])).toEqual([
      ['scare', 'Dmitry Peskov'],
      ['speech', 'Dmitry Peskov'],
    ]);
  });

  it('keeps a term after “the phrase” a term inside a quoted speaker’s paragraph', () => {
    const a = analyseText('Mark Rutte spoke first. “We stay,” he said. The phrase “steel wall” was not his.');
    expect(a.quotes.map((q) => q.kind)).toEqual(['speech', 'scare']);
  });

  it('does not read “state media” as a verb of saying', () => {
    const a = analyseText('Russian state media avoid the words “war,” “invasion” and “occupation.”');
    expect(a.quotes.map((q) => q.kind)).toEqual(['scare', 'scare', 'scare']);
  });

  it('treats a sentence-case title after a noun naming a work as a title', () => {
    const a = analyseText('Le ministre était l’invité de l’émission « C à vous » sur France 5.');
    expect(a.quotes.map((q) => q.kind)).toEqual(['scare']);
  });

  it('does not close a single-quoted quote at a plural possessive', () => {
    expect(names('‘The allies’ position is clear,’ Jens Stoltenberg said.')).toEqual([
      ['The allies’ position is clear', 'Jens Stoltenberg'],
    ]);
  });
});

describe('tokens', () => {
  it('splits an elided article from the word it precedes, and nothing else', () => {
    const t = (s: string) => tokenize(s).map((x) => x.text);
    expect(t('l’OTAN d’Emmanuel qu’il')).toEqual(['l’', 'OTAN', 'd’', 'Emmanuel', 'qu’', 'il']);
    expect(t("don’t O'Brien Russia’s rock ’n’ roll")).toEqual(['don’t', "O'Brien", 'Russia’s', 'rock', '’', 'n', '’', 'roll']);
  });
});
