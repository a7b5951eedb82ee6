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
    slug: 'parameter-counter',
    title: 'Parameter counter',
    question:
      'A Transformer’s shape — or a pasted config.json — → its parameters (non-embedding, embedding, total, active), its FLOP per token with the attention term, and other shapes with the same N; gated MLPs, grouped-query attention, tied embeddings and mixtures of experts included.',
  },
  {
    slug: 'loss-landscape',
    title: 'Loss landscape',
    question:
      'Where does a model of N parameters trained on D tokens sit on the map of Chinchilla’s predicted loss: its loss and compute, the best loss that compute buys, and how far it is from the compute-optimal frontier (and from Kaplan’s)?',
  },
  {
    slug: 'fit',
    title: 'Fit your own runs',
    question:
      'I have a table of training runs: what are E, A, B, α and β — fitted as Hoffmann et al. and Epoch AI did, or by variable projection — how uncertain are they, and what is the compute-optimal model for my budget?',
  },
  {
    slug: 'batch-size',
    title: 'Batch size and steps',
    question: 'At my target loss, what is Kaplan’s critical batch size — and for my batch, how many steps and tokens did the run spend against the fewest it could have?',
  },
  {
    slug: 'convergence',
    title: 'Convergence vs compute-efficient',
    question: 'For my model or my compute: what does Kaplan’s compute-efficient run look like, and how much more does training to convergence — or reaching the same loss with a smaller model — cost?',
  },
  {
    slug: 'over-training',
    title: 'Over-training: a smaller model for the same loss',
    question:
      'A model k× smaller than compute-optimal at my budget: how many tokens and how much extra training compute does it need for the same loss, how small can it go, and after how many served tokens does its cheaper inference pay that back?',
  },
  {
    slug: 'overfitting',
    title: 'Overfitting check',
    question:
      'A model of N non-embedding parameters on D tokens: how much does it overfit by Kaplan’s law, how much data does Kaplan’s rule of Eq. (4.4) ask for, and how does that compare with Chinchilla’s tokens per parameter?',
  },
  {
    slug: 'repeated-data',
    title: 'Repeated data',
    question:
      'I have U unique tokens and will train for several epochs: what are the repeated tokens worth, what loss does Muennighoff et al.’s data-constrained law predict against all-unique data, and how many epochs are worth it?',
  },
];
