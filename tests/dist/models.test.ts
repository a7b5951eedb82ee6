/**
 * The generated model and budget pages in dist/: exactly one page per fixture entry and per budget of
 * the ladder, each page's numbers equal to what src/lib computes for its entry (formatted the way
 * the pages format them), the index complete without JavaScript, and the data downloads listing
 * every model.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, pages, visibleText } from '../support/dist.ts';
import { models } from '../../src/lib/data.ts';
import { budgets, choicesAt, disagreement, law, modelsNear, readings, verdicts } from '../../src/lib/verdicts.ts';
import { formatNumber, formatPercent } from '../../src/lib/units.ts';
import { flop } from '../../src/lib/verdict-text.ts';
import { budgetCalculatorUrl, lossOfRunUrl } from '../../src/lib/paths.ts';

const all = pages();
const byPath = new Map(all.map((p) => [p.path, p]));
const big = (x: number) => formatNumber(x, { style: 'suffix' });
const num = (x: number, sig = 3) => formatNumber(x, { sig });
/** Text with runs of white space collapsed (the HTML wraps lines). */
const text = (path: string) => visibleText(byPath.get(path)!.document).replace(/\s+/g, ' ');
const hrefs = (path: string) => [...byPath.get(path)!.document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!);

describe('one page per fixture entry and per budget', () => {
  it('/models/<id>/ exists for exactly the ids of content/data/models.json', () => {
    const built = all.map((p) => /^\/models\/([^/]+)\/$/.exec(p.path)?.[1]).filter((x): x is string => x !== undefined);
    expect(built.sort()).toEqual(models.map((m) => m.id).sort());
  });

  it('/budgets/<id>/ exists for exactly the budgets of the ladder', () => {
    const built = all.map((p) => /^\/budgets\/([^/]+)\/$/.exec(p.path)?.[1]).filter((x): x is string => x !== undefined);
    expect(built.sort()).toEqual(budgets().map((b) => b.id).sort());
  });
});

describe('model pages show src/lib’s numbers for their entry', () => {
  it.each(models.map((m) => [m.id, m] as const))('/models/%s/', (id, m) => {
    const path = `/models/${id}/`;
    const t = text(path);
    expect(t).toContain(m.name);
    expect(t).toContain(`entry ${id} of content/data/models.json`);
    expect(t).toContain(m.parameters.printed);
    expect(t).toContain(m.trainingTokens.printed);
    for (const r of readings(m)) {
      expect(t).toContain(flop(r.C));
      for (const v of verdicts(r)) {
        expect(t, `${law(v.law).name} N`).toContain(big(v.choice.N));
        expect(t, `${law(v.law).name} D/N`).toContain(num(v.choice.tokensPerParameter));
        if (v.loss !== undefined) expect(t, `${law(v.law).name} loss`).toContain(num(v.loss, 4));
        if (v.equivalentCompute !== undefined) expect(t, `${law(v.law).name} equivalent compute`).toContain(`${flop(v.equivalentCompute)} (${formatPercent(v.computeEfficiency!, 2)})`);
      }
      expect(hrefs(path)).toContain(lossOfRunUrl(r.N, r.D));
    }
    expect(hrefs(path)).toContain(budgetCalculatorUrl(readings(m)[0]!.C));
    expect(hrefs(path)).toContain('/data/models.json');
    const fig = byPath.get(path)!.document.getElementById('fig-model-on-frontiers');
    expect(fig?.querySelector('svg')).not.toBeNull();
    if (m.architecture === 'mixture-of-experts') {
      expect(t).toContain('fitted on dense models');
      expect(byPath.get(path)!.document.getElementById('laws-active')).not.toBeNull();
    }
  });
});

describe('budget pages show every law’s choice', () => {
  it.each(budgets().map((b) => [b.id, b] as const))('/budgets/%s/', (id, b) => {
    const path = `/budgets/${id}/`;
    const t = text(path);
    expect(t).toContain(flop(b.C));
    const cs = choicesAt(b.C);
    for (const c of cs) {
      expect(t, c.law).toContain(big(c.N));
      expect(t, c.law).toContain(big(c.D));
      if (c.loss !== undefined) expect(t, c.law).toContain(num(c.loss, 4));
    }
    expect(t).toContain(`a ratio of ${num(disagreement(cs).ratio, 2)}`);
    for (const m of modelsNear(b.C)) expect(hrefs(path)).toContain(`/models/${m.id}/`);
    expect(hrefs(path)).toContain(budgetCalculatorUrl(b.C));
  });
});

describe('the index, complete without JavaScript', () => {
  const doc = byPath.get('/models/')!.document;
  it('has one row per model linking its page, and one per budget', () => {
    const modelRows = [...doc.querySelectorAll('#models-table tbody tr')];
    expect(modelRows).toHaveLength(models.length);
    models.forEach((m, i) => expect(modelRows[i]!.querySelector('a')!.getAttribute('href')).toBe(`/models/${m.id}/`));
    const budgetLinks = [...doc.querySelectorAll('#budgets-table tbody tr a')].map((a) => a.getAttribute('href'));
    expect(budgetLinks).toEqual(budgets().map((b) => `/budgets/${b.id}/`));
  });

  it('marks sortable columns and keeps the filter hidden until the script reveals it; sort values are numbers where the column is numeric', () => {
    for (const table of doc.querySelectorAll('table[data-sortable]')) {
      const types = [...table.querySelectorAll('thead th')].map((th) => th.getAttribute('data-sort-type'));
      for (const row of table.querySelectorAll('tbody tr')) {
        [...row.children].forEach((cell, i) => {
          const v = cell.getAttribute('data-sort');
          expect(v, `${table.id} column ${i}`).not.toBeNull();
          if (types[i] === 'number') expect(Number.isFinite(Number(v)), `${table.id} column ${i}: ${v}`).toBe(true);
        });
      }
    }
    const filter = doc.querySelector('[data-filter-for="models-table"]')!;
    expect(filter.hasAttribute('hidden')).toBe(true);
    expect(filter.querySelector('label')!.getAttribute('for')).toBe(filter.querySelector('input')!.id);
  });

  it('links the data downloads, and the home page links the index', () => {
    expect(hrefs('/models/')).toEqual(expect.arrayContaining(['/data/models.json', '/data/models.csv', '/data/constants.json', '/data/constants.csv']));
    expect(hrefs('/')).toContain('/models/');
  });
});

describe('/data/models.json', () => {
  it('lists every fixture entry with its predictions', () => {
    const body = JSON.parse(readFileSync(join(DIST, 'data/models.json'), 'utf8')) as { models: { id: string; predictions: { kaplanParameters: { basis: string } } }[] };
    expect(body.models.map((m) => m.id)).toEqual(models.map((m) => m.id));
    for (const m of body.models) expect(['printed non-embedding', 'total minus embeddings', 'total']).toContain(m.predictions.kaplanParameters.basis);
  });
});
