/**
 * Parameter counter (issue 8, calculator 6): a Transformer's shape → its parameters (non-embedding,
 * embedding, total; for a mixture of experts also the active ones) and its forward and training FLOP
 * per token with the attention term (Kaplan et al. 2020, Eq. (2.1), (2.2), Table 1), and standard
 * shapes with the same N at other aspect ratios (Kaplan §3.1, Figure 5). Modern variants: gated
 * feed-forward layers, grouped-query attention, tied or untied output embeddings, learned or no
 * positional parameters, mixtures of experts. Pure: shared by the build and the browser.
 */
import { forwardFlopPerTokenOfShape } from '../../../src/lib/compute.ts';
import { countParameters, shapesAtEqualParams, type CountedShape, type ParameterCount, type PrintedShape } from '../../../src/lib/transformer.ts';
import { formatCount, formatNumber, formatPercent } from '../../../src/lib/units.ts';
import type { FieldSpec } from '../../../src/lib/validate.ts';
import type { HfNumericKey, HfShape } from '../../../src/lib/hf-config.ts';
import type { ChoiceDef, Computed, FieldDef, Preset } from '../kit/types.ts';

/** The calculator's state: URL keys are the short names. */
export interface ParamState {
  readonly [key: string]: number | string;
  /** n_layer */
  L: number;
  /** d_model */
  d: number;
  /** d_ff, one expert's feed-forward width (one branch of a gated unit) */
  ff: number;
  /** query heads */
  h: number;
  /** key/value heads */
  kv: number;
  /** d_head */
  hd: number;
  /** n_vocab */
  V: number;
  /** n_ctx */
  ctx: number;
  /** experts per layer (1 = dense) */
  E: number;
  /** experts per token */
  k: number;
  ffn: 'standard' | 'gated';
  emb: 'tied' | 'untied';
  pos: 'learned' | 'none';
}

/** The numeric keys of the state, in form order. */
export type ParamField = 'L' | 'd' | 'ff' | 'h' | 'kv' | 'hd' | 'V' | 'ctx' | 'E' | 'k';

/** A published shape offered as a preset (from content/data/models.json, with its source). */
export interface PublishedShape {
  id: string;
  name: string;
  /** Where the shape is printed ("Brown et al. 2020, Table 2.1 …"). */
  cite: string;
  /** The fixture's `verified` flag for the shape. */
  verified: boolean;
  /** State values the shape sets (context only where the fixture has one). */
  values: Partial<ParamState>;
}

/** An aspect ratio d_model/n_layer to compare at equal N, with the Kaplan shape it comes from. */
export interface RatioRow {
  label: string;
  ratio: number;
}

export interface ParamConstants {
  shapes: readonly PublishedShape[];
  ratios: readonly RatioRow[];
}

/** Field specs, keyed by state name: what each field (and a pasted config.json) may hold. */
export const SPECS: Readonly<Record<ParamField, FieldSpec>> = {
  L: { noun: 'layers', min: 1, max: 1000, integer: true, example: '96' },
  d: { noun: 'width d_model', min: 8, max: 1e6, example: '12288' },
  ff: { noun: 'feed-forward width d_ff', min: 8, max: 1e7, example: '49152' },
  h: { noun: 'attention heads', min: 1, max: 1000, integer: true, example: '96' },
  kv: { noun: 'key/value heads', min: 1, max: 1000, integer: true, example: '8' },
  hd: { noun: 'head width d_head', min: 1, max: 1000, example: '128' },
  V: { noun: 'vocabulary tokens', min: 2, max: 1e8, example: '32k' },
  ctx: { noun: 'context tokens', min: 1, max: 1e8, example: '2048' },
  E: { noun: 'experts', min: 1, max: 1000, integer: true, example: '8' },
  k: { noun: 'experts per token', min: 1, max: 1000, integer: true, example: '2' },
};

/** The same specs under the names src/lib/hf-config.ts reads a config.json into. */
export const HF_SPECS: Readonly<Record<HfNumericKey, FieldSpec>> = {
  nLayer: SPECS.L,
  dModel: SPECS.d,
  dFf: SPECS.ff,
  nHeads: SPECS.h,
  nKvHeads: SPECS.kv,
  dHead: SPECS.hd,
  nVocab: SPECS.V,
  nCtx: SPECS.ctx,
  nExperts: SPECS.E,
  nActiveExperts: SPECS.k,
};

/** A shape read from a config.json as state values (the context only when the config gives one). */
export function stateOfHfShape(h: HfShape): Partial<ParamState> {
  return {
    L: h.nLayer,
    d: h.dModel,
    ff: h.dFf,
    h: h.nHeads,
    kv: h.nKvHeads,
    hd: h.dHead,
    V: h.nVocab,
    ...(h.nCtx !== undefined ? { ctx: h.nCtx } : {}),
    E: h.nExperts,
    k: h.nActiveExperts,
    ffn: h.ffn,
    emb: h.embeddings,
    pos: h.positions,
  };
}

const WIDE = { sig: 7 } as const;

