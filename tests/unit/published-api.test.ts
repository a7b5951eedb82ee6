import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publicApiEntries, citedEquations, equationAnchors } from '../../src/reference/api-docs.ts';
import * as api from '../../src/lib/api.ts';
import { constantSets as validatedSets, constantsOf as validatedConstantsOf } from '../../src/lib/data.ts';

/**
 * The public API v1 is a promise: an export, once published, is never removed and never changes
 * meaning. tests/published-api.json lists each export's kind and signature; this test fails when
 * one disappears or its signature changes, and asks for new exports to be added to the list.
 */
const PUBLISHED: Record<string, { kind: string; signature: string }> = JSON.parse(
  readFileSync(join(process.cwd(), 'tests/published-api.json'), 'utf8'),
).v1;
const entries = publicApiEntries();
const byName = new Map(entries.map((e) => [e.name, e]));

describe('public API v1', () => {
  it('keeps every published export with its kind and signature', () => {
    const broken = Object.entries(PUBLISHED).flatMap(([name, published]) => {
      const now = byName.get(name);
      if (!now) return [`${name}: removed (a published v1 export must stay)`];
      if (now.kind !== published.kind || now.signature !== published.signature) {
        return [`${name}: changed\n  published: ${published.signature}\n  now:       ${now.signature}`];
      }
      return [];
    });
    expect(broken, 'published v1 exports changed; restore them, or publish the new meaning under a new name').toEqual([]);
  });

  it('lists every export in tests/published-api.json', () => {
    const missing = entries.filter((e) => !(e.name in PUBLISHED)).map((e) => `"${e.name}": ${JSON.stringify({ kind: e.kind, signature: e.signature })}`);
    expect(missing, 'new exports: add these to tests/published-api.json (they become permanent)').toEqual([]);
  });

  it('reads the same value exports as the module has', () => {
    const values = entries.filter((e) => e.kind === 'function' || e.kind === 'const').map((e) => e.name).sort();
    expect(values).toEqual(Object.keys(api).sort());
  });

  it('documents every export, and gives every function and constant an example', () => {
    expect(entries.filter((e) => e.doc.length < 10).map((e) => e.name)).toEqual([]);
    expect(entries.filter((e) => (e.kind === 'function' || e.kind === 'const') && e.examples.length === 0).map((e) => e.name)).toEqual([]);
  });
});

describe('cited constants in the API', () => {
  it('are the same values the zod-validated fixtures give', () => {
    expect(api.constantSets).toEqual(validatedSets);
    expect(api.constantsOf('kaplan-2020-summary', ['alphaN', 'Nc'])).toEqual(validatedConstantsOf('kaplan-2020-summary', ['alphaN', 'Nc']));
    expect(() => api.constantsOf('kaplan-2020-summary', ['nope'])).toThrow(/has no "nope"/);
    expect(() => api.constantsOf('no-such-set', ['alphaN'])).toThrow(/Unknown constant set "no-such-set"/);
  });
});

describe('equation citations in doc comments', () => {
  it('reads "Kaplan Eq. (1.1) / (5.6)" and later papers', () => {
    expect(citedEquations('Kaplan Eq. (1.6) / (5.6): L = …; S_min from Eq. (5.4). Hoffmann Eq. (2)')).toEqual([
      { paper: 'kaplan-2020', label: 'Eq. (1.6)' },
      { paper: 'kaplan-2020', label: 'Eq. (5.6)' },
      { paper: 'kaplan-2020', label: 'Eq. (5.4)' },
      { paper: 'hoffmann-2022', label: 'Eq. (2)' },
    ]);
    expect(citedEquations('Eq. (3) without a paper, and Kaplan Eq. (B.5)')).toEqual([{ paper: 'kaplan-2020', label: 'Eq. (B.5)' }]);
  });

  it('finds <Equation> anchors whatever the attribute order', () => {
    const mdx = '<Equation\n  label="Eq. (1.1)"\n  id="eq-a"\n  paper="kaplan-2020"\n  tex={x}\n/>\n<Equation id="eq-own" tex={y} />';
    expect(equationAnchors([{ chapter: 'c', mdx }])).toEqual([{ id: 'eq-a', paper: 'kaplan-2020', label: 'Eq. (1.1)', chapter: 'c' }]);
  });
});
