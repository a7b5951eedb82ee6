/**
 * Units and number formatting. Pure functions, no DOM.
 * FLOP counts are plain numbers of floating-point operations; a PF-day is 10^15 FLOP/s sustained for
 * one day (Kaplan et al. 2020, §1.3): 10^15 × 24 × 3600 = 8.64e19 FLOP.
 */

/**
 * FLOP in one PF-day: 10^15 FLOP/s × 86 400 s (Kaplan §1.3).
 * @example FLOP_PER_PF_DAY
 */
export const FLOP_PER_PF_DAY = 1e15 * 24 * 3600;

/**
 * FLOP → PF-days.
 * @example flopToPfDays(5.76e23)
 */
export function flopToPfDays(flop: number): number {
  return flop / FLOP_PER_PF_DAY;
}

/**
 * PF-days → FLOP.
 * @example pfDaysToFlop(1)
 */
export function pfDaysToFlop(pfDays: number): number {
  return pfDays * FLOP_PER_PF_DAY;
}

/**
 * FLOP delivered by accelerators: hours × 3600 s × peak FLOP/s × utilisation (0 < u ≤ 1).
 * `gpuHours` is the total over all devices (GPUs × hours each).
 * @example gpuHoursToFlop(1000, 312e12, 0.4)
 */
export function gpuHoursToFlop(gpuHours: number, peakFlopPerSecond: number, utilisation: number): number {
  return gpuHours * 3600 * peakFlopPerSecond * utilisation;
}

/**
 * Inverse of {@link gpuHoursToFlop}: accelerator-hours needed for `flop` at that peak and utilisation.
 * @example flopToGpuHours(5.76e23, 312e12, 0.4)
 */
export function flopToGpuHours(flop: number, peakFlopPerSecond: number, utilisation: number): number {
  return flop / (3600 * peakFlopPerSecond * utilisation);
}

function assertFinite(x: number, what: string): void {
  if (!Number.isFinite(x)) throw new RangeError(`Cannot format ${what}: ${String(x)} is not a finite number`);
}