/** The form's fields; `presets` per field (GPT-3 and Chinchilla values, cited) come from the fixture. */
export function paramFields(presets: Partial<Record<ParamField, readonly Preset[]>> = {}): FieldDef[] {
  const f = (name: ParamField, def: Omit<FieldDef, 'name' | 'spec'>): FieldDef => ({ name, spec: SPECS[name], ...def, ...(presets[name] ? { presets: presets[name] } : {}) });
  return [
    f('L', { label: 'Layers n_layer', symbol: 'n_layer', unit: 'layers', slider: 'linear', step: 1, sliderMax: 200 }),
    f('d', { label: 'Model width d_model', symbol: 'd_model', unit: 'dimensions', slider: 'log', step: 0.01, sliderMin: 64, sliderMax: 65536, format: WIDE }),
    f('ff', { label: 'Feed-forward width d_ff (per expert)', symbol: 'd_ff', unit: 'dimensions', slider: 'log', step: 0.01, sliderMin: 64, sliderMax: 262144, format: WIDE }),
    f('h', { label: 'Attention heads n_heads', symbol: 'n_heads', unit: 'heads' }),
    f('kv', { label: 'Key/value heads n_kv', symbol: 'n_kv', unit: 'heads' }),
    f('hd', { label: 'Head width d_head', symbol: 'd_head', unit: 'dimensions', format: WIDE }),
    f('V', { label: 'Vocabulary n_vocab', symbol: 'n_vocab', unit: 'tokens', slider: 'log', step: 0.01, sliderMin: 256, sliderMax: 1e6, format: WIDE }),
    f('ctx', { label: 'Context n_ctx', symbol: 'n_ctx', unit: 'tokens', slider: 'log', step: 0.01, sliderMin: 128, sliderMax: 1048576, format: WIDE }),
    f('E', { label: 'Experts per layer n_experts', symbol: 'n_experts', unit: 'experts' }),
    f('k', { label: 'Experts per token (active)', symbol: 'k', unit: 'experts' }),
  ];
}

export const CHOICES: readonly ChoiceDef[] = [
  {
    name: 'ffn',
    label: 'Feed-forward layer',
    noun: 'feed-forward layer',
    options: [
      { value: 'standard', label: 'Standard: two matrices, 2·d_model·d_ff (GPT-2, GPT-3, Chinchilla)' },
      { value: 'gated', label: 'Gated (SwiGLU, GeGLU): three matrices, 3·d_model·d_ff (LLaMA, PaLM)' },
    ],
  },
  {
    name: 'emb',
    label: 'Output embedding',
    noun: 'output embedding',
    options: [
      { value: 'tied', label: 'Tied: the output layer reuses the token embedding' },
      { value: 'untied', label: 'Untied: a separate d_model × n_vocab output matrix' },
    ],
  },
  {
    name: 'pos',
    label: 'Positions',
    noun: 'position encoding',
    options: [
      { value: 'learned', label: 'Learned: n_ctx·d_model parameters (GPT-2, GPT-3)' },
      { value: 'none', label: 'No parameters (rotary, ALiBi, relative)' },
    ],
  },
];

/** The printed-shape form of a state, for src/lib/transformer.ts. */
export function shapeOf(s: ParamState): CountedShape {
  return {
    nLayer: s.L,
    dModel: s.d,
    dFf: s.ff,
    nHeads: s.h,
    nKvHeads: s.kv,
    dHead: s.hd,
    ffn: s.ffn,
    nVocab: s.V,
    embeddings: s.emb,
    positions: s.pos === 'learned' ? 'learned' : 'rotary',
    nCtx: s.ctx,
    nExperts: s.E,
    nActiveExperts: s.k,
  };
}

/**
 * A fixture shape (content/data/models.json) as state values. A shape whose paper does not say
 * whether embeddings are shared counts one matrix (tied: the lower bound); relative, rotary and ALiBi
 * positions carry no parameters. The context length is set only where the fixture has one.
 */
export function stateOfPrinted(s: PrintedShape): Partial<ParamState> {
  const h = s.nHeads ?? 1;
  return {
    L: s.nLayer,
    d: s.dModel,
    ff: s.dFf ?? 4 * s.dModel,
    h,
    kv: s.nKvHeads ?? h,
    hd: s.dHead ?? s.dModel / h,
    V: s.nVocab,
    ...(s.nCtx !== undefined ? { ctx: s.nCtx } : {}),
    E: 1,
    k: 1,
    ffn: s.ffn,
    emb: s.embeddings === 'untied' ? 'untied' : 'tied',
    pos: s.positions === 'learned' ? 'learned' : 'none',
  };
}

/** Bytes per parameter of 16-bit weights (bfloat16 or float16). */
export const BYTES_PER_PARAMETER_16BIT = 2;

const n = (x: number) => formatNumber(x, { sig: 4, style: 'suffix' });
const flop = (x: number) => formatNumber(x, { sig: 4, style: 'sci' });
const whole = (x: number) => formatCount(Math.round(x));

