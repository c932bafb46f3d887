/**
 * People who share a surname with someone in the dataset, places and
 * institutions that look like names: our own sentences.
 */
import { describe, expect, it } from 'vitest';
import { analyseText, speakers } from '../helpers/analyse.ts';

const officialIds = (text: string, date?: string) =>
  analyseText(text, date)
    .officials.filter((o) => o.id !== null)
    .map((o) => o.id);

describe('namesakes', () => {
  it('does not take a tennis player with another first name for the official', () => {
    const a = analyseText(
      'Medvedev wins in Halle\n\nHALLE — Daniil Medvedev won the title on Sunday.\n\n“I feel at home here,” Medvedev said.',
      '2024-06-23',
    );
    expect(a.officials.filter((o) => o.id === 'dmitry-medvedev')).toHaveLength(0);
    expect(speakers(a)).toEqual([['I feel at home here,', 'Daniil Medvedev']]);
  });

  it('keeps the official and the namesake apart in one article, each surname for the latest named', () => {
    const a = analyseText(
      [
        'Dmitry Medvedev warned the West again on Monday.',
        'The tennis player Daniil Medvedev, no relation, lost in Rome. “It was a bad day,” Medvedev said.',
      ].join('\n\n'),
      '2024-05-10',
    );
    const dmitry = a.officials.find((o) => o.id === 'dmitry-medvedev');
    expect(dmitry?.mentions).toHaveLength(1);
    expect(speakers(a)).toEqual([['It was a bad day,', 'Daniil Medvedev']]);
  });

  it('gives a quote to the right one of two people with one surname', () => {
    const a = analyseText(
      [
        'Estonian Prime Minister Kaja Kallas said the summit was “not as strong as we wanted.”',
        'Her predecessor Siim Kallas told the radio it had been “a missed opportunity.”',
      ].join('\n\n'),
      '2023-07-12',
    );
    expect(speakers(a).map(([, s]) => s)).toEqual(['Kaja Kallas', 'Siim Kallas']);
    expect(a.officials.find((o) => o.id === 'kaja-kallas')?.mentions).toHaveLength(1);
  });

  it('reads a transliterated or middle name as the same person', () => {
    expect(officialIds('Dmitri Medvedev spoke in Moscow on Monday.', '2024-05-10')).toEqual(['dmitry-medvedev']);
  });

  it('does not read a sentence-opening word or a plural title as a first name', () => {
    expect(officialIds('Besides Lavrov, the delegation included two generals.\n\nSergei Lavrov arrived late.', '2024-05-10')).toEqual([
      'sergei-lavrov',
    ]);
  });
});

describe('places and institutions that look like names', () => {
  it('does not take a city after “in” for the official of that surname', () => {
    expect(officialIds('The drones are made by a contractor based in Austin, Texas, the company said.', '2023-10-10')).toEqual([]);
  });

  it('does not take a possessive month or a capitalised common word for a common-word surname', () => {
    expect(officialIds('May’s meeting of the alliance is expected to approve the plan.', '2018-03-09')).toEqual([]);
    expect(officialIds('Engineers replaced a damaged Truss on the bridge on Tuesday.', '2022-10-01')).toEqual([]);
  });

  it('does not make an official of a title word before an institution (“General Assembly”, “Premier League”)', () => {
    const a = analyseText('He spoke at the UN General Assembly, then watched the Russian Premier League final.');
    expect(a.officials).toEqual([]);
  });

  it('gives a quote to a news outlet the dataset does not know as an organisation', () => {
    const a = analyseText('Intro.\n\n“The talks have stalled,” The Example Times reported on Monday.');
    expect(a.quotes[0]?.speaker).toMatchObject({ name: 'Example Times', type: 'organisation', id: null });
  });
});

describe('descriptions', () => {
  it('does not give a role phrase to the name before it when it introduces the name after it', () => {
    const a = analyseText(
      'Le ministre Jean-Noël Barrot, a reçu vendredi à Paris le secrétaire général de l’OTAN, Mark Rutte, pour parler de l’Ukraine.',
      '2025-03-07',
    );
    expect(a.descriptionChecks).toEqual([]);
  });
});

describe('who is an official', () => {
  it('finds a new official named in apposition after a role (“X’s deputy, Jana Example,”)', () => {
    const a = analyseText('Intro.\n\nSybiha’s deputy, Jana Example, briefed the ministers on energy.', '2024-12-01');
    expect(a.officials.find((o) => o.name === 'Jana Example')).toMatchObject({ id: null, isOfficial: true, role: 'Sybiha’s deputy' });
  });

  it('does not make an official of a company’s chief executive', () => {
    const a = analyseText('Chief executive Aino Example said the start-up would hire forty engineers in Espoo.');
    expect(a.officials.filter((o) => o.isOfficial)).toEqual([]);
  });
});

describe('people whose first name we do not know', () => {
  it('recognises a name by what follows it: an age, a description, a verb of saying', () => {
    const a = analyseText(
      [
        'Talks resume',
        'Jana Example, the ministry’s spokeswoman, spoke to reporters on Monday.',
        '“We have seen the reports,” she said.',
        'Kadri Sample, 54, a teacher from Tartu, was at the border.',
        '“It is quiet now,” she said.',
      ].join('\n\n'),
    );
    expect(speakers(a).map(([, s]) => s)).toEqual(['Jana Example', 'Kadri Sample']);
  });

  it('knows common first names from the countries the news covers, with the pronoun they take', () => {
    const a = analyseText('Talks resume\n\nKadri Example met Marek Sample in Tartu.\n\n“We waited for weeks,” she said.');
    expect(speakers(a).map(([, s]) => s)).toEqual(['Kadri Example']);
  });

  it('does not make a name of a description or a group opening the sentence', () => {
    const a = analyseText('Talks resume\n\nOfficials said the plan was “dangerous.”\n\nCritics said the deal was “a mistake.”');
    expect(a.quotes.map((q) => q.speaker)).toEqual([null, null]);
  });
});

describe('more sources', () => {
  it('gives a quote to the author of a statement after “according to a statement from”', () => {
    const a = analyseText('Talks resume\n\n“The border is closed,” according to a statement from the Example Interior Ministry.');
    expect(a.quotes[0]?.speaker).toMatchObject({ name: 'Example Interior Ministry', type: 'organisation' });
  });

  it('keeps a name given with a naming participle a term, whoever speaks (“The operation, dubbed “…”,”)', () => {
    const a = analyseText('Talks resume\n\nThe operation, dubbed “Eastern Example,” began on Monday, Jana Example said.');
    expect(a.quotes.map((q) => q.kind)).toEqual(['scare']);
  });
});
