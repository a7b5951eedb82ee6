/** The fit page's smaller helpers: synthetic runs, links (deflate-raw + base64url), SHA-256, summaries. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromBase64Url, packText, sha256Hex, toBase64Url, unpackText } from '../../src/lib/fit-link.ts';
import { DEFAULT_BUDGETS, syntheticRuns } from '../../src/lib/synthetic-runs.ts';
import { frontierBand, logBudgets, negligibleTerms, summarize } from '../../src/lib/fit-summary.ts';
import { allocationExponents, lossHat, optimalN } from '../../src/lib/chinchilla.ts';
import { toLogParams } from '../../src/lib/fit.ts';
import { constantsOf } from '../../src/lib/data.ts';

const hoffmann = constantsOf('hoffmann-2022-rounded', ['E', 'A', 'B', 'alpha', 'beta']);

describe('synthetic runs', () => {
  it('lie on IsoFLOP lines C = 6ND around N_opt, with the loss of Hoffmann Eq. 2 when σ = 0', () => {
    const runs = syntheticRuns(hoffmann, { sigma: 0 });
    expect(runs).toHaveLength(DEFAULT_BUDGETS.length * 8);
    for (const r of runs) {
      expect(Math.abs(6 * r.N * r.D - r.C!) / r.C!).toBeLessThan(1e-12);
      expect(r.loss).toBeCloseTo(lossHat(r.N, r.D, hoffmann), 12);
      const ratio = r.N / optimalN(r.C!, hoffmann);
      expect(ratio).toBeGreaterThanOrEqual(1 / 4 - 1e-12);
      expect(ratio).toBeLessThanOrEqual(4 + 1e-12);
    }
  });

  it('are reproducible from the seed, and the noise has the requested size (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
        const a = syntheticRuns(hoffmann, { seed, sigma: 0.05, perBudget: 20 });
        expect(syntheticRuns(hoffmann, { seed, sigma: 0.05, perBudget: 20 })).toEqual(a);
        const z = a.map((r) => Math.log(r.loss / lossHat(r.N, r.D, hoffmann)));
        const sd = Math.sqrt(z.reduce((s, v) => s + v * v, 0) / z.length);
        expect(sd).toBeGreaterThan(0.04);
        expect(sd).toBeLessThan(0.06);
      }),
      { numRuns: 10 },
    );
  });
});

describe('links', () => {
  it('base64url round-trips any bytes and rejects other text (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const s = toBase64Url(bytes);
        expect(s).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(fromBase64Url(s)).toEqual(bytes);
      }),
    );
    expect(fromBase64Url('a+b/')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull();
  });

  it('packText/unpackText round-trip text, and damaged data give null, not an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 2000 }), async (text) => {
        expect(await unpackText(await packText(text))).toBe(text);
      }),
      { numRuns: 30 },
    );
    expect(await unpackText('not*base64')).toBeNull();
    expect(await unpackText('AAAA')).toBeNull();
    // A "zip bomb": 1 MB of zeros compresses to ~1 KB but must not be inflated past the limit.
    expect(await unpackText(await packText('0'.repeat(1_000_000)))).toBeNull();
  });

  it('sha256Hex matches the FIPS 180-2 test vector for "abc"', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('summaries', () => {
  it('a and b are Hoffmann Eq. 4’s β/(α+β) and α/(α+β); intervals bracket the estimate when the refits scatter around it', () => {
    const samples = [0.97, 0.99, 1, 1.01, 1.03].map((f) => toLogParams({ ...hoffmann, A: hoffmann.A * f, alpha: hoffmann.alpha * f }));
    const s = summarize(hoffmann, samples, 5.76e23);
    expect(s.a.value).toBeCloseTo(allocationExponents(hoffmann).a, 12);
    expect(s.a.value + s.b.value).toBeCloseTo(1, 12);
    for (const k of ['A', 'alpha', 'a', 'Nopt', 'Dopt'] as const) {
      const [lo, hi] = s[k].interval!;
      expect(lo).toBeLessThanOrEqual(s[k].value * (1 + 1e-12));
      expect(hi).toBeGreaterThanOrEqual(s[k].value * (1 - 1e-12));
      expect(hi).toBeGreaterThan(lo);
    }
    expect(summarize(hoffmann, null, 5.76e23).E.interval).toBeUndefined();
  });

  it('the frontier band contains N_opt of the estimate at every budget (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.9, max: 1.1, noNaN: true }), { minLength: 3, maxLength: 20 }), (fs) => {
        const samples = [...fs, 1 / fs[0]!].map((f) => toLogParams({ ...hoffmann, beta: hoffmann.beta * f }));
        const band = frontierBand(hoffmann, samples, logBudgets(1e18, 1e26, 9));
        expect(band).toHaveLength(9);
        for (const p of band) expect(p.low! <= p.high!).toBe(true);
      }),
    );
  });
});

describe('fit page settings in links (kit url-state)', () => {
  it('settingsFromSearch(settingsToSearch(s)) gives back s, synthetic-only settings included only for synthetic data (property)', async () => {
    const { defaultSettings, settingsFromSearch, settingsToSearch, SOURCES, METHODS, SETS } = await import('../../components/widgets/fit/state.ts');
    const defaults = defaultSettings(5.76e23);
    fc.assert(
      fc.property(
        fc.record({
          src: fc.constantFrom(...SOURCES),
          method: fc.constantFrom(...METHODS),
          set: fc.constantFrom(...SETS),
          boot: fc.integer({ min: 0, max: 4000 }),
          seed: fc.integer({ min: 0, max: 4294967295 }),
          C: fc.constantFrom(1e18, 5.76e23, 3.8e25),
          sigma: fc.constantFrom(0, 0.01, 0.05),
          nseed: fc.integer({ min: 0, max: 1e6 }),
          per: fc.integer({ min: 3, max: 50 }),
        }),
        (s) => {
          const search = settingsToSearch(s);
          const back = settingsFromSearch(search, defaults);
          expect(back.errors).toEqual([]);
          const expected = s.src === 'synthetic' ? s : { ...s, sigma: defaults.sigma, nseed: defaults.nseed, per: defaults.per };
          expect(back.settings).toEqual(expected);
          expect(search.includes('sigma=')).toBe(s.src === 'synthetic');
        },
      ),
    );
  });

  it('bad link values keep the defaults and say which setting was wrong', async () => {
    const { defaultSettings, settingsFromSearch } = await import('../../components/widgets/fit/state.ts');
    const d = defaultSettings(5.76e23);
    const r = settingsFromSearch('?boot=-3&method=magic&__proto__=x', d);
    expect(r.settings).toEqual(d);
    expect(r.errors.join(' ')).toMatch(/Link setting boot:.*negative/);
    expect(r.errors.join(' ')).toMatch(/Link setting method:/);
  });
});

describe('terms the data cannot determine', () => {
  const hoffmann = constantsOf('hoffmann-2022-rounded', ['E', 'A', 'B', 'alpha', 'beta']);
  it('finds none on Hoffmann-scale runs, and names B/D^β when it is below the threshold everywhere', () => {
    const runs = syntheticRuns(hoffmann, { sigma: 0, seed: 1 });
    expect(negligibleTerms(runs, hoffmann)).toEqual([]);
    // β = 8: B/D^β is ~1e-78 of the loss at D ≥ 1e9 tokens.
    const [term, ...rest] = negligibleTerms(runs, { ...hoffmann, beta: 8 });
    expect(rest).toEqual([]);
    expect(term!.term).toBe('B/D^β');
    expect(term!.largestShare).toBeLessThan(1e-3);
    expect(negligibleTerms(runs, { ...hoffmann, A: 0 }).map((t) => t.term)).toEqual(['A/N^α']);
  });

  it('agrees with the largest share computed directly, for any constants (property)', () => {
    fc.assert(
      fc.property(
        fc.record({ E: fc.double({ min: 0.1, max: 5, noNaN: true }), A: fc.double({ min: 0, max: 1e4, noNaN: true }), B: fc.double({ min: 0, max: 1e4, noNaN: true }), alpha: fc.double({ min: 0.05, max: 2, noNaN: true }), beta: fc.double({ min: 0.05, max: 2, noNaN: true }) }),
        fc.double({ min: 1e-6, max: 0.5, noNaN: true }),
        (p, threshold) => {
          const runs = syntheticRuns(hoffmann, { sigma: 0, seed: 2, perBudget: 3 });
          const share = (f: (r: (typeof runs)[number]) => number) => Math.max(...runs.map((r) => f(r) / (p.E + p.A / r.N ** p.alpha + p.B / r.D ** p.beta)));
          const terms = negligibleTerms(runs, p, threshold).map((t) => t.term);
          expect(terms.includes('A/N^α')).toBe(share((r) => p.A / r.N ** p.alpha) < threshold);
          expect(terms.includes('B/D^β')).toBe(share((r) => p.B / r.D ** p.beta) < threshold);
        },
      ),
    );
  });
});
