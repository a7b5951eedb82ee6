/**
 * Read a model's shape from a pasted Hugging Face `config.json` (the `transformers` PretrainedConfig
 * format), for the parameter counter. The text is parsed with JSON.parse and nothing else: never
 * fetched, never evaluated, never inserted as HTML. Only the keys below are read (own properties of
 * the top-level object; `__proto__` and everything else is ignored); numbers go through
 * `validate.ts` with the counter's field specs. Messages name the key as the file spells it and
 * never quote more than `validate.ts` does. Pure, no DOM.
 */
import { parseQuantity, type FieldSpec } from './validate.ts';

/** Longest config accepted (a real config.json is a few kilobytes). */
export const HF_CONFIG_MAX_CHARS = 200_000;

/** The numeric parts of a shape a config gives, named as in src/lib/transformer.ts. */
export type HfNumericKey = 'nLayer' | 'dModel' | 'dFf' | 'nHeads' | 'nKvHeads' | 'dHead' | 'nVocab' | 'nCtx' | 'nExperts' | 'nActiveExperts';

/** A shape read from a config. `nCtx` is absent when the config gives no context length. */
export interface HfShape {
  nLayer: number;
  dModel: number;
  dFf: number;
  nHeads: number;
  nKvHeads: number;
  dHead: number;
  nVocab: number;
  nCtx?: number;
  nExperts: number;
  nActiveExperts: number;
  ffn: 'standard' | 'gated';
  embeddings: 'tied' | 'untied';
  positions: 'learned' | 'none';
}

export type HfReading =
  | { ok: true; shape: HfShape; /** What was assumed or inferred, in sentences. */ notes: string[] }
  | { ok: false; /** Every problem found, in sentences. */ messages: string[] };

/** The keys read for each quantity, in order of preference (the usual names across model families). */
export const HF_ALIASES: Readonly<Record<HfNumericKey, readonly string[]>> = {
  nLayer: ['num_hidden_layers', 'n_layer', 'n_layers', 'num_layers'],
  dModel: ['hidden_size', 'd_model', 'n_embd'],
  dFf: ['intermediate_size', 'n_inner', 'ffn_dim', 'd_ff', 'ffn_hidden_size'],
  nHeads: ['num_attention_heads', 'n_head', 'n_heads'],
  nKvHeads: ['num_key_value_heads', 'n_kv_heads', 'num_kv_heads'],
  dHead: ['head_dim'],
  nVocab: ['vocab_size', 'n_vocab'],
  nCtx: ['max_position_embeddings', 'n_positions', 'n_ctx', 'seq_length', 'max_sequence_length'],
  nExperts: ['num_local_experts', 'num_experts', 'n_routed_experts'],
  nActiveExperts: ['num_experts_per_tok', 'moe_topk'],
};

const REQUIRED: readonly HfNumericKey[] = ['nLayer', 'dModel', 'nHeads', 'nVocab'];

/** Architectures (and model_type values) whose feed-forward layer is gated: three matrices. */
const GATED_ARCHITECTURES: readonly string[] = [
  'LlamaForCausalLM', 'MistralForCausalLM', 'MixtralForCausalLM', 'Qwen2ForCausalLM', 'Qwen2MoeForCausalLM', 'Qwen3ForCausalLM',
  'Qwen3MoeForCausalLM', 'GemmaForCausalLM', 'Gemma2ForCausalLM', 'Phi3ForCausalLM', 'OlmoForCausalLM', 'Olmo2ForCausalLM',
  'OlmoeForCausalLM', 'DeepseekV2ForCausalLM', 'DeepseekV3ForCausalLM', 'GraniteForCausalLM', 'CohereForCausalLM',
];
const GATED_TYPES: readonly string[] = ['llama', 'mistral', 'mixtral', 'qwen2', 'qwen2_moe', 'qwen3', 'qwen3_moe', 'gemma', 'gemma2', 'phi3', 'olmo', 'olmo2', 'olmoe', 'deepseek_v2', 'deepseek_v3', 'granite', 'cohere'];
/** Activations that Llama-style configs use inside a gated unit. */
const GATED_ACTIVATIONS: readonly string[] = ['silu', 'swiglu', 'swish', 'geglu', 'reglu'];
const PLAIN_ACTIVATIONS: readonly string[] = ['gelu', 'gelu_new', 'gelu_fast', 'gelu_pytorch_tanh', 'relu', 'quick_gelu'];
/** model_type values with learned absolute position embeddings. */
const LEARNED_POSITION_TYPES: readonly string[] = ['gpt2', 'gpt_neo', 'opt', 'gpt_bigcode', 'biogpt', 'xglm'];
/** Keys that mean positions carry no parameters (rotary, ALiBi). */
const PARAMETER_FREE_POSITION_KEYS: readonly string[] = ['rope_theta', 'rope_scaling', 'rotary_dim', 'rotary_pct', 'rotary_emb_base', 'alibi', 'position_embedding_type'];

