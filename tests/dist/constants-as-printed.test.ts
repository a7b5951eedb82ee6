/**
 * No built page shows a fixture constant rounded to fewer significant figures than the paper
 * printed (the "1020-token context" for Kaplan's n_ctx = 1,024). How roundings are recognised, and
 * what is deliberately not looked for: tests/support/rounded-constants.ts.
 */
import { describe, expect, it } from 'vitest';
import { pages, visibleText } from '../support/dist.ts';
import { findRounded, roundedForms } from '../support/rounded-constants.ts';

const forms = roundedForms();
const all = pages();

describe('constants are shown as printed', () => {
  it('looks for the roundings of the constants that have more than 3 printed figures', () => {
    expect(forms.some((f) => f.constant === 'kaplan-2020-setup:nCtx' && f.rounded === '1020')).toBe(true);
  });

  it.each(all.map((p) => [p.path, p] as const))('%s shows no rounded constant', (_path, page) => {
    // Corrections quote what a page used to print ("it read 1020"): that is the record, not a rounding.
    const doc = page.document.cloneNode(true) as Document;
    for (const el of doc.querySelectorAll('.correction-note, .corrections-log')) el.remove();
    const text = visibleText(doc);
    const attributes = [...page.document.querySelectorAll('[aria-label], [title], [alt]')]
      .map((el) => ['aria-label', 'title', 'alt'].map((a) => el.getAttribute(a) ?? '').join(' '))
      .join('\n');
    const hits = findRounded(`${text}\n${attributes}`, forms).map(
      (h) => `${h.form.rounded} (${h.form.constant}, printed ${h.form.printed}) in “…${h.context}…”`,
    );
    expect(hits).toEqual([]);
  });
});
