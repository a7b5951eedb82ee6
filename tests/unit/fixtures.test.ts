/**
 * Integrity of the cited fixtures in `content/data/`: every value has a source in papers.json; no
 * constant is defined twice; no constant value is typed outside the fixtures; table references
 * resolve; Hoffmann Tables 3 and A3 obey C ≈ 6ND where the facts sheet says they do and carry a
 * note where they do not; printed strings match the stored values; bad fixtures fail with a message
 * naming the file, the field, what was expected and what was received.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  constantSets,
  constantSet,
  models,
  papers,
  parseFixture,
  resolveConstantRef,
  table,
  tables,
} from '../../src/lib/data.ts';
import { tableSchema, type NumberCell, type Table } from '../../src/lib/schema/tables.ts';
import { modelsSchema } from '../../src/lib/schema/models.ts';
import type { Source } from '../../src/lib/schema/constants.ts';
import { allocationExponents } from '../../src/lib/chinchilla.ts';

const root = join(import.meta.dirname, '..', '..');
const paperIds = new Set(papers.map((p) => p.id));

/** All files under `dir` (relative to the repository root) whose name passes `keep`; [] if `dir` is absent. */
function walk(dir: string, keep: (file: string) => boolean): string[] {
  const abs = join(root, dir);
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const rel = join(dir, name);
    if (statSync(join(root, rel)).isDirectory()) return name === 'node_modules' ? [] : walk(rel, keep);
    return keep(rel) ? [rel] : [];
  });
}

// ---------------------------------------------------------------------------------------------
// Sources

describe('every value has a source whose paper is in papers.json', () => {
  it('papers.json ids are unique', () => {
    expect(paperIds.size).toBe(papers.length);
  });

  it.each(Object.values(constantSets).map((s) => [s.id, s] as const))('constant set %s', (_id, set) => {
    expect(paperIds, `set ${set.id}: paper`).toContain(set.paper);
    for (const [key, c] of Object.entries(set.constants)) {
      expect(paperIds, `${set.id}:${key}: source.paper`).toContain(c.source.paper);
    }
  });

  it.each(Object.values(tables).map((t) => [t.id, t] as const))('table %s', (_id, t) => {
    expect(paperIds, `${t.id}: paper`).toContain(t.paper);
    expect(paperIds, `${t.id}: source.paper`).toContain(t.source.paper);
    t.rows.forEach((row, i) => {
      if (row.source) expect(paperIds, `${t.id}: rows.${i}.source.paper`).toContain(row.source.paper);
    });
  });

  it.each(models.map((m) => [m.id, m] as const))('model %s', (_id, m) => {
    if (m.paper !== undefined) expect(paperIds, `${m.id}: paper`).toContain(m.paper);
    const quantities: [string, Source][] = [
      ['parameters', m.parameters.source],
      ['trainingTokens', m.trainingTokens.source],
    ];
    if (m.reportedTrainingFlop) quantities.push(['reportedTrainingFlop', m.reportedTrainingFlop.source]);
    for (const [field, source] of quantities) expect(paperIds, `${m.id}: ${field}.source.paper`).toContain(source.paper);
  });
});

// ---------------------------------------------------------------------------------------------
// No constant defined twice

/**
 * Duplicate keys in one JSON text, as "path.key" strings. JSON.parse silently keeps the last of two
 * equal keys, so the check must read the raw text: a small recursive-descent reader of the JSON grammar.
 */
function duplicateJsonKeys(text: string): string[] {
  let i = 0;
  const dups: string[] = [];
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const str = (): string => {
    const start = i;
    i++; // opening quote
    while (text[i] !== '"') {
      if (i >= text.length) throw new Error(`unterminated string at ${start}`);
      i += text[i] === '\\' ? 2 : 1;
    }
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      const seen = new Set<string>();
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        const key = str();
        if (seen.has(key)) dups.push(path ? `${path}.${key}` : key);
        seen.add(key);
        ws();
        i++; // colon
        value(path ? `${path}.${key}` : key);
        ws();
        if (text[i++] === '}') return;
      }
    } else if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        value(`${path}[${n}]`);
        ws();
        if (text[i++] === ']') return;
      }
    } else if (ch === '"') {
      str();
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
    }
  };
  value('');
  return dups;
}

