/**
 * Schema for `content/data/models.json`: notable trained language models, each with its parameter
 * count and training tokens as printed, and a citation (paper id from `content/data/papers.json` +
 * location) for every number. Pure zod, no Astro imports.
 */
import { z } from 'zod';
import { sourceSchema } from './constants.ts';

/** One printed quantity with its own citation. */
export const quantitySchema = z
  .object({
    value: z.number().finite().positive(),
    /** As printed, e.g. "6.7B", "175.0B", "1.4 Trillion", "about 15T". */
    printed: z.string().min(1),
    source: sourceSchema,
    /** true when read in a primary source (the paper itself, in ≥ 2 independent transcriptions). */
    verified: z.boolean(),
    /** true when the source gives the number only approximately ("about", "over", "15T+"). */
    approximate: z.boolean().default(false),
    note: z.string().min(1).optional(),
  })
  .strict();
export type Quantity = z.infer<typeof quantitySchema>;

/**
 * The shape of a decoder-only Transformer as its paper prints it (Kaplan §2.1 symbols), enough to count
 * embedding and non-embedding parameters (src/lib/transformer.ts). Omitted fields fall back to the
 * standard shape (d_attn = d_model, d_ff = 4·d_model, one key/value head per query head).
 */
export const shapeSchema = z
  .object({
    nLayer: z.number().int().positive(),
    dModel: z.number().int().positive(),
    /** Query heads; with dHead it gives d_attn = nHeads·dHead. */
    nHeads: z.number().int().positive().optional(),
    /** Key/value heads (grouped- or multi-query attention); default nHeads. */
    nKvHeads: z.number().int().positive().optional(),
    /** Width of one head; default d_model / nHeads. */
    dHead: z.number().int().positive().optional(),
    /** Width of the feed-forward layer (one branch of a gated unit); default 4·d_model. */
    dFf: z.number().positive().optional(),
    /** 'gated' (SwiGLU, GeGLU: three d_model × d_ff matrices) or 'standard' (two). */
    ffn: z.enum(['standard', 'gated']),
    nVocab: z.number().int().positive(),
    /** Whether the output layer reuses the input embedding; 'not stated' counts one matrix (a lower bound). */
    embeddings: z.enum(['tied', 'untied', 'not stated']),
    /** 'learned' adds n_ctx·d_model embedding parameters (Kaplan Table 1); rotary and ALiBi add none. */
    positions: z.enum(['learned', 'rotary', 'alibi', 'relative']),
    nCtx: z.number().int().positive().optional(),
    source: sourceSchema,
    verified: z.boolean(),
    note: z.string().min(1).optional(),
  })
  .strict()
  .refine((s) => s.positions !== 'learned' || s.nCtx !== undefined, {
    message: 'learned positional embeddings need nCtx (their count is n_ctx·d_model)',
    path: ['nCtx'],
  });
export type Shape = z.infer<typeof shapeSchema>;

export const modelSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id'),
    name: z.string().min(1),
    family: z.string().min(1),
    organisation: z.string().min(1),
    /** Year the model was first described (its own paper, or the paper Hoffmann et al. 2022 Table 1 cites for it). */
    year: z.number().int().min(2017),
    /** The model's own paper, when it is in papers.json (Jurassic-1's white paper is not on arXiv). */
    paper: z.string().min(1).optional(),
    parameters: quantitySchema.extend({
      /**
       * What the count includes. All papers cited here count total parameters, embeddings included;
       * Kaplan et al. 2020's laws use non-embedding parameters.
       */
      counts: z.enum(['total', 'non-embedding']),
    }),
    trainingTokens: quantitySchema,
    /** Training compute as the paper reports it (FLOPs), where it does. */
    reportedTrainingFlop: quantitySchema.optional(),
    /** 'dense' (default) or 'mixture-of-experts'; a mixture of experts must give activeParameters. */
    architecture: z.enum(['dense', 'mixture-of-experts']).default('dense'),
    /** Parameters used per token (mixture of experts only). */
    activeParameters: quantitySchema.optional(),
    /** Non-embedding parameters where the paper prints them (e.g. Gemma, Table 2). */
    nonEmbeddingParameters: quantitySchema.optional(),
    /** The shape where the paper prints it; lets the ledger compute non-embedding parameters. */
    shape: shapeSchema.optional(),
    note: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.architecture === 'mixture-of-experts' && !m.activeParameters) {
      ctx.addIssue({ code: 'custom', path: ['activeParameters'], message: 'a mixture-of-experts model needs activeParameters (parameters used per token)' });
    }
    if (m.architecture === 'dense' && m.activeParameters) {
      ctx.addIssue({ code: 'custom', path: ['activeParameters'], message: 'activeParameters is for mixture-of-experts models; set architecture to "mixture-of-experts" or remove it' });
    }
    if (m.activeParameters && m.activeParameters.value > m.parameters.value) {
      ctx.addIssue({ code: 'custom', path: ['activeParameters', 'value'], message: `expected active parameters ≤ total parameters (${m.parameters.value}), received ${m.activeParameters.value}` });
    }
  });
export type Model = z.infer<typeof modelSchema>;

export const modelsSchema = z.array(modelSchema).min(1).superRefine((models, ctx) => {
  const seen = new Set<string>();
  models.forEach((m, i) => {
    if (seen.has(m.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `expected a unique model id, received "${m.id}" twice` });
    seen.add(m.id);
  });
});
