/**
 * How a fixture constant looks when a formatter has rounded it: the strings a page must never show.
 * A constant printed with s significant figures ("1,024": 4) is looked for rounded to 3 … s−1
 * figures in every style the site's formatters write ("1020", "1,020", "1.02e3", "1.02k",
 * "1.02 × 10³"). Fewer than 3 figures is not looked for: such round numbers ("1000", "0.34") occur
 * too often for other reasons. A variant that is itself the printed form of some fixture constant
 * (Hoffmann's rounded E = 1.69 is the precise E to 3 figures) is not a rounding.
 */
import { constantSets, formatConstant } from '../../src/lib/data.ts';
import { formatCount, formatNumber, significantFigures, timesTenPower } from '../../src/lib/units.ts';

export interface RoundedForm {
  /** "kaplan-2020-setup:nCtx" */
  constant: string;
  printed: string;
  /** What a page must not show, e.g. "1020". */
  rounded: string;
  figures: number;
}

/** Every way `value` prints when rounded to `figures` significant figures. */
export function roundings(value: number, figures: number): string[] {
  const r = Number(value.toPrecision(figures));
  const forms = new Set<string>([
    formatNumber(value, { sig: figures }),
    formatNumber(value, { sig: figures, style: 'sci' }),
    formatNumber(value, { sig: figures, style: 'suffix' }),
    timesTenPower(formatNumber(value, { sig: figures, style: 'sci' })),
    value.toPrecision(figures),
  ]);
  if (Number.isInteger(r)) forms.add(formatCount(r));
  return [...forms];
}

/** The rounded forms of every fixture constant (see the module comment for what is left out). */
export function roundedForms(): RoundedForm[] {
  const all = Object.values(constantSets).flatMap((set) =>
    Object.entries(set.constants).map(([key, c]) => ({ constant: `${set.id}:${key}`, value: c.value, printed: formatConstant(c) })),
  );
  const printedForms = new Set(all.map((c) => c.printed));
  const out: RoundedForm[] = [];
  for (const c of all) {
    const figures = significantFigures(c.printed);
    for (let k = 3; k < figures; k++) {
      for (const rounded of roundings(c.value, k)) {
        if (printedForms.has(rounded) || rounded === c.printed) continue;
        out.push({ constant: c.constant, printed: c.printed, rounded, figures: k });
      }
    }
  }
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where `text` shows a rounded form: as a whole number, not part of a longer one ("0.339" inside
 * "0.33917084" does not count, nor "1020" inside "10200" or "1,020,000").
 */
export function findRounded(text: string, forms: readonly RoundedForm[]): { form: RoundedForm; context: string }[] {
  const hits: { form: RoundedForm; context: string }[] = [];
  for (const form of forms) {
    // A number followed by a count suffix, a multiplier sign or a percent sign ("15.4T tokens", "7.3×") is a
    // quantity of its own, not a dimensionless constant rounded.
    const re = new RegExp(`(?<![\\d.,])${escape(form.rounded)}(?![\\d]|[.,]\\d|\\s?×\\s?10|e[+-]?\\d|[kMBT×%])`, 'g');
    for (const m of text.matchAll(re)) {
      hits.push({ form, context: text.slice(Math.max(0, m.index - 40), m.index + form.rounded.length + 40).replace(/\s+/g, ' ') });
    }
  }
  return hits;
}