/** The one-line name of a JSON value's kind, for messages. */
function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'boolean') return 'true or false';
  return typeof v === 'string' ? 'text' : 'something else';
}

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/**
 * Where JSON.parse gave up, from its error message (V8: "… at position 42 …"; Firefox: "… at line 3
 * column 5 …"), without echoing the message itself (it may quote the reader's text).
 */
export function jsonErrorMessage(text: string, error: unknown): string {
  const raw = error instanceof Error ? error.message : '';
  const at = /position (\d+)/.exec(raw);
  const lc = /line (\d+) column (\d+)/.exec(raw);
  if (/end of (JSON )?(data|input)/i.test(raw) || (at && Number(at[1]) >= text.length)) {
    return 'config.json is not valid JSON: it ends before the object is complete (a missing } or ", or only part of the file was pasted).';
  }
  let where: { line: number; column: number; offset?: number } | undefined;
  if (at) where = { ...lineColumn(text, Number(at[1])), offset: Number(at[1]) };
  else if (lc) where = { line: Number(lc[1]), column: Number(lc[2]) };
  if (!where) return 'config.json is not valid JSON; check its quotes, commas and braces.';
  const char = where.offset !== undefined ? ` (character ${where.offset + 1})` : '';
  return `config.json is not valid JSON: the problem is at line ${where.line}, column ${where.column}${char}. Check the quotes, commas and braces there.`;
}

type Found = { key: string; value: unknown } | undefined;

/** The first alias the object has as its own property with a value other than null. */
function find(config: Record<string, unknown>, aliases: readonly string[]): Found {
  for (const key of aliases) if (Object.hasOwn(config, key) && config[key] !== null) return { key, value: config[key] };
  return undefined;
}

/** A JSON value as a number in the field's range, or why not (the key named as the file spells it). */
function readNumber(found: NonNullable<Found>, spec: FieldSpec): { ok: true; value: number } | { ok: false; message: string } {
  const { key, value } = found;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, message: `config.json’s ${key} is too large to represent.` };
    const read = parseQuantity(String(value), spec);
    return read.ok ? read : { ok: false, message: `config.json’s ${key}: ${read.message}` };
  }
  if (typeof value === 'string') {
    const read = parseQuantity(value, spec);
    return read.ok ? read : { ok: false, message: `config.json’s ${key}: ${read.message}` };
  }
  return { ok: false, message: `config.json’s ${key} should be a number; it is ${kindOf(value)}.` };
}

/** The first of `names` that the config's `architectures` list holds (only names we know are echoed). */
function knownArchitecture(config: Record<string, unknown>, names: readonly string[]): string | undefined {
  const list = Object.hasOwn(config, 'architectures') ? config.architectures : undefined;
  if (!Array.isArray(list)) return undefined;
  return names.find((name) => list.some((a) => a === name));
}

/** The config's model_type if it is one of `types`. */
function knownType(config: Record<string, unknown>, types: readonly string[]): string | undefined {
  const t = Object.hasOwn(config, 'model_type') ? config.model_type : undefined;
  return types.find((x) => x === t);
}

/**
 * Read a pasted config.json. `specs` are the calculator's field specs for each numeric key; every
 * value is checked against them. Unknown keys are ignored; a missing required key (layers, width,
 * heads, vocabulary) is named with its aliases; what is assumed (gated or not, tied or not, learned
 * positions or not, defaults for missing optional keys) is said in `notes`.
 */
