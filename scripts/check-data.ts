/**
 * Checks the dataset source files and prints counts, or every problem found.
 * Usage: npm run -s data:check [-- --file regions/<name>.json]
 * With --file, only that file is checked, together with countries.json and
 * regions/nato-eu.json, which define what every region refers to.
 */
import { buildDataset } from '../src/core/dataset/schema.ts';
import { DATASET_META, DATASET_SOURCES } from '../src/data/index.ts';

const fileArg = process.argv.indexOf('--file');
const only = fileArg >= 0 ? process.argv[fileArg + 1] : undefined;
const base = ['countries.json', 'regions/nato-eu.json'];
const sources = only === undefined ? DATASET_SOURCES : DATASET_SOURCES.filter((s) => base.includes(s.name) || s.name === only);
if (only !== undefined && !sources.some((s) => s.name === only)) {
  console.error(`unknown file "${only}"; known: ${DATASET_SOURCES.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

const result = buildDataset(DATASET_META, sources);
if (!result.ok) {
  console.error(`dataset: ${result.errors.length} problem(s)`);
  for (const e of result.errors) console.error(`  ${e}`);
  process.exit(1);
}
const d = result.dataset;
const terms = d.people.reduce((n, p) => n + p.terms.length, 0);
console.log(
  `dataset ${d.meta.version} (as of ${d.meta.asOf}): ${d.people.length} people, ${terms} terms, ${d.offices.length} offices, ` +
    `${d.organisations.length} organisations, ${d.concepts.length} concepts, ${d.countries.length} countries`,
);
for (const w of result.warnings) console.log(`  warning: ${w}`);
