/**
 * No built page shows a fixture constant rounded to fewer significant figures than the paper
 * printed (the "1020-token context" for Kaplan's n_ctx = 1,024). How roundings are recognised, and
 * what is deliberately not looked for: tests/support/rounded-constants.ts.
 */
import { describe, expect, it } from 'vitest';
import { pages, visibleText } from '../support/dist.ts';
import { findRounded, roundedForms } from '../support/rounded-constants.ts';

const forms = roundedForms();

/**
 * Coincidences read and judged: a derived figure that happens to equal a rounded constant. Each
 * names the pages, the figure and why it is not the constant.
 */
const COINCIDENCES: readonly { pages: RegExp; rounded: string; constant: string; why: string; context?: string }[] = [
  {
    pages: /^\/budgets\//,
    rounded: '1.817',
    constant: 'besiroglu-2024-refit:E',
    why: 'a predicted loss (nats/token) in the budget table, not Epoch’s E',
  },
  {
    pages: /^\/calculators\/run-loss\//,
    rounded: '1.693',
    constant: 'hoffmann-2022-precise:E',
    context: 'Eq. (1.5)1.693',
    why: 'Kaplan’s L(N, D) for the default run (70B, 1.4T) happens to be 1.693 nats/token; the breakdown’s E is shown in full',
  },
  {
    pages: /^\/(calculators\/repeated-data|chapters\/after-chinchilla)\//,
    rounded: '15.3878',
    constant: 'muennighoff-2023-c4:RDstar',
    context: 'Table 1 15.3878',
    why: 'the constants table’s Source column quotes where Muennighoff et al. print R_D* rounded (Table 1); its Value column shows every digit',
  },
];
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
    const hits = findRounded(`${text}\n${attributes}`, forms)
      .filter(
        (h) =>
          !COINCIDENCES.some(
            (c) => c.pages.test(page.path) && c.rounded === h.form.rounded && c.constant === h.form.constant && (!c.context || h.context.includes(c.context)),
          ),
      )
      .map(
      (h) => `${h.form.rounded} (${h.form.constant}, printed ${h.form.printed}) in “…${h.context}…”`,
    );
    expect(hits).toEqual([]);
  });
});