/** Options for {@link formatNumber}. */
export interface FormatOptions {
  /** Significant figures (default 3). */
  sig?: number;
  /**
   * `'auto'` (default): plain digits from 0.001 up to 10 000 and e-notation outside;
   * `'sci'`: always e-notation ("5.76e23"); `'suffix'`: k, M, B, T suffixes ("70B", "1.4T").
   */
  style?: 'auto' | 'sci' | 'suffix';
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** "5.76e23": mantissa with `sig` significant figures (trailing zeros dropped) and a plain exponent. */
function sci(x: number, sig: number): string {
  const [m, e] = x.toExponential(sig - 1).split('e');
  const exp = Number(e);
  return exp === 0 ? trimZeros(m!) : `${trimZeros(m!)}e${exp}`;
}

const SUFFIXES: readonly [number, string][] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/**
 * Format a finite number for a page. Throws a RangeError on a value that is not a finite number,
 * so a broken computation fails the build instead of printing a non-number.
 * @example formatNumber(1234567)
 */
export function formatNumber(x: number, { sig = 3, style = 'auto' }: FormatOptions = {}): string {
  assertFinite(x, 'number');
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (style === 'suffix' && abs >= 1e3 && abs < 1e15) {
    // Round first, so that 999.96e9 becomes "1T", not "1000B".
    const rounded = Number(x.toPrecision(sig));
    const [scale, suffix] = SUFFIXES.find(([s]) => Math.abs(rounded) >= s)!;
    // Number(…) turns toPrecision's "1.0e+2" (100 at 2 figures) back into plain digits.
    const m = (rounded / scale).toPrecision(sig);
    return `${m.includes('e') ? String(Number(m)) : trimZeros(m)}${suffix}`;
  }
  if (style === 'sci' || abs >= 1e4 || abs < 1e-3) return sci(x, sig);
  return trimZeros(Number(x.toPrecision(sig)).toString());
}

/**
 * Format a fraction as a percentage: 0.1605 → "16.1%" (sig significant figures, default 3).
 * @example formatPercent(0.1607)
 */
export function formatPercent(fraction: number, sig = 3): string {
  assertFinite(fraction, 'percentage');
  return `${formatNumber(fraction * 100, { sig })}%`;
}

/**
 * Format with a unit: formatQuantity(5.76e23, 'FLOP') → "5.76e23 FLOP".
 * @example formatQuantity(5.76e23, 'FLOP')
 */
export function formatQuantity(x: number, unit: string, options?: FormatOptions): string {
  return `${formatNumber(x, options)} ${unit}`;
}

/**
 * A whole number in full with thousands separators: 1024 → "1,024", 50257 → "50,257".
 * @example formatCount(50257)
 */
export function formatCount(n: number): string {
  assertFinite(n, 'count');
  if (!Number.isInteger(n)) throw new RangeError(`Cannot format ${n} as a count: not a whole number`);
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${digits}` : digits;
}

const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
};

/** "8.8e13" → "8.8 × 10¹³": the paper's notation for a mantissa and a power of ten, as plain text. */
export function timesTenPower(eNotation: string): string {
  const m = /^(-?[\d.]+)e([+-]?\d+)$/.exec(eNotation);
  if (!m) return eNotation;
  const exponent = String(Number(m[2])).replace(/./g, (ch) => SUPERSCRIPT[ch] ?? ch);
  return m[1] === '1' ? `10${exponent}` : `${m[1]} × 10${exponent}`;
}

/**
 * A number with every digit it has and no more: the fewest significant figures that give back
 * exactly `x` (0.33917084 → "0.33917084", 406.4 → "406.4", 8.8e13 → "8.8 × 10¹³"). Whole numbers
 * below 10^7 print in full with separators (1024 → "1,024"). Never rounds: for fixture constants.
 * @example formatExact(8.8e13)
 */
export function formatExact(x: number): string {
  assertFinite(x, 'number');
  if (Number.isInteger(x) && Math.abs(x) < 1e7) return formatCount(x);
  let sig = 1;
  while (sig < 17 && Number(x.toPrecision(sig)) !== x) sig++;
  return timesTenPower(formatNumber(x, { sig }));
}

/**
 * Significant figures of a printed number ("1,024" → 4, "0.076" → 2, "8.8 × 10¹³" → 2, "1.50" → 3,
 * "2.1e3" → 2). For checking that a page never shows a constant with fewer digits than printed.
 */
export function significantFigures(printed: string): number {
  // A bare power of ten as formatExact writes it ("10¹⁷") has one significant figure.
  if (/^10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+$/.test(printed.trim())) return 1;
  const mantissa = printed.replace(/,/g, '').replace(/\s*(?:[eE][+-]?\d+|[×x]\s*10\S*)\s*$/, '').replace(/^[+\-−]/, '');
  const digits = mantissa.replace('.', '').replace(/^0+/, '');
  if (!mantissa.includes('.')) return digits.replace(/0+$/, '').length || 1;
  return digits.length || 1;
}

/**
 * The number a printed form stands for: "1,024" → 1024, "8.8 × 10¹³" → 8.8e13, "2.1e3" → 2100,
 * "0.050" → 0.05. Returns undefined for text that is not one printed number.
 */
export function parsePrinted(printed: string): number | undefined {
  const sup = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  const text = printed.trim().replace(/,/g, '').replace(/−/g, '-');
  const m = /^(-?\d*\.?\d+)?(?:\s*[×x·]\s*)?(?:10([⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)|10\^\{?(-?\d+)\}?)?$|^(-?\d*\.?\d+[eE][+-]?\d+)$/.exec(text);
  if (!m || text === '') return undefined;
  if (m[4] !== undefined) return Number(m[4]);
  const mantissa = m[1] ?? '1'; // kept as text: Number(`${text}e${n}`) rounds once
  let exponent = 0;
  if (m[2] !== undefined) exponent = Number(m[2].replace('⁻', '-').replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => String(sup.indexOf(c))));
  else if (m[3] !== undefined) exponent = Number(m[3]);
  else if (m[1] === undefined) return undefined;
  return Number(`${mantissa}e${exponent}`);
}
