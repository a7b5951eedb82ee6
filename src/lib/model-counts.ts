/**
 * A trained model's parameter count as Kaplan et al. 2020 count it (non-embedding, §2.1 and Eq. 2.1),
 * from what its paper prints. Pearce & Song 2024 trace much of the Kaplan–Chinchilla disagreement to
 * this convention, so the ledger never silently feeds a total count to Kaplan's laws. Pure.
 */
import { embeddingParamsOfShape } from './transformer.ts';
import type { Model } from './schema/models.ts';

export type KaplanBasis = 'printed non-embedding' | 'total minus embeddings' | 'total';

/** The N Kaplan's laws were fitted on (non-embedding), as near as the model's paper allows. */
export interface KaplanCount {
  value: number;
  basis: KaplanBasis;
  /** Embedding parameters subtracted (absent when the shape is not published). */
  embedding?: number;
}

/**
 * Non-embedding parameters of a model (Kaplan §2.1, Pearce & Song 2024): the count its paper prints
 * if it prints one; else the printed total minus the embeddings of its printed shape (Kaplan
 * Table 1: n_vocab·d_model, twice if untied, plus n_ctx·d_model for learned positions); else the
 * printed total, which makes Kaplan's laws read the model as slightly larger than they would.
 */
export function kaplanCount(m: Model, total = m.parameters.value): KaplanCount {
  if (m.nonEmbeddingParameters && total === m.parameters.value) return { value: m.nonEmbeddingParameters.value, basis: 'printed non-embedding' };
  if (m.shape) {
    const embedding = embeddingParamsOfShape(m.shape);
    if (embedding < total) return { value: total - embedding, basis: 'total minus embeddings', embedding };
  }
  return { value: total, basis: 'total' };
}

