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
  return countParameters(s).nonEmbedding;
}

/**
 * Kaplan §3.1, Figure 5: the aspect ratio d_model / n_layer (width per layer).
 * @example aspectRatio({ nLayer: 48, dModel: 1600 }) // ≈ 33.3
 */
export function aspectRatio({ nLayer, dModel }: Pick<TransformerShape, 'nLayer' | 'dModel'>): number {
  return dModel / nLayer;
}

/**
 * The share of all parameters that sits in the token and position embeddings, embed / (N + embed)
 * (Kaplan Table 1). Large for small models: the reason Kaplan count N without embeddings (§2.1,
 * Figure 6) and why their N and Hoffmann et al.'s total count differ most at small scale.
 * @example embeddingFraction({ nLayer: 2, dModel: 128, nVocab: 50257, nCtx: 1024 }) // ≈ 0.94
 */
export function embeddingFraction(shape: TransformerShape & EmbeddingShape): number {
  return embeddingParams(shape) / totalParams(shape);
}

/**
 * The standard shape (d_attn = d_ff/4 = d_model) with `nLayer` layers and aspect ratio
 * d_model/n_layer = `ratio`, and the N it has: d_model = ratio·n_layer, N = 12·n_layer·d_model².
 * Not rounded to whole layers.
 * @example shapeFromAspectRatio(1.5e9, 33) // ≈ { nLayer: 48.3, dModel: 1594 }
 */
export function shapeFromAspectRatio(N: number, ratio: number): { nLayer: number; dModel: number } {
  // N = 12·n_layer·(ratio·n_layer)² = 12·ratio²·n_layer³.
  const nLayer = Math.cbrt(N / (12 * ratio * ratio));
  return { nLayer, dModel: ratio * nLayer };
}

/**
 * A shape to count, as the parameter counter takes it: a {@link PrintedShape} whose feed-forward
 * layers may be a mixture of experts. Each MoE layer holds `nExperts` copies of the feed-forward
 * block and sends every token through `nActiveExperts` of them.
 */
export interface CountedShape extends PrintedShape {
  /** Feed-forward experts per layer; default 1 (a dense model). */
  nExperts?: number;
  /** Experts each token is routed through; default 1 when nExperts > 1, else 1. */
  nActiveExperts?: number;
}

/** Where a shape's parameters sit (Kaplan Table 1, rows "Attention", "Feedforward", "Embed", "De-embed"). */
export interface ParameterCount {
  /** Query, key, value and output projections, all layers. */
  attention: number;
  /** Feed-forward matrices of all experts, all layers. */
  feedForward: number;
  /** Feed-forward matrices a single token passes through (= feedForward for a dense model). */
  feedForwardActive: number;
  /** Token embedding n_vocab·d_model. */
  tokenEmbedding: number;
  /** Untied output matrix ("De-embed") d_model·n_vocab; 0 when tied or not stated. */
  outputEmbedding: number;
  /** Learned positions n_ctx·d_model; 0 for rotary, ALiBi or relative positions. */
  positionEmbedding: number;
  /** All three embeddings. */
  embedding: number;
  /** Kaplan's N (Eq. 2.1): attention + feedForward. */
  nonEmbedding: number;
  /** The N a token uses: attention + feedForwardActive. */
  nonEmbeddingActive: number;
  /** Everything stored: nonEmbedding + embedding (Hoffmann et al. App. F count this). */
  total: number;
  /** Everything a token uses: nonEmbeddingActive + embedding. */
  active: number;
}

/** d_attn = n_heads·d_head and the key/value width n_kv·d_head of a shape (Kaplan §2.1; GQA/MQA). */
export function attentionWidths(s: PrintedShape): { dAttn: number; dKv: number } {
  const nHeads = s.nHeads ?? 1;
  const dHead = s.dHead ?? s.dModel / nHeads;
  return { dAttn: nHeads * dHead, dKv: (s.nKvHeads ?? nHeads) * dHead };
}

/**
 * Count a shape's parameters, Kaplan Table 1 generalised: per layer, the query and output
 * projections 2·d_model·d_attn, the key and value projections 2·d_model·d_kv (d_kv = n_kv·d_head:
 * grouped- or multi-query attention shrinks them), and (2, or gated 3)·d_model·d_ff per expert; plus
 * the token embedding n_vocab·d_model, the output matrix again when untied, and n_ctx·d_model for
 * learned positions. Biases, norms and MoE routers (d_model·n_experts per layer) are left out, as
 * Kaplan leave out sub-leading terms. FLOP follow the active count, memory the total.
 * @example countParameters({ nLayer: 32, dModel: 4096, nHeads: 32, dFf: 11008, ffn: 'gated', nVocab: 32000, embeddings: 'untied', positions: 'rotary' }).total // ≈ 6.74e9
 */
export function countParameters(s: CountedShape): ParameterCount {
  const { dAttn, dKv } = attentionWidths(s);
  const dFf = s.dFf ?? 4 * s.dModel;
  const nExperts = s.nExperts ?? 1;
  const nActive = Math.min(nExperts, s.nActiveExperts ?? 1);
  const attention = s.nLayer * 2 * s.dModel * (dAttn + dKv);
  const expert = s.nLayer * (s.ffn === 'gated' ? 3 : 2) * s.dModel * dFf;
  const tokenEmbedding = s.nVocab * s.dModel;
  const outputEmbedding = s.embeddings === 'untied' ? s.nVocab * s.dModel : 0;
  const positionEmbedding = s.positions === 'learned' ? (s.nCtx ?? 0) * s.dModel : 0;
  const embedding = tokenEmbedding + outputEmbedding + positionEmbedding;
  const feedForward = nExperts * expert;
  const feedForwardActive = nActive * expert;
  return {
    attention,
    feedForward,
    feedForwardActive,
    tokenEmbedding,
    outputEmbedding,
    positionEmbedding,
    embedding,
    nonEmbedding: attention + feedForward,
    nonEmbeddingActive: attention + feedForwardActive,
    total: attention + feedForward + embedding,
    active: attention + feedForwardActive + embedding,
  };
}

/** One standard shape of a family with equal N (Kaplan §3.1, Figure 5). */
export interface EqualParamShape {
  /** Whole layers. */
  nLayer: number;
  /** Width that keeps 12·n_layer·d_model² = N for that many layers (not rounded). */
  dModel: number;
  /** d_model / n_layer as it comes out after rounding the layers. */
  ratio: number;
}

/**
 * Kaplan §3.1, Figure 5: standard shapes with (nearly) the same N at different aspect ratios. For
 * each target ratio, the layers of {@link shapeFromAspectRatio} rounded to a whole number (at least 1),
 * then the width {@link dModelForParams} that keeps N = 12·n_layer·d_model² exactly. One shape per
 * ratio, in the order given (two ratios may round to the same depth for a small N).
 * @example shapesAtEqualParams(1.5e9, [10, 50, 200])
 */
export function shapesAtEqualParams(N: number, ratios: readonly number[]): EqualParamShape[] {
  return ratios.map((r) => {
    const nLayer = Math.max(1, Math.round(shapeFromAspectRatio(N, r).nLayer));
    const dModel = dModelForParams(N, nLayer);
    return { nLayer, dModel, ratio: dModel / nLayer };
  });
}
