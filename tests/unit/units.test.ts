import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  flopToGpuHours,
  flopToPfDays,
  formatCount,
  formatExact,
  formatNumber,
  formatPercent,
  formatSignedPercent,
  formatQuantity,
  gpuHoursToFlop,
  pfDaysToFlop,
  parsePrinted,
  printedToTex,
  significantFigures,
} from '../../src/lib/units.ts';
import { parseQuantity, type FieldSpec } from '../../src/lib/validate.ts';

const anyPositive = fc.double({ min: 1e-6, max: 1e30, noNaN: true, noDefaultInfinity: true });

describe('unit conversions', () => {
  it('FLOP ↔ PF-days round-trips (property)', () => {
    fc.assert(
      fc.property(anyPositive, (x) => {
        expect(pfDaysToFlop(flopToPfDays(x)) / x).toBeCloseTo(1, 12);
      }),
    );
  });

  it('GPU-hours ↔ FLOP round-trips for any peak and utilisation (property)', () => {
    fc.assert(
      fc.property(anyPositive, fc.double({ min: 1e9, max: 1e16, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }), (h, peak, u) => {
        expect(flopToGpuHours(gpuHoursToFlop(h, peak, u), peak, u) / h).toBeCloseTo(1, 12);
      }),
    );
  });

  it('one GPU-hour at 1e15 FLOP/s and full utilisation is 1/24 PF-day', () => {
    expect(flopToPfDays(gpuHoursToFlop(1, 1e15, 1))).toBeCloseTo(1 / 24, 15);
  });
});

describe('formatNumber', () => {
  it.each([
    [5.76e23, {}, '5.76e23'],
    [1.5e9, {}, '1.5e9'],
    [0.076, {}, '0.076'],
    [2.3046, {}, '2.3'],
    [1234, {}, '1230'],
    [12345, {}, '1.23e4'],
    [0.0001234, {}, '1.23e-4'],
    [-4.2e10, {}, '-4.2e10'],
    [0, {}, '0'],
    [70e9, { style: 'suffix' as const }, '70B'],
    [1.4e12, { style: 'suffix' as const }, '1.4T'],
    [999.96e9, { style: 'suffix' as const }, '1T'],
    [175e6, { style: 'suffix' as const }, '175M'],
    [1.4e8, { style: 'suffix' as const, sig: 2 }, '140M'],
    [3.1e10, { style: 'suffix' as const, sig: 1 }, '30B'],
    [768, { style: 'suffix' as const }, '768'],
    [8.8e13, { style: 'sci' as const, sig: 2 }, '8.8e13'],
    [3, { style: 'sci' as const }, '3'],
  ])('%d with %o → %s', (x, options, expected) => {
    expect(formatNumber(x, options)).toBe(expected);
  });

  it('refuses NaN and ±Infinity instead of printing them', () => {
    for (const x of [NaN, Infinity, -Infinity]) {
      expect(() => formatNumber(x)).toThrow(RangeError);
      expect(() => formatPercent(x)).toThrow(RangeError);
    }
  });

  it('formats percentages and quantities with units', () => {
    expect(formatPercent(0.16049)).toBe('16%');
    expect(formatPercent(0.1605, 4)).toBe('16.05%');
    expect(formatQuantity(5.76e23, 'FLOP')).toBe('5.76e23 FLOP');
  });

  it('parse(format(x)) ≈ x to the printed precision, in every style (property)', () => {
    const spec: FieldSpec = { noun: 'things', min: -1e300, max: 1e300, example: '1e9' };
    fc.assert(
      fc.property(
        fc.double({ min: 1e-12, max: 1e30, noNaN: true }),
        fc.constantFrom('auto', 'sci', 'suffix'),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        (x, style, sig, negative) => {
          const value = negative ? -x : x;
          const parsed = parseQuantity(formatNumber(value, { style: style as 'auto', sig }), spec);
          expect(parsed.ok).toBe(true);
          if (parsed.ok) expect(Math.abs(parsed.value - value) / Math.abs(value)).toBeLessThanOrEqual(0.5 * 10 ** (1 - sig) + 1e-12);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('printedToTex', () => {
  it.each([
    ['1.3e9', '1.3 \\times 10^{9}'],
    ['2.0e6', '2.0 \\times 10^{6}'],
    ['5,400', '5{,}400'],
    ['0.73', '0.73'],
    ['∼1e4', '\\sim 10^{4}'],
    ['1e-3', '10^{-3}'],
    ['8.8 × 10¹³', '8.8 \\times 10^{13}'],
    ['2.0 × 10⁶', '2.0 \\times 10^{6}'],
    ['∼10¹²', '\\sim 10^{12}'],
    ['10⁻⁵', '10^{-5}'],
    ['∼1.7', '\\sim 1.7'],
  ])('%s → %s', (printed, tex) => {
    expect(printedToTex(printed)).toBe(tex);
  });

  it('keeps every digit of any printed number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99999 }), fc.integer({ min: -30, max: 30 }), (m, e) => {
        const printed = `${m / 100}e${e}`;
        expect(printedToTex(printed)).toContain(String(m / 100));
      }),
    );
  });

  it('refuses text that is not a number', () => {
    expect(() => printedToTex('about 15T')).toThrow(/Cannot turn/);
  });
});

describe('formatSignedPercent', () => {
  it('signs with + and a true minus, never shows NaN', () => {
    expect(formatSignedPercent(0.0123)).toBe('+1.2%');
    expect(formatSignedPercent(-0.045)).toBe('−4.5%');
    expect(formatSignedPercent(0)).toBe('±0%');
    expect(formatSignedPercent(9)).toBe('+900%');
    expect(() => formatSignedPercent(Number.NaN)).toThrow(RangeError);
  });

  it('the sign matches the number and the magnitude reads back (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }).filter((x) => Math.abs(x) > 1e-9), (x) => {
        const s = formatSignedPercent(x, 3);
        expect(s.startsWith(x > 0 ? '+' : '−')).toBe(true);
        const back = Number(s.slice(1, -1).replace(/e/, 'e')) / 100;
        expect(Math.abs(back - Math.abs(x)) / Math.abs(x)).toBeLessThan(0.006);
      }),
    );
  });
});

