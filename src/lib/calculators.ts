/** The calculators section: one entry per calculator page (index lines and page titles come from here). */
export interface CalculatorEntry {
  /** URL segment: /calculators/<slug>/ (stable once published). */
  slug: string;
  title: string;
  /** One line on the question it answers. */
  question: string;
}

export const CALCULATORS: readonly CalculatorEntry[] = [
  {
    slug: 'budget',
    title: 'Budget → model and data',
    question:
      'I have this much compute: how big a model, trained on how many tokens, under Kaplan, each Chinchilla approach and Epoch’s refit — and the reverse, for a chosen size or a target loss.',
  },
  {
    slug: 'fit',
    title: 'Fit your own runs',
    question:
      'I have a table of training runs: what are E, A, B, α and β — fitted as Hoffmann et al. and Epoch AI did, or by variable projection — how uncertain are they, and what is the compute-optimal model for my budget?',
  },
];
