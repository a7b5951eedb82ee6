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
    slug: 'compute-converter',
    title: 'Compute converter',
    question: 'C ≈ 6ND from any two of N, D and C, and the budget in FLOP, PF-days, accelerator-hours and days on a cluster.',
  },
  {
    slug: 'what-k-buys',
    title: 'What does k× buy?',
    question: 'Scale parameters, tokens or compute by k: by how much does the predicted loss fall under each law — and why “10× is 19 %” and “10× is 5 %” are both wrong.',
  },
];