describe('formatExact, formatCount, significantFigures (constants as printed)', () => {
  it('prints counts in full with separators and never rounds', () => {
    expect(formatCount(1024)).toBe('1,024');
    expect(formatCount(50257)).toBe('50,257');
    expect(formatCount(-524288)).toBe('-524,288');
    expect(formatExact(1024)).toBe('1,024');
    expect(formatExact(0.33917084)).toBe('0.33917084');
    expect(formatExact(406.4)).toBe('406.4');
    expect(formatExact(8.8e13)).toBe('8.8 × 10¹³');
    expect(formatExact(1e-5)).toBe('10⁻⁵');
    expect(() => formatCount(1.5)).toThrow(/not a whole number/);
  });

  it('counts significant figures of printed forms', () => {
    expect(significantFigures('1,024')).toBe(4);
    expect(significantFigures('0.076')).toBe(2);
    expect(significantFigures('0.050')).toBe(2);
    expect(significantFigures('1.50')).toBe(3);
    expect(significantFigures('8.8 × 10¹³')).toBe(2);
    expect(significantFigures('2.1e3')).toBe(2);
    expect(significantFigures('10¹²')).toBe(1);
    expect(significantFigures('10⁻⁵')).toBe(1);
    expect(significantFigures('10^4')).toBe(1);
    expect(significantFigures('0.33917084')).toBe(8);
    // formatExact(1e17) is "10¹⁷": one figure, so a page may show "1e17" without being a rounding.
    expect(significantFigures('10¹⁷')).toBe(1);
    // 100B at 2 figures is "100B", not toPrecision's "1.0e+2B".
    expect(formatNumber(1e11, { sig: 2, style: 'suffix' })).toBe('100B');
    expect(significantFigures('10⁻³')).toBe(1);
  });

  it('formatExact gives back the value exactly (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1e20, noNaN: true }), (x) => {
        const text = formatExact(x).replace(/,/g, '');
        const m = /^([\d.]+)(?: × 10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))?$|^10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.exec(text);
        expect(m).not.toBeNull();
        const sup = (s: string) => Number(s.replace(/[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => String('⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c)).replace('-1', '-')));
        const back = m![3] !== undefined ? 10 ** sup(m![3]) : Number(m![1]) * (m![2] !== undefined ? 10 ** sup(m![2]) : 1);
        expect(Math.abs(back - x) / x).toBeLessThan(1e-12);
      }),
    );
  });
});

describe('parsePrinted', () => {
  it('reads back printed forms', () => {
    expect(parsePrinted('1,024')).toBe(1024);
    expect(parsePrinted('8.8 × 10¹³')).toBe(8.8e13);
    expect(parsePrinted('10⁻⁵')).toBe(1e-5);
    expect(parsePrinted('2.1e3')).toBe(2100);
    expect(parsePrinted('0.050')).toBe(0.05);
    expect(parsePrinted('two')).toBeUndefined();
    expect(parsePrinted('')).toBeUndefined();
  });

  it('inverts formatExact (property)', () => {
    fc.assert(fc.property(fc.double({ min: 1e-12, max: 1e20, noNaN: true }), (x) => {
      expect(parsePrinted(formatExact(x))).toBe(x);
    }));
  });
});
