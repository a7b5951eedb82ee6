/**
 * Constants are shown as the paper printed them: a fixture's `printed` form stands for exactly its
 * value, and the rounding detector behind the dist sweep (tests/dist/constants-as-printed.test.ts)
 * finds what it should and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { constantSets, formatConstant, showConstant } from '../../src/lib/data.ts';
import { parsePrinted } from '../../src/lib/units.ts';
import { findRounded, roundedForms, roundings } from '../support/rounded-constants.ts';

describe('printed forms in the fixtures', () => {
  it('every constant shows a form that reads back as its value', () => {
    for (const set of Object.values(constantSets)) {
      for (const [key, c] of Object.entries(set.constants)) {
        const shown = formatConstant(c);
        expect(parsePrinted(shown), `${set.id}:${key} shows "${shown}"`).toBe(c.value);
      }
    }
  });

  it('shows exact quantities in full and fitted constants with the paper’s digits (Kaplan §2; Table 5; Hoffmann Eq. 10)', () => {
    expect(showConstant('kaplan-2020-setup', 'nCtx')).toBe('1,024');
    expect(showConstant('kaplan-2020-setup', 'nVocab')).toBe('50,257');
    expect(showConstant('kaplan-2020-setup', 'batchTokens')).toBe('524,288');
    expect(showConstant('kaplan-2020-summary', 'Nc')).toBe('8.8 × 10¹³');
    expect(showConstant('kaplan-2020-summary', 'alphaCmin')).toBe('0.050');
    expect(showConstant('kaplan-2020-summary', 'Sc')).toBe('2.1 × 10³');
    expect(showConstant('hoffmann-2022-rounded', 'A')).toBe('406.4');
    expect(showConstant('hoffmann-2022-precise', 'alpha')).toBe('0.33917084');
  });
});

describe('the rounding detector', () => {
  const forms = roundedForms();

  it('knows the ways 1,024 rounds to 3 figures', () => {
    expect(roundings(1024, 3)).toEqual(expect.arrayContaining(['1020', '1,020', '1.02e3', '1.02k', '1.02 × 10³']));
  });

  it('finds the old "1020-token context" and the precise α rounded to 0.339', () => {
    const hits = findRounded('averaged over a 1020-token context; α = 0.339 and β = 0.2849083', forms);
    expect(hits.map((h) => `${h.form.constant}=${h.form.rounded}`).sort()).toEqual([
      'hoffmann-2022-precise:alpha=0.339',
      'kaplan-2020-setup:nCtx=1020',
    ]);
  });

  it('does not flag the printed forms, longer numbers, or a rounding that is another constant’s printed form', () => {
    const text = 'a 1,024-token context, α = 0.33917084, A = 406.4, E = 1.69, 10200 steps, 1,020,000 tokens, 1.020e5';
    expect(findRounded(text, forms)).toEqual([]);
  });
});