describe('no constant is defined twice', () => {
  it('the duplicate-key reader finds what JSON.parse hides', () => {
    expect(duplicateJsonKeys('{"a": 1, "b": {"c": [1, {"d": 2, "d": 3}]}, "a": "x\\"y"}')).toEqual(['b.c[1].d', 'a']);
    expect(duplicateJsonKeys('{"a": {"x": 1}, "b": {"x": 2}}')).toEqual([]);
  });

  const jsonFiles = walk('content/data', (f) => f.endsWith('.json'));
  it.each(jsonFiles)('%s has no key twice in one object', (file) => {
    expect(duplicateJsonKeys(readFileSync(join(root, file), 'utf8'))).toEqual([]);
  });

  it('no (paper, location, key) appears in two constant sets', () => {
    // A location such as "Eq. (1.1); Table 5" names two places; each place counts.
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const set of Object.values(constantSets)) {
      for (const [key, c] of Object.entries(set.constants)) {
        for (const place of c.source.location.split(';').map((s) => s.trim())) {
          const id = `${c.source.paper} | ${place} | ${key}`;
          const other = seen.get(id);
          if (other !== undefined && other !== set.id) clashes.push(`${id}: in ${other} and ${set.id}`);
          seen.set(id, set.id);
        }
      }
    }
    expect(clashes).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// No constant typed outside the fixtures

/**
 * A constant value too common to attribute to a fixture when it appears in code or prose:
 * - integers up to 1024 in magnitude (counts, dimensions, table and equation numbers, 6 in 6ND);
 * - exact powers of ten (unit prefixes: 1e3, 1e9, 1e-3) and of two (2^k, byte sizes, 2^19);
 * - values with one significant digit between 0.01 and 100 (0.05, 0.5, 0.03, 20: tolerances,
 *   opacities, step sizes).
 * Everything else — 0.076, 8.8e13, 1.69, 406.4, 0.34, 5e3, 2e8, 50257 … — must come from a fixture.
 */
function isTrivialValue(v: number): boolean {
  const a = Math.abs(v);
  if (a === 0) return true;
  if (Number.isInteger(a) && a <= 1024) return true;
  const log10 = Math.log10(a);
  if (Math.abs(log10 - Math.round(log10)) < 1e-12) return true;
  const log2 = Math.log2(a);
  if (Number.isInteger(log2) && log2 >= 0 && log2 <= 64) return true;
  const mantissa = a / Math.pow(10, Math.floor(log10));
  if (a >= 0.01 && a <= 100 && Math.abs(mantissa - Math.round(mantissa)) < 1e-9) return true;
  return false;
}

interface Literal {
  value: number;
  text: string;
  line: number;
}

const MINUS = /[−–]/g;

/** Numbers written in text: "8.8e13", "5,000", "0.076", "8.8 × 10^13", "8.8 \times 10^{13}". */
function numbersInText(text: string, lineOffset = 1): Literal[] {
  const out: Literal[] = [];
  const lineAt = (index: number) => lineOffset + (text.slice(0, index).match(/\n/g)?.length ?? 0);
  const masked = text.split('');
  // Equation, section, table, figure and appendix numbers are labels, not values: "Eq. (1.7)",
  // "Eqs. 6.4–6.5", "§2.2", "Table 2", "Figure 14", "App. B.4", "(B.16)".
  const label = /(?:\bEqs?\.\s*\(?|\bEquations?\s*\(?|§\s*|\bTables?\s+|\bFig(?:ure)?s?\.?\s+|\bApp(?:endix)?\.?\s*[A-Z]?\.?)(\d+(?:\.\d+)*(?:\s*[–-]\s*\d+(?:\.\d+)*)?)/g;
  for (const m of text.matchAll(label)) for (let k = m.index; k < m.index + m[0].length; k++) masked[k] = ' ';
  const sci = /(?<![\w.])(\d+(?:\.\d+)?)\s*(?:×|\\times|\\cdot|·|\*|x)\s*10\s*\^\s*\{?\s*([-−–]?\d+)\s*\}?/g;
  for (const m of text.matchAll(sci)) {
    out.push({ value: Number(m[1]) * Math.pow(10, Number(m[2]!.replace(MINUS, '-'))), text: m[0], line: lineAt(m.index) });
    for (let k = m.index; k < m.index + m[0].length; k++) masked[k] = ' ';
  }
  const rest = masked.join('');
  const plain = /(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:[eE]([-+−]?\d+))?(?!\w|\.\d)/g;
  for (const m of rest.matchAll(plain)) {
    const mantissa = Number(m[1]!.replace(/,/g, '') + (m[2] ?? ''));
    const exponent = m[3] === undefined ? 0 : Number(m[3].replace(MINUS, '-'));
    out.push({ value: mantissa * Math.pow(10, exponent), text: m[0], line: lineAt(m.index) });
  }
  return out;
}

/** Numeric literals of TypeScript/JavaScript code, and numbers inside its strings and JSX text; comments are ignored. */
function numbersInCode(code: string, fileName: string, lineOffset = 1): Literal[] {
  const kind = /\.[jt]sx$/.test(fileName) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, kind);
  const out: Literal[] = [];
  const visit = (node: ts.Node): void => {
    const line = lineOffset + sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
    if (ts.isNumericLiteral(node)) {
      out.push({ value: Number(node.text), text: node.getText(sf), line });
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node) || ts.isJsxText(node)) {
      out.push(...numbersInText(node.text, line));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Numbers in an .astro file: its frontmatter as code, its template as text (styles and HTML comments removed). */
function numbersInAstro(text: string, fileName: string): Literal[] {
  const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  const out: Literal[] = [];
  let template = text;
  if (fm) {
    out.push(...numbersInCode(fm[1]!, fileName.replace(/\.astro$/, '.ts'), 2));
    template = text.slice(0, fm.index) + '\n'.repeat(fm[0].split('\n').length - 1) + text.slice(fm.index + fm[0].length);
  }
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  template = template.replace(/<style[\s\S]*?<\/style>/g, blank).replace(/<!--[\s\S]*?-->/g, blank);
  out.push(...numbersInText(template));
  return out;
}

/** Numbers in an MDX chapter: everything is prose, code or maths the reader sees, except comments. */
function numbersInMdx(text: string): Literal[] {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  const cleaned = text
    .replace(/^---\r?\n[\s\S]*?\r?\n---/, blank) // frontmatter (dates, order)
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, blank)
    .replace(/<!--[\s\S]*?-->/g, blank);
  return numbersInText(cleaned);
}

function literalsIn(file: string): Literal[] {
  const text = readFileSync(join(root, file), 'utf8');
  if (file.endsWith('.astro')) return numbersInAstro(text, file);
  if (file.endsWith('.mdx') || file.endsWith('.md')) return numbersInMdx(text);
  return numbersInCode(text, file);
}

/**
 * Literals that equal a constant's value by coincidence, not by copying it: each entry names the
 * file, the literal as written, the constant it collides with, and why it is not that constant.
 * Keep this list short; a stale entry fails the test below.
 */
const ALLOWED_LITERALS: readonly { file: string; text: string; constant: string; reason: string }[] = [
  {
    file: join('src', 'lib', 'synthetic-runs.ts'),
    text: '6e18',
    constant: 'llama-team-2024-allocation:budgetMin',
    reason: 'the first of the synthetic IsoFLOP budgets (Hoffmann §3.2 style), not the lower end of Llama 3’s fitted range',
  },
  {
    file: join('src', 'lib', 'synthetic-runs.ts'),
    text: '3e20',
    constant: 'deepseek-2024-allocation:budgetMax',
    reason: 'one of the synthetic IsoFLOP budgets, not the upper end of DeepSeek’s fitted range',
  },
  {
    file: join('components', 'widgets', 'FitCalculator.astro'),
    text: '6e18',
    constant: 'llama-team-2024-allocation:budgetMin',
    reason: 'the page describes its synthetic budgets (6e18 to 3e21 FLOP), not Llama 3’s fitted range',
  },
  {
    file: join('components', 'widgets', 'crossing', 'state.ts'),
    text: '0.005',
    constant: 'muennighoff-2023-examples:isoLossGap',
    reason: 'the step of a slider, not Muennighoff et al.’s measured 0.5 % gap',
  },
  {
    file: join('components', 'example', 'controller.ts'),
    text: '3000',
    constant: 'porian-2024-setup:kaplanWarmupSteps',
    reason: 'a time limit of 3,000 ms for running an example, not Kaplan\'s 3,000 warmup steps',
  },
  {
    file: join('components', 'widgets', 'budget', 'state.ts'),
    text: '0.005',
    constant: 'muennighoff-2023-examples:isoLossGap',
    reason: 'a 0.5 % loss tolerance for the IsoFLOP range of the budget widget, not Muennighoff et al.\'s measured 0.5 % gap',
  },
  {
    file: join('components', 'figures', 'kaplan-batch.ts'),
    text: '5.3',
    constant: 'muennighoff-2023-eq17:RNstar',
    reason: 'the equation number in "Eq. (1.4) and (5.3)" of Kaplan et al., not Muennighoff et al.’s rounded R_N*',
  },
  {
    file: join('components', 'widgets', 'BatchSize.astro'),
    text: '5.3',
    constant: 'muennighoff-2023-eq17:RNstar',
    reason: 'the equation number in "Eq. (1.4)/(5.3)" of Kaplan et al., not Muennighoff et al.’s rounded R_N*',
  },
  {
    file: join('content', 'chapters', 'kaplan-learning-curves-and-batch-size.mdx'),
    text: '5.3',
    constant: 'muennighoff-2023-eq17:RNstar',
    reason: 'the equation number in "Eq. (1.4) and (5.3)" of Kaplan et al., not Muennighoff et al.’s rounded R_N*',
  },
  {
    file: join('components', 'figures', 'kaplan-ranges.ts'),
    text: '0.35',
    constant: 'muennighoff-2023-eq17:alpha',
    reason: 'a bar’s fill opacity, not Muennighoff et al.’s rounded α',
  },
  {
    file: join('components', 'widgets', 'ln-explorer', 'state.ts'),
    text: '1.5e9',
    constant: 'kaplan-2020-setup:NmaxStudied',
    reason: 'an input-format example ("1.5e9 or 1.5B") in the N field spec; the law does not read it',
  },
  {
    file: join('components', 'example', 'controller.ts'),
    text: '3000',
    constant: 'kaplan-2020-setup:warmupSteps',
    reason: 'the runnable examples\' time limit in milliseconds; equal to Kaplan\'s 3000 warm-up steps by coincidence',
  },
];

describe('no constant value is typed outside the fixtures', () => {
  it('the scanners read numbers the way people write them', () => {
    expect(numbersInText('α_N ≈ 0.076 and $N_c = 8.8 \\times 10^{13}$, B = 2·10^8, 5,000 or 5.4e13; Eq. 1.1; v7.3.5').map((l) => l.value)).toEqual([
      8.8e13,
      2e8,
      0.076,
      5000,
      5.4e13,
    ]);
    // Labels are not values: equation, section, table, figure and appendix numbers are skipped.
    expect(numbersInText('Eq. (1.7), Eqs. 6.4–6.5, §2.2, Table 2, Figure 14, Fig. 10, App. B.4 and (B.16); L* ≈ 1.7').map((l) => l.value)).toEqual([1.7]);
    const code = `// alpha 0.076 in a comment is fine\nconst x = 0.34; /* 406.4 */ const s = 'E = 1.69';\nconst big = 6.4e13;`;
    expect(numbersInCode(code, 'x.ts').map((l) => [l.value, l.line])).toEqual([
      [0.34, 2],
      [1.69, 2],
      [6.4e13, 3],
    ]);
  });

  it('the .astro and .mdx readers skip styles, comments and frontmatter but read templates, scripts and prose', () => {
    const astro = `---\nconst alpha = 0.34; // 406.4\n---\n<p>E = 1.69</p>\n<!-- 410.7 -->\n<style>.x { opacity: 0.28; }</style>\n<div data-x={0.076} />`;
    expect(numbersInAstro(astro, 'X.astro').map((l) => [l.value, l.line])).toEqual([
      [0.34, 2],
      [1.69, 4],
      [0.076, 7],
    ]);
    const mdx = `---\norder: 0.076\n---\nThe exponent is 0.095. {/* 0.103 */} <!-- 6.4e13 -->\n$N_c = 8.8 \\times 10^{13}$`;
    expect(numbersInMdx(mdx).map((l) => [l.value, l.line])).toEqual([
      [8.8e13, 5],
      [0.095, 4],
    ]);
  });

  it('the trivial-value rule', () => {
    for (const v of [0, 1, 2, 6, 10, 20, 100, 768, 1024, 1e3, 1e9, 1e-3, 524288, 0.05, 0.03, 0.5]) expect(isTrivialValue(v), String(v)).toBe(true);
    for (const v of [0.076, 8.8e13, 1.69, 406.4, 0.34, 0.28, 5e3, 2e8, 2100, 50257, 0.103, 1.3e9]) expect(isTrivialValue(v), String(v)).toBe(false);
  });

  const watched = Object.values(constantSets).flatMap((set) =>
    Object.entries(set.constants)
      .filter(([, c]) => !isTrivialValue(c.value))
      .map(([key, c]) => ({ ref: `${set.id}:${key}`, value: c.value })),
  );
  const files = [
    ...walk('src', (f) => /\.(ts|tsx|mts|js|mjs|astro)$/.test(f)),
    ...walk('components', (f) => /\.(ts|tsx|js|mjs|astro|mdx)$/.test(f)),
    ...walk('content/chapters', (f) => f.endsWith('.mdx')),
  ];

  it('scans at least the library', () => {
    expect(files).toContain(join('src', 'lib', 'data.ts'));
    expect(watched.length).toBeGreaterThan(20);
  });

  const allowedUsed = new Set<number>();
  it.each(files)('%s', (file) => {
    const hits: string[] = [];
    for (const lit of literalsIn(file)) {
      for (const w of watched) {
        if (Math.abs(lit.value - w.value) > 1e-9 * Math.abs(w.value)) continue;
        const allowed = ALLOWED_LITERALS.findIndex((a) => a.file === file && a.text === lit.text && a.constant === w.ref);
        if (allowed >= 0) {
          allowedUsed.add(allowed);
          continue;
        }
        hits.push(`${relative(root, join(root, file))}:${lit.line}: "${lit.text}" is the value of ${w.ref}; read it from the fixture instead`);
      }
    }
    expect(hits).toEqual([]);
  });

  it('every allow-list entry is still needed (and names a file that exists)', () => {
    const stale = ALLOWED_LITERALS.filter((_a, i) => !allowedUsed.has(i)).map((a) => `${a.file}: "${a.text}"`);
    expect(stale).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Tables: references, printed strings, 6ND consistency

/** The value a printed string stands for: "1.92e+19", "8.0 Billion", "1/29,968", "175.0B", "3.8 × 10^25", "about 15T". */
function parsePrinted(printed: string): number | undefined {
  const s = printed
    .replace(/^(about|over|approximately)\s+/i, '')
    .replace(/\s+(text\s+)?tokens$/i, '')
    .replace(/\+$/, '')
    .trim();
  const scale: Record<string, number> = { million: 1e6, billion: 1e9, trillion: 1e12, m: 1e6, b: 1e9, t: 1e12 };
  let m: RegExpExecArray | null;
  if ((m = /^1\/([\d,]+)$/.exec(s))) return 1 / Number(m[1]!.replace(/,/g, ''));
  if ((m = /^(\d+(?:\.\d+)?)\s*×\s*10\^(\d+)$/.exec(s))) return Number(`${m[1]}e${m[2]}`);
  if ((m = /^(\d+(?:\.\d+)?)[eE]([+-]?\d+)$/.exec(s))) return Number(`${m[1]}e${m[2]}`);
  if ((m = /^([\d,]+(?:\.\d+)?)\s*(million|billion|trillion|M|B|T)$/i.exec(s))) return Number(m[1]!.replace(/,/g, '')) * scale[m[2]!.toLowerCase()]!;
  if ((m = /^[\d,]+(?:\.\d+)?$/.exec(s))) return Number(s.replace(/,/g, ''));
  return undefined;
}

/** Half a unit in the last printed digit: "1.92e+19" → 0.005e19, "8.0 Billion" → 0.05e9, "400 Million" → 0.5e6. */
function halfUnit(printed: string): number {
  const value = parsePrinted(printed);
  if (value === undefined) throw new Error(`cannot parse "${printed}"`);
  const mantissa = /(\d+)(?:\.(\d+))?/.exec(printed.replace(/,/g, ''))!;
  const decimals = mantissa[2]?.length ?? 0;
  const mantissaValue = Number(mantissa[0]);
  return (value / mantissaValue) * 0.5 * Math.pow(10, -decimals);
}

function numberCell(t: Table, rowIndex: number, key: string): NumberCell {
  const cell = t.rows[rowIndex]?.cells[key];
  if (!cell || !('value' in cell)) throw new Error(`${t.id}: rows.${rowIndex}.cells.${key}: expected a number cell`);
  return cell;
}

/** Does the row satisfy C ≈ 6·N·D with every number anywhere in its printed precision? */
function consistentWith6ND(t: Table, r: number, check: Table['checks'][number]): boolean {
  const N = numberCell(t, r, check.parameters).value;
  const D = numberCell(t, r, check.tokens);
  const C = numberCell(t, r, check.flops);
  const hD = halfUnit(D.printed);
  const hC = halfUnit(C.printed);
  const low = 6 * N * (D.value - hD);
  const high = 6 * N * (D.value + hD);
  return high >= C.value - hC && low <= C.value + hC;
}

describe('paper tables', () => {
  it('the printed-number reader', () => {
    expect(parsePrinted('1.92e+19')).toBe(1.92e19);
    expect(parsePrinted('8.0 Billion')).toBe(8e9);
    expect(parsePrinted('1/29,968')).toBe(1 / 29968);
    expect(parsePrinted('22515.9')).toBe(22515.9);
    expect(parsePrinted('175.0B')).toBe(175e9);
    expect(parsePrinted('3.8 × 10^25')).toBe(3.8e25);
    expect(parsePrinted('about 15T')).toBe(15e12);
    expect(parsePrinted('780 billion tokens')).toBe(780e9);
    expect(halfUnit('1.92e+19')).toBeCloseTo(0.005e19, -14);
    expect(halfUnit('216.2 Trillion') / 0.05e12).toBeCloseTo(1, 12);
  });

  it('includes the required tables', () => {
    expect(Object.keys(tables).sort()).toEqual([
      'hoffmann-2022-isoflop-budgets',
      'hoffmann-2022-table-1',
      'hoffmann-2022-table-2',
      'hoffmann-2022-table-3',
      'hoffmann-2022-table-a3',
      'kaplan-2020-table-4',
      'kaplan-2020-table-5',
      'kaplan-2020-table-6',
    ]);
  });

  it.each(Object.values(tables).map((t) => [t.id, t] as const))('%s: printed strings match the stored values', (_id, t) => {
    t.rows.forEach((row, r) => {
      for (const [key, cell] of Object.entries(row.cells)) {
        if (!('value' in cell)) continue;
        const parsed = parsePrinted(cell.printed);
        expect(parsed, `${t.id}: rows.${r}.cells.${key}.printed "${cell.printed}"`).toBeDefined();
        expect(Math.abs(parsed! - cell.value) / Math.abs(cell.value), `${t.id}: rows.${r}.cells.${key}: value ${cell.value} vs printed "${cell.printed}"`).toBeLessThan(1e-12);
        if (cell.interval) {
          const nums = cell.interval.printed.match(/\d+(?:\.\d+)?/g)?.map(Number);
          expect(nums, `${t.id}: rows.${r}.cells.${key}.interval`).toEqual([cell.interval.low, cell.interval.high]);
        }
      }
    });
  });

  it.each(Object.values(tables).map((t) => [t.id, t] as const))('%s: constant references resolve to a constant printed in that table', (_id, t) => {
    const where = /Table [A-Z]?\d+/.exec(t.location)?.[0];
    for (const row of t.rows) {
      for (const cell of Object.values(row.cells)) {
        if (!('constant' in cell)) continue;
        const { constant } = resolveConstantRef(cell.constant);
        expect(constant.source.paper, cell.constant).toBe(t.paper);
        if (where) expect(constant.source.location, `${cell.constant} should cite ${where}`).toContain(where);
      }
    }
  });

  it('Kaplan Tables 5 and 6 reference every constant of their sets that the tables print', () => {
    const refs = (id: string) => table(id).rows.flatMap((r) => Object.values(r.cells).flatMap((c) => ('constant' in c ? [c.constant] : [])));
    expect(refs('kaplan-2020-table-5')).toHaveLength(12);
    const t6 = new Set(refs('kaplan-2020-table-6'));
    for (const key of ['Ne', 'pN', 'Be', 'pB', 'Se', 'pS', 'De', 'pD']) expect(t6).toContain(`kaplan-2020-compute-efficient:${key}`);
  });

  it('a missing constant reference fails with the set and key named', () => {
    expect(() => resolveConstantRef('kaplan-2020-summary:alphaX')).toThrow(/kaplan-2020-summary.*alphaX/);
    expect(() => resolveConstantRef('no-such-set:alphaN')).toThrow(/no-such-set/);
  });

  // The facts sheet (hoffmann-2022.md §5, §6): Table 3 breaks 6ND only at 67B; Table A3's
  // Approach 2 nowhere; Approach 3 at 67B, 175B (the 1.26e+24 typo) and 280B.
  const expectedBreaks: Record<string, Record<string, string[]>> = {
    'hoffmann-2022-table-3': { 'Approach 1': ['67b'] },
    'hoffmann-2022-table-a3': { 'Approach 2': [], 'Approach 3': ['67b', '175b', '280b'] },
  };

  it.each(Object.entries(expectedBreaks))('%s: rows obey C ≈ 6ND where the sheet says so, and are flagged where not', (id, byCheck) => {
    const t = table(id);
    expect(t.checks.map((c) => c.label).sort()).toEqual(Object.keys(byCheck).sort());
    for (const check of t.checks) {
      const breaks = t.rows.flatMap((row, r) => (consistentWith6ND(t, r, check) ? [] : [row.id ?? String(r)]));
      expect(breaks, `${id} ${check.label}`).toEqual(byCheck[check.label]);
      t.rows.forEach((row, r) => {
        const flags = row.notes.filter(
          (n) => (n.kind === 'printed-inconsistency' || n.kind === 'typo') && (n.columns.includes(check.flops) || n.columns.includes(check.tokens)),
        );
        const broken = !consistentWith6ND(t, r, check);
        expect(flags.length > 0, `${id} row ${row.id}: ${check.label} ${broken ? 'breaks 6ND but has no note' : 'obeys 6ND but is flagged'}`).toBe(broken);
        for (const n of flags) {
          if (n.expected === undefined) continue;
          const N = numberCell(t, r, check.parameters).value;
          const sixND = 6 * N * numberCell(t, r, check.tokens).value;
          const tokensFromC = numberCell(t, r, check.flops).value / (6 * N);
          const near = (x: number, y: number) => Math.abs(x / y - 1) < 1e-3;
          expect(near(n.expected, sixND) || near(n.expected, tokensFromC), `${id} row ${row.id}: expected ${n.expected}`).toBe(true);
        }
      });
    }
  });

  it('Table A3: the 175B Approach 3 FLOPs keep the printed typo and flag 1.26e25', () => {
    const t = table('hoffmann-2022-table-a3');
    const r = t.rows.findIndex((row) => row.id === '175b');
    expect(numberCell(t, r, 'approach3Flops').printed).toBe('1.26e+24');
    const typo = t.rows[r]!.notes.find((n) => n.kind === 'typo');
    expect(typo?.expected).toBeCloseTo(1.26e25, -22);
  });

  it('Table 3: the 67B row keeps the printed 1.5 Trillion and flags 1.43e12', () => {
    const t = table('hoffmann-2022-table-3');
    const r = t.rows.findIndex((row) => row.id === '67b');
    expect(numberCell(t, r, 'tokens').printed).toBe('1.5 Trillion');
    const note = t.rows[r]!.notes.find((n) => n.kind === 'printed-inconsistency');
    expect(note!.expected! / 1e12).toBeCloseTo(1.43, 2);
  });

  it('Table 3: the Gopher-unit column is FLOPs / (the 1-unit row’s FLOPs) within the printed precision, flagged where not', () => {
    const t = table('hoffmann-2022-table-3');
    const unitRow = t.rows.findIndex((_row, r) => numberCell(t, r, 'gopherUnits').value === 1);
    const budget = numberCell(t, unitRow, 'flops');
    const breaks: string[] = [];
    t.rows.forEach((row, r) => {
      const flops = numberCell(t, r, 'flops');
      const units = numberCell(t, r, 'gopherUnits');
      // "1/46" is precise to half a unit of its denominator; "6.7" to half a unit of its last digit.
      const denominator = /^1\/([\d,]+)$/.exec(units.printed)?.[1];
      const unitsTol = denominator === undefined ? halfUnit(units.printed) / units.value : 0.5 / Number(denominator.replace(/,/g, ''));
      const relTol = halfUnit(flops.printed) / flops.value + halfUnit(budget.printed) / budget.value + unitsTol;
      const broken = Math.abs((units.value * budget.value) / flops.value - 1) > relTol;
      if (broken) breaks.push(row.id ?? String(r));
      const flagged = row.notes.some((n) => n.kind === 'printed-inconsistency' && n.columns.includes('gopherUnits'));
      expect(flagged, `row ${row.id}: ${broken ? 'inconsistent but not flagged' : 'consistent but flagged'}`).toBe(broken);
    });
    expect(breaks).toEqual(['10b']);
  });

  it('Table 2: the Kaplan row equals the exponents of Kaplan Table 6 (constant set kaplan-2020-compute-efficient)', () => {
    const t = table('hoffmann-2022-table-2');
    const r = t.rows.findIndex((row) => row.id === 'kaplan-2020');
    const ce = constantSet('kaplan-2020-compute-efficient').constants;
    expect(numberCell(t, r, 'a').value).toBe(ce['pN']?.value);
    expect(numberCell(t, r, 'b').value).toBe(ce['pD']?.value);
  });

  it('Table 2: Approach 3 exponents are reproduced by the TeX-source constants, not by the rounded ones (as its note says)', () => {
    const t = table('hoffmann-2022-table-2');
    const r = t.rows.findIndex((row) => row.id === 'approach-3');
    const printedA = numberCell(t, r, 'a');
    const exps = (id: string) => {
      const c = constantSet(id).constants;
      return allocationExponents({ alpha: c['alpha']!.value, beta: c['beta']!.value });
    };
    const within = (x: number, cell: NumberCell) => Math.abs(x - cell.value) <= halfUnit(cell.printed);
    expect(within(exps('hoffmann-2022-precise').a, printedA)).toBe(true);
    expect(within(exps('hoffmann-2022-precise').b, numberCell(t, r, 'b'))).toBe(true);
    expect(within(exps('hoffmann-2022-rounded').a, printedA)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Models

describe('notable models', () => {
  it('includes the models the site discusses', () => {
    const ids = models.map((m) => m.id);
    for (const id of [
      'gpt-3-175b',
      'gopher-280b',
      'chinchilla-70b',
      'llama-7b',
      'llama-13b',
      'llama-33b',
      'llama-65b',
      'llama-2-7b',
      'llama-2-13b',
      'llama-2-70b',
      'llama-3-8b',
      'llama-3-70b',
      'llama-3-1-405b',
    ])
      expect(ids).toContain(id);
  });

  it.each(models.map((m) => [m.id, m] as const))('%s: printed strings match values; unverified numbers carry a note', (_id, m) => {
    const quantities = { parameters: m.parameters, trainingTokens: m.trainingTokens, reportedTrainingFlop: m.reportedTrainingFlop, activeParameters: m.activeParameters, nonEmbeddingParameters: m.nonEmbeddingParameters };
    for (const [field, q] of Object.entries(quantities)) {
      if (!q) continue;
      const parsed = parsePrinted(q.printed);
      expect(parsed, `${m.id}: ${field}.printed "${q.printed}"`).toBeDefined();
      expect(Math.abs(parsed! / q.value - 1), `${m.id}: ${field}`).toBeLessThan(1e-12);
      if (!q.verified) expect(q.note, `${m.id}: ${field} is unverified and needs a note saying why`).toBeDefined();
      if (q.approximate) expect(q.note, `${m.id}: ${field} is approximate and needs a note`).toBeDefined();
    }
    expect(m.parameters.counts).toBe('total');
  });

  it('models listed in Hoffmann Table 1 agree with the table', () => {
    const t = table('hoffmann-2022-table-1');
    t.rows.forEach((row, r) => {
      const m = models.find((x) => x.id === row.id);
      expect(m, `Hoffmann Table 1 row ${row.id} has a model`).toBeDefined();
      expect(m!.parameters.value).toBe(numberCell(t, r, 'parameters').value);
      expect(m!.trainingTokens.value).toBe(numberCell(t, r, 'tokens').value);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Error messages

describe('bad fixtures fail with file, field, expected and received', () => {
  const good = table('hoffmann-2022-table-3');

  it('a string where a number belongs', () => {
    const broken = structuredClone(good) as unknown as { rows: { cells: Record<string, { value: unknown }> }[] };
    broken.rows[1]!.cells['flops']!.value = '1.21e+20';
    expect(() => parseFixture(tableSchema, broken, 'content/data/tables/broken.json')).toThrow(
      /content\/data\/tables\/broken\.json[\s\S]*rows\.1\.cells\.flops[\s\S]*expected[\s\S]*received/,
    );
  });

  it('a missing cell, and a cell of the wrong kind', () => {
    const broken = structuredClone(good) as unknown as { rows: { cells: Record<string, unknown> }[] };
    delete broken.rows[0]!.cells['tokens'];
    broken.rows[2]!.cells['gopherUnits'] = { text: '1/46' };
    let message = '';
    try {
      parseFixture(tableSchema, broken, 'content/data/tables/broken.json');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('content/data/tables/broken.json');
    expect(message).toMatch(/rows\.0\.cells\.tokens: expected a number cell for column "tokens", received nothing/);
    expect(message).toMatch(/rows\.2\.cells\.gopherUnits: expected a number cell for column "gopherUnits", received a text cell/);
  });

  it('a bad constant reference', () => {
    const broken = structuredClone(table('kaplan-2020-table-5')) as unknown as { rows: { cells: Record<string, unknown> }[] };
    broken.rows[0]!.cells['powerLaw'] = { constant: 'alphaN' };
    expect(() => parseFixture(tableSchema, broken, 'kaplan-2020-table-5.json')).toThrow(
      /kaplan-2020-table-5\.json[\s\S]*rows\.0\.cells\.powerLaw\.constant: expected "<constant-set-id>:<key>".*received "alphaN"/,
    );
  });

  it('a 6ND check naming a text column', () => {
    const broken = structuredClone(table('kaplan-2020-table-5')) as unknown as { checks: unknown[] };
    broken.checks = [{ rule: 'C=6ND', label: 'x', parameters: 'powerLaw', tokens: 'scale', flops: 'scale' }];
    expect(() => parseFixture(tableSchema, broken, 'kaplan-2020-table-5.json')).toThrow(
      /kaplan-2020-table-5\.json[\s\S]*checks\.0\.parameters: expected a number column, received "powerLaw" \(constant\)/,
    );
  });

  it('a model with a negative parameter count and no source', () => {
    const broken = structuredClone(models) as unknown as { parameters: { value: unknown; source?: unknown } }[];
    broken[0]!.parameters.value = -175e9;
    delete broken[0]!.parameters.source;
    let message = '';
    try {
      parseFixture(modelsSchema, broken, 'content/data/models.json');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('content/data/models.json');
    expect(message).toMatch(/0\.parameters\.value: .*expected .*>0/i);
    expect(message).toMatch(/0\.parameters\.source: .*expected object, received undefined/i);
  });
});
