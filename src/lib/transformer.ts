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

/**
 * A printed model shape (content/data/models.json `shape`), generalising Kaplan §2.1 to the variants
 * of later papers: grouped- or multi-query attention (fewer key/value heads), gated feed-forward
 * units (SwiGLU, GeGLU: three d_model × d_ff matrices instead of two), tied or untied output
 * embeddings, and positions without parameters (rotary, ALiBi, relative).
 */
export interface PrintedShape {
  nLayer: number;
  dModel: number;
  /** Query heads; default one head of width d_model (so d_attn = d_model). */
  nHeads?: number;
  /** Key/value heads; default nHeads. */
  nKvHeads?: number;
  /** Width of one head; default d_model / nHeads. */
  dHead?: number;
  /** One branch of the feed-forward layer; default 4·d_model. */
  dFf?: number;
  ffn: 'standard' | 'gated';
  nVocab: number;
  /** 'not stated' counts one embedding matrix: the lower bound. */
  embeddings: 'tied' | 'untied' | 'not stated';
  positions: 'learned' | 'rotary' | 'alibi' | 'relative';
  nCtx?: number;
}

/**
 * Kaplan Table 1 ("Embed", "De-embed") for a printed shape: n_vocab·d_model for the input embedding,
 * as much again for an untied output layer, and n_ctx·d_model for learned positions. These are the
 * parameters Kaplan's N leaves out (§2.1) and Hoffmann et al. count (App. F).
 */
export function embeddingParamsOfShape(s: PrintedShape): number {
  const tokens = s.nVocab * s.dModel * (s.embeddings === 'untied' ? 2 : 1);
  const positions = s.positions === 'learned' ? (s.nCtx ?? 0) * s.dModel : 0;
  return tokens + positions;
}

/**
 * Kaplan Eq. (2.1) for a printed shape: per layer, the query and output projections
 * 2·d_model·d_attn, the key and value projections 2·d_model·(n_kv·d_head), and the feed-forward
 * matrices (2 or, gated, 3)·d_model·d_ff. Biases and norms are left out, as in the paper. For the
 * standard shape this is Kaplan's 12·n_layer·d_model² ({@link nonEmbeddingParams}).
 */
export function nonEmbeddingParamsOfShape(s: PrintedShape): number {
  const nHeads = s.nHeads ?? 1;
  const dHead = s.dHead ?? s.dModel / nHeads;
  const dAttn = nHeads * dHead;
  const dKv = (s.nKvHeads ?? nHeads) * dHead;
  const dFf = s.dFf ?? 4 * s.dModel;
  const attention = 2 * s.dModel * dAttn + 2 * s.dModel * dKv;
  const feedForward = (s.ffn === 'gated' ? 3 : 2) * s.dModel * dFf;
  return s.nLayer * (attention + feedForward);
}
