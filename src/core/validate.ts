/**
 * A small structural validator for untrusted values (dataset files, stored
 * settings, messages). Each checker returns a typed value or collects
 * readable errors with the path that failed; it never throws.
 */

export interface Issues {
  readonly list: string[];
}

export type Check<T> = (value: unknown, path: string, issues: Issues) => T | undefined;

function fail(issues: Issues, path: string, message: string): undefined {
  issues.list.push(`${path || '(root)'}: ${message}`);
  return undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `"${value.slice(0, 40)}"` : typeof value;
}

export const str =
  (opts: { min?: number; max?: number; pattern?: RegExp } = {}): Check<string> =>
  (v, path, issues) => {
    if (typeof v !== 'string') return fail(issues, path, `expected a string, got ${describe(v)}`);
    if (opts.min !== undefined && v.length < opts.min) return fail(issues, path, `must have at least ${opts.min} characters`);
    if (opts.max !== undefined && v.length > opts.max) return fail(issues, path, `must have at most ${opts.max} characters`);
    if (opts.pattern && !opts.pattern.test(v)) return fail(issues, path, `"${v.slice(0, 60)}" does not match ${opts.pattern}`);
    return v;
  };

export const num =
  (opts: { min?: number; max?: number; integer?: boolean } = {}): Check<number> =>
  (v, path, issues) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return fail(issues, path, `expected a number, got ${describe(v)}`);
    if (opts.integer && !Number.isInteger(v)) return fail(issues, path, 'expected an integer');
    if (opts.min !== undefined && v < opts.min) return fail(issues, path, `must be ≥ ${opts.min}`);
    if (opts.max !== undefined && v > opts.max) return fail(issues, path, `must be ≤ ${opts.max}`);
    return v;
  };

export const bool: Check<boolean> = (v, path, issues) =>
  typeof v === 'boolean' ? v : fail(issues, path, `expected true or false, got ${describe(v)}`);

export const oneOf =
  <const T extends readonly (string | number | boolean | null)[]>(values: T): Check<T[number]> =>
  (v, path, issues) =>
    (values as readonly unknown[]).includes(v)
      ? (v as T[number])
      : fail(issues, path, `expected one of ${values.map((x) => JSON.stringify(x)).join(', ')}, got ${describe(v)}`);

export const nullable =
  <T>(check: Check<T>): Check<T | null> =>
  (v, path, issues) =>
    v === null ? null : check(v, path, issues);

export const arrayOf =
  <T>(check: Check<T>, opts: { max?: number } = {}): Check<T[]> =>
  (v, path, issues) => {
    if (!Array.isArray(v)) return fail(issues, path, `expected an array, got ${describe(v)}`);
    if (opts.max !== undefined && v.length > opts.max) return fail(issues, path, `must have at most ${opts.max} items`);
    const out: T[] = [];
    let ok = true;
    v.forEach((item, i) => {
      const r = check(item, `${path}[${i}]`, issues);
      if (r === undefined) ok = false;
      else out.push(r);
    });
    return ok ? out : undefined;
  };

type Shape = Record<string, Check<unknown>>;
type Out<S extends Shape> = { [K in keyof S]: S[K] extends Check<infer T> ? T : never };
type OptionalKeys<S extends Shape, O extends keyof S> = Omit<Out<S>, O> & Partial<Pick<Out<S>, O>>;

/**
 * An object with known keys. Keys listed in `optional` may be absent. Unknown
 * keys are reported (they are usually typos in a data file) unless `allowExtra`.
 */
export function obj<S extends Shape, O extends keyof S = never>(
  shape: S,
  opts: { optional?: readonly O[]; allowExtra?: boolean } = {},
): Check<OptionalKeys<S, NoInfer<O>>> {
  const optional = new Set<keyof S>(opts.optional ?? []);
  return (v, path, issues) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      return fail(issues, path, `expected an object, got ${describe(v)}`);
    }
    const rec = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    let ok = true;
    for (const key of Object.keys(shape)) {
      const check = shape[key] as Check<unknown>;
      const p = path ? `${path}.${key}` : key;
      if (!Object.hasOwn(rec, key) || rec[key] === undefined) {
        if (optional.has(key)) continue;
        fail(issues, p, 'is required');
        ok = false;
        continue;
      }
      const r = check(rec[key], p, issues);
      if (r === undefined) ok = false;
      else out[key] = r;
    }
    if (!opts.allowExtra) {
      for (const key of Object.keys(rec)) {
        if (!Object.hasOwn(shape, key)) {
          fail(issues, path ? `${path}.${key}` : key, 'is not a known field');
          ok = false;
        }
      }
    }
    return ok ? (out as OptionalKeys<S, NoInfer<O>>) : undefined;
  };
}

/** Runs a check and returns either the value or the list of problems. */
export function validate<T>(check: Check<T>, value: unknown): { ok: true; value: T } | { ok: false; errors: string[] } {
  const issues: Issues = { list: [] };
  const r = check(value, '', issues);
  if (r === undefined || issues.list.length > 0) return { ok: false, errors: issues.list.length ? issues.list : ['invalid value'] };
  return { ok: true, value: r };
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= (days[mo - 1] ?? 0);
}

export const isoDate: Check<string> = (v, path, issues) => {
  const s = str()(v, path, issues);
  if (s === undefined) return undefined;
  return isIsoDate(s) ? s : fail(issues, path, `"${s}" is not a real date (YYYY-MM-DD)`);
};