export function readHfConfig(text: unknown, specs: Readonly<Record<HfNumericKey, FieldSpec>>): HfReading {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, messages: ['Paste the contents of a config.json first: the box is empty.'] };
  if (text.length > HF_CONFIG_MAX_CHARS) {
    return { ok: false, messages: [`That is ${text.length.toLocaleString('en')} characters; a config.json is a few thousand. Paste only the model’s config.json (at most ${HF_CONFIG_MAX_CHARS.toLocaleString('en')} characters).`] };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, messages: [jsonErrorMessage(text, error)] };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ok: false, messages: [`config.json should hold one object ({ … }); this holds ${kindOf(parsed)}.`] };
  }
  const config = parsed as Record<string, unknown>;
  const messages: string[] = [];
  const notes: string[] = [];
  const values: Partial<Record<HfNumericKey, number>> = {};
  for (const key of Object.keys(HF_ALIASES) as HfNumericKey[]) {
    const found = find(config, HF_ALIASES[key]);
    if (!found) {
      if (REQUIRED.includes(key)) messages.push(`config.json has no ${HF_ALIASES[key][0]} (or ${HF_ALIASES[key].slice(1).join(', ')}).`);
      continue;
    }
    const read = readNumber(found, specs[key]);
    if (read.ok) values[key] = read.value;
    else messages.push(read.message);
  }
  const tie = Object.hasOwn(config, 'tie_word_embeddings') ? config.tie_word_embeddings : undefined;
  if (tie !== undefined && typeof tie !== 'boolean') messages.push(`config.json’s tie_word_embeddings should be true or false; it is ${kindOf(tie)}.`);
  if (messages.length > 0) return { ok: false, messages };

  const nLayer = values.nLayer!;
  const dModel = values.dModel!;
  const nHeads = values.nHeads!;
  const nVocab = values.nVocab!;

  // Feed-forward width: n_inner null (GPT-2) or absent means 4·d_model.
  let dFf = values.dFf;
  if (dFf === undefined) {
    dFf = 4 * dModel;
    notes.push(`No intermediate_size (or n_inner null): d_ff = 4·d_model = ${(4 * dModel).toLocaleString('en')} assumed.`);
  }
  // Key/value heads: absent means standard multi-head attention; Falcon's multi_query means one.
  let nKvHeads = values.nKvHeads;
  if (nKvHeads === undefined) {
    const multiQuery = Object.hasOwn(config, 'multi_query') && config.multi_query === true;
    nKvHeads = multiQuery ? 1 : nHeads;
    notes.push(multiQuery ? 'multi_query is true: one key/value head.' : 'No num_key_value_heads: standard multi-head attention (n_kv = n_heads).');
  }
  const dHead = values.dHead ?? dModel / nHeads;
  if (values.dHead !== undefined && values.dHead * nHeads !== dModel) notes.push(`head_dim × heads = ${(values.dHead * nHeads).toLocaleString('en')}, not hidden_size: d_attn differs from d_model.`);

  // Mixture of experts.
  let nExperts = values.nExperts ?? 1;
  let nActiveExperts = values.nActiveExperts ?? 1;
  if (nExperts > 1) {
    if (values.nActiveExperts === undefined) return { ok: false, messages: ['config.json gives a number of experts but no num_experts_per_tok (or moe_topk): how many experts each token uses is needed.'] };
    const moeWidth = find(config, ['moe_intermediate_size']);
    if (moeWidth) {
      const read = readNumber(moeWidth, specs.dFf);
      if (!read.ok) return { ok: false, messages: [read.message] };
      dFf = read.value;
      notes.push('Experts use moe_intermediate_size as d_ff; shared experts and dense first layers (if any) are not counted separately, so the count is approximate.');
    }
    notes.push(`Mixture of experts: ${nExperts} experts per layer, ${nActiveExperts} per token.`);
  } else {
    nExperts = 1;
    nActiveExperts = 1;
  }

  // Gated or standard feed-forward.
  let ffn: HfShape['ffn'] = 'standard';
  const arch = knownArchitecture(config, GATED_ARCHITECTURES);
  const type = knownType(config, GATED_TYPES);
  const actValue = find(config, ['hidden_act', 'activation_function', 'hidden_activation']);
  const act = GATED_ACTIVATIONS.find((a) => a === actValue?.value);
  if (arch) {
    ffn = 'gated';
    notes.push(`Gated feed-forward (three matrices) inferred from architectures: ${arch}.`);
  } else if (type) {
    ffn = 'gated';
    notes.push(`Gated feed-forward (three matrices) inferred from model_type ${type}.`);
  } else if (act) {
    ffn = 'gated';
    notes.push(`Gated feed-forward (three matrices) inferred from the activation ${act}, which Llama-style models use inside a gated unit.`);
  } else {
    const plain = PLAIN_ACTIVATIONS.find((a) => a === actValue?.value);
    notes.push(plain ? `Standard feed-forward (two matrices) inferred from the activation ${plain}.` : 'Standard feed-forward (two matrices) assumed: neither the architecture nor the activation names a gated unit.');
  }

  // Tied or untied output embeddings: transformers' default is tied.
  const embeddings: HfShape['embeddings'] = tie === false ? 'untied' : 'tied';
  if (tie === undefined) notes.push('No tie_word_embeddings: tied, the transformers default.');

  // Positions: learned for GPT-2-like models, none for rotary or ALiBi.
  const learnedType = knownType(config, LEARNED_POSITION_TYPES);
  const freeKey = PARAMETER_FREE_POSITION_KEYS.find((k) => Object.hasOwn(config, k));
  const hasModelType = Object.hasOwn(config, 'model_type');
  let positions: HfShape['positions'];
  if (learnedType) {
    positions = 'learned';
    notes.push(`Learned position embeddings inferred from model_type ${learnedType}.`);
  } else if (freeKey) {
    positions = 'none';
    notes.push(`Positions without parameters inferred from ${freeKey}.`);
  } else if (!hasModelType && Object.hasOwn(config, 'n_positions')) {
    positions = 'learned';
    notes.push('Learned position embeddings assumed from n_positions (GPT-2 style).');
  } else {
    positions = 'none';
    notes.push('Positions without parameters (rotary or similar) assumed.');
  }
  if (values.nCtx === undefined) notes.push('No max_position_embeddings (or n_positions, n_ctx): the context length was left as it was.');

  const shape: HfShape = { nLayer, dModel, dFf, nHeads, nKvHeads, dHead, nVocab, nExperts, nActiveExperts, ffn, embeddings, positions, ...(values.nCtx !== undefined ? { nCtx: values.nCtx } : {}) };
  return { ok: true, shape, notes };
}
