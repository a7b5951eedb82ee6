/**
 * The cited constant sets and papers as plain data, for the public API (`src/lib/api.ts`): the same
 * JSON files as `data.ts`, without the zod validation (which runs at build time in `data.ts` and the
 * content collections; `tests/unit/api.test.ts` checks both give the same values), so the published
 * module stays small.
 */

/** Where a value was printed: a paper id and a location in it, e.g. "Eq. (1.1); Table 5". */
export interface CitedSource {
  paper: string;
  location: string;
  /** How the value was checked (verification codes of the facts sheet). */
  verifiedBy?: string;
}

/** One fitted or printed constant with its source. */
export interface CitedConstant {
  /** The value, in `unit`. */
  value: number;
  /** TeX for the symbol as the paper writes it. */
  tex: string;
  /** Unit in words ("tokens", "PF-days", "1" for dimensionless). */
  unit: string;
  source: CitedSource;
  /** Standard error, where the source gives one. */
  se?: number;
  /** Confidence interval, where the source gives one. */
  interval?: { low: number; high: number; level: number };
  note?: string;
  /** The value as the paper prints it, where its digits differ from the value's. */
  printed?: string;
}

/** A named set of constants belonging to one fit. */
export interface CitedConstantSet {
  id: string;
  paper: string;
  label: string;
  description: string;
  constants: Record<string, CitedConstant>;
}

const files = import.meta.glob<CitedConstantSet>('../../content/data/constants/*.json', { eager: true, import: 'default' });

/** Every constant set of `content/data/constants/`, by id. */
export const citedConstantSets: Readonly<Record<string, CitedConstantSet>> = Object.fromEntries(
  Object.values(files)
    .map((set) => [set.id, set] as const)
    .sort(([a], [b]) => a.localeCompare(b)),
);

/** The plain values of the named constants of one set; throws on an unknown set or key. */
export function valuesOf<K extends string>(
  sets: Readonly<Record<string, { constants: Record<string, { value: number }> }>>,
  id: string,
  keys: readonly K[],
): Readonly<Record<K, number>> {
  const set = sets[id];
  if (!set) throw new Error(`Unknown constant set "${id}"; known: ${Object.keys(sets).join(', ')}`);
  const out = {} as Record<K, number>;
  for (const k of keys) {
    const c = set.constants[k];
    if (!c) throw new Error(`Constant set "${id}" has no "${k}"`);
    out[k] = c.value;
  }
  return out;
}
