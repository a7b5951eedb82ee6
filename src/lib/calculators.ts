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
];
