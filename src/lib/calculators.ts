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
  {
    slug: 'run-loss',
    title: 'Loss of a training run',
    question: 'A model of N parameters trained on D tokens: what loss does each law predict, what is it made of, and was it under- or over-trained?',
  },
  {
    slug: 'fit',
    title: 'Fit your own runs',
    question:
      'I have a table of training runs: what are E, A, B, α and β — fitted as Hoffmann et al. and Epoch AI did, or by variable projection — how uncertain are they, and what is the compute-optimal model for my budget?',
  },
  {
    slug: 'repeated-data',
    title: 'Repeated data',
    question:
      'I have U unique tokens and will train for several epochs: what are the repeated tokens worth, what loss does Muennighoff et al.’s data-constrained law predict against all-unique data, and how many epochs are worth it?',
  },
];