/** Why a state cannot be counted, or undefined. */
function refusal(s: ParamState): { field: string; message: string } | undefined {
  if (s.kv > s.h) return { field: 'kv', message: `There are ${whole(s.kv)} key/value heads but only ${whole(s.h)} query heads; n_kv must not exceed n_heads (n_kv = n_heads is standard multi-head attention).` };
  if (s.h % s.kv !== 0) return { field: 'kv', message: `${whole(s.h)} query heads cannot be split evenly among ${whole(s.kv)} key/value heads: in grouped-query attention n_heads is a multiple of n_kv.` };
  if (s.k > s.E) return { field: 'k', message: `A token cannot be routed through ${whole(s.k)} experts when a layer has ${whole(s.E)}; experts per token must not exceed n_experts.` };
  return undefined;
}

export function compute(s: ParamState, c: ParamConstants): Computed {
  const refused = refusal(s);
  if (refused) return { ok: false, ...refused };
  const shape = shapeOf(s);
  const p = countParameters(shape);
  const forward = forwardFlopPerTokenOfShape(shape, s.ctx);
  const training = 3 * forward;
  const contextTerm = 2 * s.L * s.ctx * s.h * s.hd;
  const moe = s.E > 1;
  const text: Record<string, string> = {
    nonEmbedding: n(p.nonEmbedding),
    embedding: n(p.embedding),
    total: n(p.total),
    active: n(p.active),
    nonEmbeddingActive: n(p.nonEmbeddingActive),
    attention: n(p.attention),
    feedForward: n(p.feedForward),
    tokenEmbedding: n(p.tokenEmbedding),
    outputEmbedding: p.outputEmbedding === 0 ? '0 (tied)' : n(p.outputEmbedding),
    positionEmbedding: p.positionEmbedding === 0 ? '0 (no learned positions)' : n(p.positionEmbedding),
    embeddingShare: formatPercent(p.embedding / p.total),
    forward: flop(forward),
    training: flop(training),
    sixN: flop(6 * p.nonEmbeddingActive),
    contextShare: formatPercent(contextTerm / (2 * p.nonEmbeddingActive)),
    memory: formatNumber((p.total * BYTES_PER_PARAMETER_16BIT) / 1e9, { sig: 3 }),
  };
  text.summary =
    `${whole(s.L)} layers of width ${whole(s.d)}, ${s.ffn === 'gated' ? 'gated' : 'standard'} feed-forward: N = ${n(p.nonEmbedding)} non-embedding parameters, ${n(p.embedding)} in embeddings, ${n(p.total)} in total` +
    (moe ? `, of which ${n(p.active)} are active per token (${whole(s.k)} of ${whole(s.E)} experts).` : '.') +
    ` Training costs ${flop(training)} FLOP per token.`;
  text.moe = moe
    ? `A mixture of experts: FLOP follow the ${n(p.active)} active parameters (${n(p.nonEmbeddingActive)} of them non-embedding), memory follows all ${n(p.total)}: ${text.memory} GB of 16-bit weights.`
    : `A dense model: every token uses all ${n(p.total)} parameters; ${text.memory} GB of 16-bit weights.`;
  const base = p.nonEmbeddingActive;
  for (const [i, row] of equalShapes(base, c).entries()) {
    const standard: CountedShape = { nLayer: row.nLayer, dModel: row.dModel, ffn: 'standard', nVocab: s.V, embeddings: 'tied', positions: 'rotary' };
    text[`eq-${i}-L`] = whole(row.nLayer);
    text[`eq-${i}-d`] = whole(row.dModel);
    text[`eq-${i}-ratio`] = formatNumber(row.ratio, { sig: 3 });
    text[`eq-${i}-forward`] = flop(forwardFlopPerTokenOfShape(standard, s.ctx));
  }
  text['eq-N'] = n(base);
  return { ok: true, text, description: description(s, p) };
}

/** Standard shapes with the same (active, non-embedding) N at Kaplan's aspect ratios. */
export function equalShapes(N: number, c: ParamConstants) {
  return shapesAtEqualParams(N, c.ratios.map((r) => r.ratio));
}

/** The bars of the figure: where the parameters sit. */
export function parts(p: ParameterCount, moe: boolean): { part: string; value: number; cls: string }[] {
  return [
    { part: 'Attention', value: p.attention, cls: 'accent' },
    { part: moe ? 'Feed-forward, active' : 'Feed-forward', value: p.feedForwardActive, cls: 'accent-2' },
    ...(moe ? [{ part: 'Feed-forward, idle experts', value: p.feedForward - p.feedForwardActive, cls: 'muted' }] : []),
    { part: 'Token embedding', value: p.tokenEmbedding, cls: 'muted' },
    { part: 'Output matrix', value: p.outputEmbedding, cls: 'muted' },
    { part: 'Positions', value: p.positionEmbedding, cls: 'muted' },
  ];
}

function description(s: ParamState, p: ParameterCount): string {
  const list = parts(p, s.E > 1)
    .map((x) => `${x.part.toLowerCase()} ${n(x.value)} (${formatPercent(x.value / p.total)})`)
    .join(', ');
  return `A bar chart of where the ${n(p.total)} parameters sit: ${list}.`;
}
