/**
 * The cited fixtures of `content/data/`, validated with the same schemas the content collections use.
 * Every constant the site uses is read from here; no law constant is typed anywhere in `src/`.
 */
import type { ZodType } from 'zod';
import { constantSetSchema, papersSchema, type ConstantSet, type Paper } from './schema/constants.ts';
import { tableSchema, type Table, type ConstantCell } from './schema/tables.ts';
import { modelsSchema, type Model } from './schema/models.ts';
import { formatExact, formatNumber, formatPercent, significantFigures } from './units.ts';
import { valuesOf } from './cited.ts';
import modelsJson from '../../content/data/models.json' with { type: 'json' };
import papersJson from '../../content/data/papers.json' with { type: 'json' };
import acceleratorsJson from '../../content/data/accelerators.json' with { type: 'json' };
import { acceleratorsSchema, type Accelerator } from './schema/accelerators.ts';

const constantFiles = import.meta.glob<{ default: unknown }>('../../content/data/constants/*.json', {
  eager: true,
});

/** Parse `data` with `schema`, or throw one message naming the file, the field, what was expected and received. */
export function parseFixture<T>(schema: ZodType<T>, data: unknown, file: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  throw new Error(`Invalid data fixture ${file}:\n${lines.join('\n')}`);
}

/** All papers cited by the fixtures. */
export const papers: readonly Paper[] = parseFixture(papersSchema, papersJson, 'content/data/papers.json');

/** Parse a folder of fixtures (one object per file), keyed by id; each id must equal its file name. */
function byId<T extends { id: string }>(files: Record<string, { default: unknown }>, schema: ZodType<T>): Readonly<Record<string, T>> {
  return Object.fromEntries(
    Object.entries(files).map(([file, mod]) => {
      const item = parseFixture(schema, mod.default, file);
      const expectedId = file.replace(/^.*\//, '').replace(/\.json$/, '');
      if (item.id !== expectedId) throw new Error(`Invalid data fixture ${file}: id: expected "${expectedId}", received "${item.id}"`);
      return [item.id, item];
    }),
  );
}

/** All constant sets, by id. */
export const constantSets: Readonly<Record<string, ConstantSet>> = byId(constantFiles, constantSetSchema);

/** One constant set by id; throws on an unknown id (a programming error, never reader input). */
export function constantSet(id: string): ConstantSet {
  const set = constantSets[id];
  if (!set) throw new Error(`Unknown constant set "${id}"; known: ${Object.keys(constantSets).join(', ')}`);
  return set;
}

/**
 * The plain values of the named constants of one set, typed by the keys asked for:
 * `constantsOf('kaplan-2020-summary', ['alphaN', 'Nc'])` → `{ alphaN: 0.076, Nc: 8.8e13 }`.
 * Throws when the set lacks one of them, so a law can never run with a missing constant.
 */
export function constantsOf<K extends string>(id: string, keys: readonly K[]): Readonly<Record<K, number>> {
  return valuesOf(constantSets, id, keys);
}

/**
 * A constant as a page shows it: as the paper printed it (`printed` where the fixture keeps one,
 * else every digit of the value, counts with thousands separators). Never rounded: a rounded
 * figure is a derived quantity and goes through `formatNumber`.
 */
export function formatConstant(c: ConstantSet['constants'][string]): string {
  return c.printed ?? formatExact(c.value);
}

/**
 * `showConstant('kaplan-2020-setup', 'nCtx')` → "1,024": one constant of one set, as printed.
 * `{ style: 'suffix' }` writes a count with k/M/B/T and exactly the printed significant figures
 * (8.67e9 → "8.67B", 16.55e12 → "16.55T"); `{ style: 'percent' }` a fraction as a percentage with its
 * printed figures (0.065 → "6.5%"). Neither rounds.
 */
export function showConstant(id: string, key: string, { style }: { style?: 'suffix' | 'percent' } = {}): string {
  const c = constantSet(id).constants[key];
  if (!c) throw new Error(`Constant set "${id}" has no "${key}"`);
  const printed = formatConstant(c);
  if (style === undefined) return printed;
  const sig = significantFigures(printed);
  return style === 'suffix' ? formatNumber(c.value, { style: 'suffix', sig }) : formatPercent(c.value, sig);
}

/** A paper by id. */
export function paper(id: string): Paper {
  const p = papers.find((x) => x.id === id);
  if (!p) throw new Error(`Unknown paper "${id}"`);
  return p;
}

// ---------------------------------------------------------------------------------------------
// Paper tables (content/data/tables/) and notable models (content/data/models.json).


const tableFiles = import.meta.glob<{ default: unknown }>('../../content/data/tables/*.json', { eager: true });

/** All paper tables, by id (e.g. "hoffmann-2022-table-3"); the id must equal the file name. */
export const tables: Readonly<Record<string, Table>> = byId(tableFiles, tableSchema);

/** One table by id; throws on an unknown id. */
export function table(id: string): Table {
  const t = tables[id];
  if (!t) throw new Error(`Unknown table "${id}"; known: ${Object.keys(tables).join(', ')}`);
  return t;
}

/** The constant a table cell refers to (`"<set>:<key>"`), with its set id and key; throws when it does not resolve. */
export function resolveConstantRef(ref: ConstantCell['constant']): { setId: string; key: string; constant: ConstantSet['constants'][string] } {
  const [setId = '', key = ''] = ref.split(':');
  const constant = constantSet(setId).constants[key];
  if (!constant) throw new Error(`Constant reference "${ref}": set "${setId}" has no "${key}"`);
  return { setId, key, constant };
}

/** Notable trained models, each number with its own citation. */
export const models: readonly Model[] = parseFixture(modelsSchema, modelsJson, 'content/data/models.json');

/** One model by id; throws on an unknown id. */
export function model(id: string): Model {
  const m = models.find((x) => x.id === id);
  if (!m) throw new Error(`Unknown model "${id}"`);
  return m;
}

/** Accelerator presets (dense peaks only), `content/data/accelerators.json`. */
export const accelerators: readonly Accelerator[] = parseFixture(acceleratorsSchema, acceleratorsJson, 'content/data/accelerators.json')
  .accelerators;
/** What the accelerators fixture says about itself (its source and the dense-only rule). */
export const acceleratorsAbout: string = (acceleratorsJson as { about: string }).about;
