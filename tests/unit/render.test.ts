import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderPlotSvg } from '../../src/render/plot.ts';
import { renderTex, assertAnchorId } from '../../src/render/tex.ts';
import { lnExplorerOptions } from '../../components/widgets/ln-explorer/figure.ts';
import { N_FIELD, resultSentence, figureDescription } from '../../components/widgets/ln-explorer/state.ts';
import { constantsOf } from '../../src/lib/data.ts';
import { sortChapters, groupByPart, chapterPath } from '../../src/lib/chapters.ts';

const constants = {
  ...constantsOf('kaplan-2020-summary', ['alphaN', 'Nc']),
  ...constantsOf('kaplan-2020-setup', ['NminStudied', 'NmaxStudied']),
};

describe('build-time Plot rendering', () => {
  it('is deterministic and uses no clip ids', () => {
    const a = renderPlotSvg(lnExplorerOptions({ N: 3e9, constants }), 'caption');
    const b = renderPlotSvg(lnExplorerOptions({ N: 3e9, constants }), 'caption');
    expect(a).toBe(b);
    expect(a).not.toMatch(/clip/);
    expect(a).toMatch(/^<svg[^>]* role="img"/);
    expect(a).toContain('aria-label="caption"');
    // Inner groups carry no aria-label (axe: aria-prohibited-attr on <g>).
    expect(a.slice(a.indexOf('>'))).not.toMatch(/<g[^>]*aria-label/);
  });

  it('never writes NaN or Infinity into the SVG for any N the field accepts (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: Math.log10(N_FIELD.min), max: Math.log10(N_FIELD.max), noNaN: true }), (e) => {
        const N = 10 ** e;
        const svg = renderPlotSvg(lnExplorerOptions({ N, constants }), 'x');
        expect(svg).not.toMatch(/NaN|Infinity|undefined/);
        expect(resultSentence(N, constants)).not.toMatch(/NaN|Infinity|undefined/);
        expect(figureDescription(N, constants)).not.toMatch(/NaN|Infinity|undefined/);
      }),
      { numRuns: 30 },
    );
  });
});

describe('build-time TeX', () => {
  it('renders HTML and MathML', () => {
    const html = renderTex(String.raw`L(N) = (N_c/N)^{\alpha_N}`, true);
    expect(html).toContain('katex-mathml');
    expect(html).toContain('katex-html');
  });
  it('throws on unknown commands instead of printing an error box', () => {
    expect(() => renderTex(String.raw`\alpah`, true)).toThrow();
  });
  it('accepts only kebab-case anchors with the right prefix', () => {
    expect(() => assertAnchorId('eq-kaplan-loss-n', 'eq')).not.toThrow();
    for (const bad of ['kaplan', 'eq-Kaplan', 'eq_kaplan', 'fig-kaplan', 'eq-', 'eq--x']) expect(() => assertAnchorId(bad, 'eq')).toThrow();
  });
  it('accepts misreading anchors ("misreading-m4") only with their own prefix', () => {
    expect(() => assertAnchorId('misreading-m4', 'misreading')).not.toThrow();
    for (const bad of ['misreading-M4', 'misreading_m4', 'misreading-', 'm4']) expect(() => assertAnchorId(bad, 'misreading')).toThrow();
    expect(() => assertAnchorId('misreading-m4', 'eq')).toThrow();
  });
});

describe('chapter order', () => {
  const ch = (id: string, order: number, part = 'P') => ({ id, data: { title: id, part, order } });
  it('sorts by order and groups consecutive parts', () => {
    const sorted = sortChapters([ch('c', 3, 'B'), ch('a', 1, 'A'), ch('b', 2, 'A')]);
    expect(sorted.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(groupByPart(sorted).map((g) => [g.part, g.chapters.length])).toEqual([
      ['A', 2],
      ['B', 1],
    ]);
  });
  it('refuses two chapters with the same order', () => {
    expect(() => sortChapters([ch('a', 1), ch('b', 1)])).toThrow(/share order 1/);
  });
  it('builds chapter paths with a trailing slash', () => {
    expect(chapterPath('loss-vs-model-size')).toBe('/chapters/loss-vs-model-size/');
  });
});
