/**
 * Parameter counts of a decoder-only Transformer from its shape, as Kaplan et al. 2020 count them
 * (§2.1, Eq. (2.1), Table 1). Biases, layer norms and other sub-leading terms are left out, as in the
 * paper. Pure functions.
 */

/** The shape hyperparameters of Kaplan §2.1. */
export interface TransformerShape {
  /** Number of layers n_layer. */
  nLayer: number;
  /** Width of the residual stream d_model. */
  dModel: number;
  /** Width of the feed-forward layer d_ff; default 4·d_model (Kaplan's "standard" shape). */
  dFf?: number;
  /** Width of the attention output d_attn; default d_model. */
  dAttn?: number;
}

/** The shape plus what the embeddings depend on. */
export interface EmbeddingShape {
  dModel: number;
  /** Vocabulary size n_vocab (50 257 for Kaplan's byte-pair encoding). */
  nVocab: number;
  /** Context length n_ctx (learned positional embeddings). */
  nCtx: number;
}

/**
 * Kaplan Eq. (2.1), Table 1: non-embedding parameters N ≈ 2·d_model·n_layer·(2·d_attn + d_ff), which is
 * 12·n_layer·d_model² for the standard d_attn = d_ff/4 = d_model. This is the N of Kaplan's laws.
 * @example nonEmbeddingParams({ nLayer: 48, dModel: 1600 })
 */
export function nonEmbeddingParams({ nLayer, dModel, dFf = 4 * dModel, dAttn = dModel }: TransformerShape): number {
  return 2 * dModel * nLayer * (2 * dAttn + dFf);
}

/**
 * Kaplan §2.1, Table 1 ("Embed"): token and positional embedding parameters (n_vocab + n_ctx)·d_model,
 * which Kaplan's N excludes (Hoffmann et al. 2022, App. F, count them).
 * @example embeddingParams({ dModel: 1600, nVocab: 50257, nCtx: 1024 })
 */
export function embeddingParams({ dModel, nVocab, nCtx }: EmbeddingShape): number {
  return (nVocab + nCtx) * dModel;
}

/**
 * All parameters: Kaplan Eq. (2.1) plus the embeddings of Kaplan Table 1.
 * @example totalParams({ nLayer: 48, dModel: 1600, nVocab: 50257, nCtx: 1024 })
 */
export function totalParams(shape: TransformerShape & EmbeddingShape): number {
  return nonEmbeddingParams(shape) + embeddingParams(shape);
}

/**
 * Kaplan §3.1: d_model for a given n_layer at (approximately) fixed N under N = 12·n_layer·d_model²
 * (the standard shape of Eq. (2.1)) — "varied d_model while keeping N ≈ 12 n_layer d_model² fixed".
 * Not rounded to an integer or to a multiple of the head size.
 * @example dModelForParams(1.5e9, 48)
 */
export function dModelForParams(N: number, nLayer: number): number {
  return Math.sqrt(N / (12 * nLayer));
}
