/**
 * Looks up a person in the bundled dataset.
 *   npm run -s who -- "<name or alias>" [--date YYYY-MM-DD]
 *   npm run -s who -- --batch <file.jsonl>      (lines: {"name", "date"})
 * Prints one JSON object per query: {query, match, roleAtDate, roles}.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { bundledDataset, DatasetError } from '../core/dataset/bundled.ts';
import type { DatasetIndex, Role } from '../core/dataset/index.ts';
import { tokenize } from '../core/text/tokens.ts';
import { isIsoDate } from '../core/validate.ts';
import { emit, flag, parseArgs } from './args.ts';

interface RoleOut {
  title: string;
  org: string;
  country: string | null;
  start: string;
  end: string | null;
}

const roleOut = (r: Role): RoleOut => ({
  title: `${r.acting ? 'Acting ' : ''}${r.title}`,
  org: r.org,
  country: r.country,
  start: r.start,
  end: r.end,
});

/** A full name or alias; a surname alone only when one person has it. */
export function findPerson(data: DatasetIndex, query: string): string | null {
  const tokens = tokenize(query.trim());
  if (tokens.length === 0) return null;
  const full = data.names.matchAt(tokens, 0);
  if (full && full.to === tokens.length) return full.values[0] ?? null;
  const sur = data.surnames.matchAt(tokens, 0);
  if (sur && sur.to === tokens.length && sur.values.length === 1) return sur.values[0] ?? null;
  return null;
}

export function lookup(data: DatasetIndex, query: string, date: string) {
  const id = findPerson(data, query);
  const p = id ? data.people.get(id) : undefined;
  if (!p) return { query, match: null, roleAtDate: null, roles: [] };
  const at = data.roleAt(p.id, date);
  return { query, match: { id: p.id, name: p.name }, roleAtDate: at ? roleOut(at) : null, roles: data.allRoles(p.id).map(roleOut) };
}

function main(): number {
  const args = parseArgs(process.argv.slice(2), ['date', 'batch']);
  const today = new Date().toISOString().slice(0, 10);
  let data: DatasetIndex;
  try {
    data = bundledDataset();
  } catch (e) {
    emit({ error: e instanceof DatasetError ? e.message : String(e) });
    return 2;
  }
  const batch = flag(args, 'batch');
  if (batch) {
    let text: string;
    try {
      text = readFileSync(batch, 'utf8');
    } catch (e) {
      emit({ error: `cannot read ${batch}: ${e instanceof Error ? e.message : String(e)}` });
      return 2;
    }
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      let item: unknown;
      try {
        item = JSON.parse(line);
      } catch {
        emit({ line: i + 1, error: 'not valid JSON' });
        return;
      }
      const o = item as { name?: unknown; date?: unknown };
      if (typeof item !== 'object' || item === null || typeof o.name !== 'string') {
        emit({ line: i + 1, error: 'expected {"name": string, "date"?: "YYYY-MM-DD"}' });
        return;
      }
      if (o.date !== undefined && (typeof o.date !== 'string' || !isIsoDate(o.date))) {
        emit({ line: i + 1, query: o.name, error: `invalid date ${JSON.stringify(o.date)}: expected YYYY-MM-DD` });
        return;
      }
      emit(lookup(data, o.name, (o.date as string | undefined) ?? today));
    });
    return 0;
  }
  const query = args.positional.join(' ').trim();
  if (!query) {
    process.stderr.write('usage: npm run -s who -- "<name or alias>" [--date YYYY-MM-DD] | --batch <file.jsonl>\n');
    return 2;
  }
  const date = flag(args, 'date') ?? today;
  if (!isIsoDate(date)) {
    emit({ query, error: `invalid date ${JSON.stringify(date)}: expected YYYY-MM-DD` });
    return 2;
  }
  emit(lookup(data, query, date));
  return 0;
}

// Run only as a command, not when imported by tests or the evaluation.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main();
