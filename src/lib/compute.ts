/**
 * Training and inference compute, counted as Kaplan et al. 2020 do (§1.3, §2.1, Eq. (2.2), Table 1)
 * and as Hoffmann et al. 2022 approximate it (C ≈ 6ND, §3.3, App. F). One add-multiply counts as
 * 2 FLOP; the backward pass costs about twice the forward pass. FLOP counts are plain numbers;
 * convert to PF-days with `flopToPfDays` from `units.ts`. Pure functions.
 */
import { attentionWidths, countParameters, nonEmbeddingParams, type CountedShape, type TransformerShape } from './transformer.ts';

/**
 * Kaplan §2.1 and §3.3 (Hoffmann §3.3, App. F): training compute C ≈ 6·N·D FLOP for N parameters
 * trained on D tokens — 2N per token forward and 4N backward; the context-dependent term is dropped.
 * @example trainingFlop(70e9, 1.4e12)
 */
export function trainingFlop(N: number, D: number): number {
  return 6 * N * D;
}

/**
 * Kaplan §1.3: C ≈ 6·N·B·S for batch size B (tokens) and S optimiser steps.
 * @example trainingFlopFromSteps(1e9, 5e5, 1e5)
 */
export function trainingFlopFromSteps(N: number, B: number, S: number): number {
  return 6 * N * B * S;
}

/**
 * Kaplan §2.1, C ≈ 6ND solved for D: the tokens that compute C buys for a model of N parameters.
 * @example tokensForFlop(5.76e23, 70e9)
 */
export function tokensForFlop(C: number, N: number): number {
  return C / (6 * N);
}

/**
 * Kaplan §2.1, C ≈ 6ND solved for N: the model size that compute C allows on D tokens.
 * @example paramsForFlop(5.76e23, 1.4e12)
 */
export function paramsForFlop(C: number, D: number): number {
  return C / (6 * D);
}

/** A Transformer shape with the context length, for the per-token compute of Kaplan Eq. (2.2). */
export interface ContextShape extends TransformerShape {
  /** Context length n_ctx in tokens. */
  nCtx: number;
}

/**
 * Kaplan Eq. (2.2) and Table 1 ("Total (Non-Embedding)"): forward-pass FLOP per token
 * C_forward ≈ 2N + 2·n_layer·n_ctx·d_attn, with N from Eq. (2.1). Eq. (2.2) writes the context term with
 * d_model, Table 1 with d_attn; they agree for the standard d_attn = d_model (the default).
 * @example forwardFlopPerToken({ nLayer: 48, dModel: 1600, nCtx: 1024 })
 */
export function forwardFlopPerToken(shape: ContextShape): number {
  const { nLayer, dModel, nCtx, dAttn = dModel } = shape;
  return 2 * nonEmbeddingParams(shape) + 2 * nLayer * nCtx * dAttn;
}

/**
 * Kaplan §2.1: training FLOP per token ≈ 3 × forward ("the backwards pass [is] approximately twice the
 * compute as the forwards pass"), i.e. 6N plus three times the context term of Eq. (2.2).
 * @example trainingFlopPerToken({ nLayer: 48, dModel: 1600, nCtx: 1024 })
 */
export function trainingFlopPerToken(shape: ContextShape): number {
  return 3 * forwardFlopPerToken(shape);
}

/**
 * Kaplan Eq. (2.2) and Table 1 for any counted shape: forward FLOP per token
 * C_forward ≈ 2·N_active + 2·n_layer·n_ctx·d_attn, where N_active is the non-embedding parameters a
 * token passes through (all of them for a dense model; the routed experts only for a mixture of
 * experts) and d_attn = n_heads·d_head (grouped-query attention shrinks the key and value
 * projections, not the attention over the context). Embedding and de-embedding FLOP are left out,
 * as in Table 1's total. For the standard shape this is {@link forwardFlopPerToken}.
 * @example forwardFlopPerTokenOfShape({ nLayer: 96, dModel: 12288, nHeads: 96, ffn: 'standard', nVocab: 50257, embeddings: 'tied', positions: 'learned', nCtx: 2048 }, 2048)
 */
export function forwardFlopPerTokenOfShape(shape: CountedShape, nCtx: number): number {
  return 2 * countParameters(shape).nonEmbeddingActive + 2 * shape.nLayer * nCtx * attentionWidths(shape).dAttn;
}

/**
 * Kaplan Eq. (2.2) without the context term: ≈ 2N FLOP per generated (served) token for a model of N
 * parameters — the inference cost used for over-training break-even estimates.
 * @example inferenceFlopPerToken(70e9)
 */
export function inferenceFlopPerToken(N: number): number {
  return 2 * N;
}

/**
 * Kaplan §2.1: ratio of the context term to the parameter term of Eq. (2.2),
 * 2·n_layer·n_ctx·d_attn / 2N. For the standard shape it is n_ctx/(12·d_model): below 1 exactly when
 * d_model > n_ctx/12, the condition under which Kaplan drop the term (App. C: confounded when
 * n_ctx ≳ 12·d_model).
 * @example contextFlopRatio({ nLayer: 48, dModel: 1600, nCtx: 1024 })
 */
export function contextFlopRatio(shape: ContextShape): number {
  const { nLayer, dModel, nCtx, dAttn = dModel } = shape;
  return (nLayer * nCtx * dAttn) / nonEmbeddingParams(shape);
}

/** One row of Kaplan Table 1: an operation, its parameters and its forward-pass FLOP per token. */
export interface Table1Row {
  operation: 'Embed' | 'Attention: QKV' | 'Attention: Mask' | 'Attention: Project' | 'Feedforward' | 'De-embed';
  /** Parameters (0 where the paper prints "—"). */
  parameters: number;
  /** Forward-pass FLOP per token. */
  flopPerToken: number;
  /** Counted in Kaplan's non-embedding N and C_forward (Table 1, "Total (Non-Embedding)"). */
  nonEmbedding: boolean;
}

/**
 * Kaplan Table 1, row by row, for one shape: parameters and forward FLOP per token of each operation.
 * The non-embedding rows sum to N (Eq. 2.1) and to C_forward = 2N + 2·n_layer·n_ctx·d_attn (Eq. 2.2).
 * Table 1 writes the Project row's FLOP with d_embd (a typo for d_model, as its parameter column shows).
 * @example table1Rows({ nLayer: 48, dModel: 1600, nCtx: 1024, nVocab: 50257 })
 */
export function table1Rows(shape: ContextShape & { nVocab: number }): Table1Row[] {
  const { nLayer, dModel, nCtx, nVocab, dAttn = dModel, dFf = 4 * dModel } = shape;
  return [
    { operation: 'Embed', parameters: (nVocab + nCtx) * dModel, flopPerToken: 4 * dModel, nonEmbedding: false },
    { operation: 'Attention: QKV', parameters: nLayer * dModel * 3 * dAttn, flopPerToken: 2 * nLayer * dModel * 3 * dAttn, nonEmbedding: true },
    { operation: 'Attention: Mask', parameters: 0, flopPerToken: 2 * nLayer * nCtx * dAttn, nonEmbedding: true },
    { operation: 'Attention: Project', parameters: nLayer * dAttn * dModel, flopPerToken: 2 * nLayer * dAttn * dModel, nonEmbedding: true },
    { operation: 'Feedforward', parameters: nLayer * 2 * dModel * dFf, flopPerToken: 2 * nLayer * 2 * dModel * dFf, nonEmbedding: true },
    { operation: 'De-embed', parameters: 0, flopPerToken: 2 * dModel * nVocab, nonEmbedding: false },
  ];
}
