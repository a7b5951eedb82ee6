/** Reading a reader's runs from CSV (src/lib/runs-csv.ts): columns, units, and one clear message per problem. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_ROWS, parseRunsCsv, runsToCsv } from '../../src/lib/runs-csv.ts';

const good = ['N,D,loss', '1e8,2e9,3.1', '2e8,4e9,2.9', '4e8,8e9,2.7', '8e8,1.6e10,2.6', '1.6e9,3.2e10,2.5', '3.2e9,6.4e10,2.45'].join('\n');
const fail = (text: string) => {
  const r = parseRunsCsv(text);
  if (r.ok) throw new Error('expected a failure');
  return r;
};

describe('parseRunsCsv', () => {
  it('reads N, D, loss with any header case, units in parentheses, CRLF, comments and blank lines', () => {
    const text = ['# my runs', 'Params (parameters);TOKENS [tokens];Loss (nats/token)', '1e8;2e9;3.1', '', '2e8;4e9;2.9', '4e8;8e9;2.7', '8e8;1.6e10;2.6', '1.6e9;3.2e10;2.5', '3.2e9;6.4e10;2.45'].join('\r\n');
    const r = parseRunsCsv(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.runs).toHaveLength(6);
    expect(r.runs[0]).toMatchObject({ N: 1e8, D: 2e9, loss: 3.1, line: 3 });
    expect(r.runs[1]!.line).toBe(5);
  });

  it('derives D = C / 6N when only C is given, and groups runs sharing a C as IsoFLOP curves', () => {
    const rows = ['n,C,LOSS'];
    for (const C of [1e19, 1e20]) for (const N of [1e8, 2e8, 4e8]) rows.push(`${N},${C},${(3 + Math.log10(N) / 10).toFixed(3)}`);
    const r = parseRunsCsv(rows.join('\n'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.runs[0]!.D).toBeCloseTo(1e19 / 6e8, 6);
    expect(r.grouped).toBe(true);
    expect(new Set(r.runs.map((x) => x.group)).size).toBe(2);
    expect(r.notes.join(' ')).toMatch(/C \/ \(6N\)/);
  });

  it('accepts quoted fields and the number forms validate.ts accepts (70M, 1.4T)', () => {
    const r = parseRunsCsv(good.replace('1e8,2e9,3.1', '"100M","2e9",3.1').replace('2e8,4e9', '200M,4B'));
    expect(r.ok && r.runs[0]!.N).toBe(1e8);
    expect(r.ok && r.runs[1]!.D).toBe(4e9);
  });

  it.each([
    ['text in a number', good.replace('2e8,4e9,2.9', '2e8,lots,2.9'), /Line 3, column 2 \(D\).*not a number/],
    ['zero', good.replace('4e8,8e9,2.7', '0,8e9,2.7'), /Line 4, column 1 \(N\).*zero/],
    ['negative', good.replace('2.6', '-2.6'), /Line 5, column 3 \(loss\).*negative/],
    ['1e400', good.replace('1.6e9,3.2e10', '1e400,3.2e10'), /Line 6, column 1 \(N\).*too large/],
    ['a missing cell', good.replace('3.2e9,6.4e10,2.45', '3.2e9,6.4e10'), /Line 7: 2 columns.*column 3 \(loss\) is missing/],
    ['an unclosed quote', good.replace('2e8,4e9,2.9', '2e8,"4e9,2.9'), /Line 3, column 2: a quoted field is not closed/],
    ['a duplicated row', `${good}\n2e8,4e9,2.9`, /Line 8 repeats line 3/],
    ['too few rows', good.split('\n').slice(0, 5).join('\n'), /Only 4 rows.*at least 6/],
    ['no loss column', good.replace('N,D,loss', 'N,D,ppl'), /Line 1 \(the header\): no column for loss/],
    ['no D or C', good.replace('N,D,loss', 'N,x,loss'), /no column for D \(tokens\) or C \(FLOP\)/],
    ['empty text', '  \n\n', /empty/],
  ])('%s gives a message naming the line and column', (_name, text, re) => {
    const r = fail(text);
    expect(r.message).toMatch(re);
    expect(r.message).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('refuses 200,000 rows and 50 MB of text without reading them all', () => {
    const many = `N,D,loss\n${'1e8,2e9,3.1\n'.repeat(200_000)}`;
    const t0 = performance.now();
    expect(fail(many).message).toMatch(/200,00\d lines; this page fits at most 20,000 rows/);
    expect(fail('x'.repeat(50_000_000)).message).toMatch(/50\.0 million characters/);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(MAX_ROWS).toBe(20_000);
  });

  it('never throws and never says NaN, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (junk) => {
        const r = parseRunsCsv(`N,D,loss\n${junk}`);
        if (!r.ok) expect(r.message).not.toMatch(/NaN|undefined/);
        else for (const run of r.runs) expect(Number.isFinite(run.N) && run.N > 0 && run.D > 0 && run.loss > 0).toBe(true);
      }),
    );
  });

  it('runsToCsv then parseRunsCsv gives back the same runs (property)', () => {
    const run = fc.record({ N: fc.double({ min: 1e3, max: 1e12, noNaN: true }), D: fc.double({ min: 1e3, max: 1e13, noNaN: true }), loss: fc.double({ min: 0.5, max: 9, noNaN: true }) });
    fc.assert(
      fc.property(fc.uniqueArray(run, { minLength: 6, maxLength: 30, selector: (r) => `${r.N}|${r.D}|${r.loss}` }), (runs) => {
        const r = parseRunsCsv(runsToCsv(runs));
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.runs.map(({ N, D, loss }) => ({ N, D, loss }))).toEqual(runs);
      }),
      { numRuns: 50 },
    );
  });
});
