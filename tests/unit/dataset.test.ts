import { describe, expect, it } from 'vitest';
import { lookup } from '../../src/cli/who.ts';
import { bundledDataset } from '../../src/core/dataset/bundled.ts';
import { buildDataset } from '../../src/core/dataset/schema.ts';
import { DATASET_META, DATASET_SOURCES } from '../../src/data/index.ts';

describe('the bundled dataset', () => {
  const built = buildDataset(DATASET_META, DATASET_SOURCES);

  it('passes the schema, reference, overlap, date and name checks', () => {
    expect(built.ok ? [] : built.errors).toEqual([]);
  });

  it('covers at least 400 people with dated terms', () => {
    if (!built.ok) throw new Error('invalid dataset');
    expect(built.dataset.people.length).toBeGreaterThanOrEqual(400);
    for (const p of built.dataset.people) for (const t of p.terms) expect(t.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('has the concepts NATO/Russia news refers to', () => {
    const ids = bundledDataset().concepts;
    for (const id of ['nato-article-5', 'wales-defence-investment-pledge', 'crimea-annexation']) expect(ids.has(id)).toBe(true);
  });
});

describe('the checks catch bad data', () => {
  const base = { version: 't', asOf: '2025-01-01' };
  const country = { countries: [{ code: 'XX', name: 'Testland', aliases: [], adjectives: [] }] };
  const org = { id: 'xx-mod', name: 'Ministry', aliases: [], kind: 'ministry', country: 'XX', description: 'A test ministry.' };
  const office = { id: 'xx.defence-minister', title: 'Minister', org: 'xx-mod', country: 'XX', kind: 'defence-minister', roleNouns: [] };
  const person = (id: string, name: string, start: string, end: string | null) => ({
    id,
    name,
    aliases: [],
    pronoun: 'she',
    terms: [{ office: 'xx.defence-minister', start, end, source: 'Q1' }],
  });
  const check = (people: unknown[], extra: Record<string, unknown> = {}) =>
    buildDataset(base, [
      { name: 'c', value: country },
      { name: 'x', value: { organisations: [org], offices: [office], people, ...extra } },
    ]);

  it('rejects two holders of a single-holder office at once', () => {
    const r = check([person('a-b', 'Ann Bee', '2020-01-01', '2022-01-01'), person('c-d', 'Cat Dee', '2021-06-01', null)]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join()).toMatch(/overlap/);
  });

  it('rejects impossible dates', () => {
    const r = check([person('a-b', 'Ann Bee', '2021-02-30', null)]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(/not a real date/);
  });

  it('rejects unknown references', () => {
    const r = check([
      {
        ...person('e-f', 'Eve Eff', '2010-01-01', '2011-01-01'),
        terms: [{ office: 'nowhere', start: '2010-01-01', end: null, source: 'Q2' }],
      },
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(/unknown office "nowhere"/);
  });

  it('rejects the same name for two people', () => {
    const r = check([
      person('a-b', 'Ann Bee', '2010-01-01', '2011-01-01'),
      { ...person('a-b2', 'Other Person', '2012-01-01', '2013-01-01'), aliases: ['Ann Bee'] },
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join()).toMatch(/belongs to both/);
  });

  it('names the file and field of a schema error', () => {
    const r = buildDataset(base, [{ name: 'regions/broken.json', value: { people: [{ id: 'Bad Id', name: 'x' }] } }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^regions\/broken\.json: people\[0\]\.id/);
  });
});

/** Public facts, checked against the dataset: [name as queried, date, expected title or null, country]. */
const SPOT_CHECKS: [string, string, string | null, string | null][] = [
  ['James Mattis', '2017-02-16', 'Secretary of Defense', 'US'],
  ['Jim Mattis', '2020-06-01', null, null],
  ['Sergei Shoigu', '2017-02-16', 'Minister of Defence', 'RU'],
  ['Sergey Shoygu', '2024-08-01', 'Secretary of the Security Council', 'RU'],
  ['Andrei Belousov', '2024-08-01', 'Minister of Defence', 'RU'],
  ['Valeriy Gerasimov', '2017-02-16', 'Chief of the General Staff', 'RU'],
  ['Joseph Dunford', '2017-02-16', 'Chairman of the Joint Chiefs of Staff', 'US'],
  ['Joseph Dunford', '2019-12-01', null, null],
  ['Vladimir Putin', '2017-02-16', 'President', 'RU'],
  ['Dmitry Medvedev', '2017-02-16', 'Prime Minister', 'RU'],
  ['Mikhail Mishustin', '2021-01-01', 'Prime Minister', 'RU'],
  ['Sergei Lavrov', '2015-05-01', 'Minister of Foreign Affairs', 'RU'],
  ['Dmitry Peskov', '2022-03-01', null, 'RU'],
  ['Maria Zakharova', '2022-03-01', null, 'RU'],
  ['Alexander Bortnikov', '2020-01-01', null, 'RU'],
  ['Sergei Naryshkin', '2020-01-01', null, 'RU'],
  ['Nikolai Patrushev', '2020-01-01', 'Secretary of the Security Council', 'RU'],
  ['Donald Trump', '2017-02-16', 'President', 'US'],
  ['Donald Trump', '2022-02-24', null, null],
  ['Donald Trump', '2025-06-25', 'President', 'US'],
  ['Joe Biden', '2015-01-01', 'Vice President', 'US'],
  ['Joe Biden', '2022-02-24', 'President', 'US'],
  ['Barack Obama', '2015-01-01', 'President', 'US'],
  ['Lloyd Austin', '2022-02-24', 'Secretary of Defense', 'US'],
  ['Antony Blinken', '2022-02-24', 'Secretary of State', 'US'],
  ['Rex Tillerson', '2017-06-01', 'Secretary of State', 'US'],
  ['Mike Pompeo', '2019-01-01', 'Secretary of State', 'US'],
  ['Mark Milley', '2021-01-01', 'Chairman of the Joint Chiefs of Staff', 'US'],
  ['Jens Stoltenberg', '2015-01-01', 'NATO Secretary General', null],
  ['Jens Stoltenberg', '2024-10-02', null, null],
  ['Mark Rutte', '2020-01-01', 'Prime Minister', 'NL'],
  ['Mark Rutte', '2024-10-02', 'NATO Secretary General', null],
  ['Anders Fogh Rasmussen', '2014-06-01', 'NATO Secretary General', null],
  ['Volodymyr Zelensky', '2022-02-24', 'President', 'UA'],
  ['Petro Poroshenko', '2016-01-01', 'President', 'UA'],
  ['Dmytro Kuleba', '2022-02-24', 'Minister of Foreign Affairs', 'UA'],
  ['Valerii Zaluzhnyi', '2022-02-24', null, 'UA'],
  ['Oleksandr Syrskyi', '2024-06-01', null, 'UA'],
  ['Alexander Lukashenko', '2020-08-09', 'President', 'BY'],
  ['Angela Merkel', '2017-02-16', 'Federal Chancellor', 'DE'],
  ['Olaf Scholz', '2022-02-24', 'Federal Chancellor', 'DE'],
  ['Friedrich Merz', '2025-06-25', 'Federal Chancellor', 'DE'],
  ['Ursula von der Leyen', '2017-02-16', null, 'DE'],
  ['Ursula von der Leyen', '2022-02-24', 'President of the European Commission', null],
  ['Emmanuel Macron', '2022-02-24', 'President', 'FR'],
  ['Boris Johnson', '2022-02-24', 'Prime Minister', 'GB'],
  ['Theresa May', '2017-02-16', 'Prime Minister', 'GB'],
  ['Keir Starmer', '2025-01-01', 'Prime Minister', 'GB'],
  ['Ben Wallace', '2022-02-24', null, 'GB'],
  ['Kaja Kallas', '2022-02-24', 'Prime Minister', 'EE'],
  ['Kaja Kallas', '2025-01-01', 'High Representative', null],
  ['Margus Tsahkna', '2017-02-16', 'Minister of Defence', 'EE'],
  ['Donald Tusk', '2024-01-01', 'Prime Minister', 'PL'],
  ['Recep Tayyip Erdoğan', '2020-01-01', 'President', 'TR'],
  ['Recep Tayyip Erdogan', '2016-07-15', 'President', 'TR'],
  ['Sauli Niinistö', '2023-04-04', 'President', 'FI'],
  ['Alexander Stubb', '2024-06-01', 'President', 'FI'],
  ['Josep Borrell', '2022-02-24', 'High Representative', null],
  ['Federica Mogherini', '2016-01-01', 'High Representative', null],
];

describe('spot checks against public facts', () => {
  const data = bundledDataset();
  it.each(SPOT_CHECKS)('%s on %s', (name, date, title, country) => {
    const r = lookup(data, name, date);
    expect(r.match, `${name} should be in the dataset`).not.toBeNull();
    if (title === null && country === null) {
      expect(r.roleAtDate).toBeNull();
      return;
    }
    expect(r.roleAtDate).not.toBeNull();
    if (title) expect(r.roleAtDate?.title).toContain(title);
    if (country !== undefined) expect(r.roleAtDate?.country ?? null).toBe(country);
  });
});
