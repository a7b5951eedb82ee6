/** readHfConfig: a pasted config.json → a shape, with hostile inputs. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HF_CONFIG_MAX_CHARS, jsonErrorMessage, readHfConfig } from '../../src/lib/hf-config.ts';
import { countParameters } from '../../src/lib/transformer.ts';
import { HF_SPECS } from '../../components/widgets/param-counter/state.ts';

/** The config.json of meta-llama/Llama-2-7b-hf, as published (fields the reader ignores included). */
const LLAMA_2_7B = {
  _name_or_path: 'meta-llama/Llama-2-7b-hf',
  architectures: ['LlamaForCausalLM'],
  bos_token_id: 1,
  eos_token_id: 2,
  hidden_act: 'silu',
  hidden_size: 4096,
  initializer_range: 0.02,
  intermediate_size: 11008,
  max_position_embeddings: 4096,
  model_type: 'llama',
  num_attention_heads: 32,
  num_hidden_layers: 32,
  num_key_value_heads: 32,
  pretraining_tp: 1,
  rms_norm_eps: 1e-5,
  rope_scaling: null,
  tie_word_embeddings: false,
  torch_dtype: 'float16',
  transformers_version: '4.31.0.dev0',
  use_cache: true,
  vocab_size: 32000,
};

const GPT2 = { activation_function: 'gelu_new', architectures: ['GPT2LMHeadModel'], model_type: 'gpt2', n_ctx: 1024, n_embd: 768, n_head: 12, n_inner: null, n_layer: 12, n_positions: 1024, vocab_size: 50257 };

const read = (x: unknown) => readHfConfig(typeof x === 'string' ? x : JSON.stringify(x), HF_SPECS);
const messages = (x: unknown) => {
  const r = read(x);
  if (r.ok) throw new Error('expected a refusal');
  return r.messages.join(' ');
};

describe('readHfConfig', () => {
  it('reads Llama 2 7B: gated (from architectures), untied, rotary, 4,096 context, ≈ 6.74B parameters', () => {
    const r = read(LLAMA_2_7B);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.shape).toEqual({ nLayer: 32, dModel: 4096, dFf: 11008, nHeads: 32, nKvHeads: 32, dHead: 128, nVocab: 32000, nCtx: 4096, nExperts: 1, nActiveExperts: 1, ffn: 'gated', embeddings: 'untied', positions: 'none' });
    expect(r.notes.join(' ')).toMatch(/inferred from architectures: LlamaForCausalLM/);
    const p = countParameters({ ...r.shape, embeddings: r.shape.embeddings, positions: 'rotary' });
    expect(Math.abs(p.total / 6.74e9 - 1)).toBeLessThan(0.001);
  });

  it('reads GPT-2 small: n_inner null → 4·d_model, learned positions, tied by default, standard MLP from gelu_new', () => {
    const r = read(GPT2);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.shape).toMatchObject({ nLayer: 12, dModel: 768, dFf: 3072, nHeads: 12, nKvHeads: 12, nVocab: 50257, nCtx: 1024, ffn: 'standard', embeddings: 'tied', positions: 'learned' });
    const notes = r.notes.join(' ');
    expect(notes).toMatch(/4·d_model/);
    expect(notes).toMatch(/tied, the transformers default/);
    expect(notes).toMatch(/gelu_new/);
  });

  it('reads a mixture of experts (Mixtral-style) and grouped-query attention', () => {
    const r = read({ architectures: ['MixtralForCausalLM'], hidden_size: 4096, intermediate_size: 14336, num_attention_heads: 32, num_hidden_layers: 32, num_key_value_heads: 8, num_local_experts: 8, num_experts_per_tok: 2, vocab_size: 32000, tie_word_embeddings: false, max_position_embeddings: 32768, rope_theta: 1e6 });
    expect(r.ok && r.shape).toMatchObject({ nExperts: 8, nActiveExperts: 2, nKvHeads: 8, ffn: 'gated', positions: 'none' });
    expect(messages({ ...LLAMA_2_7B, num_local_experts: 8 })).toMatch(/num_experts_per_tok/);
  });

  it('accepts the aliases, and numbers written as strings', () => {
    const r = read({ n_layers: '24', d_model: '2,048', n_heads: 16, ffn_dim: 8192, vocab_size: 50272, n_positions: 2048 });
    expect(r.ok && r.shape).toMatchObject({ nLayer: 24, dModel: 2048, nHeads: 16, dFf: 8192, nCtx: 2048 });
  });

  it('names every missing required key with its aliases', () => {
    const m = messages({ hidden_size: 4096 });
    expect(m).toMatch(/config.json has no num_hidden_layers \(or n_layer, n_layers, num_layers\)/);
    expect(m).toMatch(/no num_attention_heads/);
    expect(m).toMatch(/no vocab_size/);
    expect(m).not.toMatch(/no hidden_size/);
  });

  it('says where invalid JSON breaks (line, column, character) and when it ends early', () => {
    expect(messages('{\n  "hidden_size": 4096,\n  "n_layer" 12\n}')).toMatch(/line 3, column 13/);
    expect(messages('{"hidden_size": 4096,')).toMatch(/ends before the object is complete/);
    expect(messages('')).toMatch(/empty/);
    expect(messages('[1, 2]')).toMatch(/one object .* a list/);
    expect(messages('null')).toMatch(/null/);
    expect(jsonErrorMessage('x', new Error('JSON.parse: unexpected character at line 2 column 7 of the JSON data'))).toMatch(/line 2, column 7/);
  });

  it('refuses hostile values with a message and never a non-number', () => {
    const hostile: [string, unknown, RegExp][] = [
      ['negative layers', -3, /negative/],
      ['zero', 0, /zero/],
      ['1e400 (Infinity after JSON.parse)', '1e400', /too large to represent/],
      ['absurd', 1e99, /too large/],
      ['5,000 characters', '9'.repeat(5000), /too long/],
      ['nested junk', { a: [1, { b: 2 }] }, /should be a number; it is an object/],
      ['a list', [32], /it is a list/],
      ['boolean', true, /true or false/],
      ['markup', '<img src=x onerror=alert(1)>', /not a number/],
      ['fraction of a layer', 1.5, /whole number/],
    ];
    for (const [what, value, pattern] of hostile) {
      const text = what.startsWith('1e400') ? JSON.stringify(LLAMA_2_7B).replace('"num_hidden_layers":32', '"num_hidden_layers":1e400') : JSON.stringify({ ...LLAMA_2_7B, num_hidden_layers: value });
      const m = messages(text);
      expect(m, what).toMatch(pattern);
      expect(m, what).toMatch(/num_hidden_layers/);
      expect(m, what).not.toMatch(/\bNaN\b|\bInfinity\b|\bundefined\b/);
    }
    expect(messages({ ...LLAMA_2_7B, tie_word_embeddings: 'no' })).toMatch(/tie_word_embeddings should be true or false/);
    expect(messages('x'.repeat(HF_CONFIG_MAX_CHARS + 1))).toMatch(/characters/);
  });

  it('ignores __proto__ and constructor keys and reads only own properties', () => {
    const text = '{"__proto__": {"num_hidden_layers": 5, "polluted": true}, "constructor": {"prototype": {"polluted": true}}, ' + JSON.stringify(LLAMA_2_7B).slice(1);
    const r = readHfConfig(text, HF_SPECS);
    expect(r.ok && r.shape.nLayer).toBe(32);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // A key only inside __proto__ is not read.
    expect(messages('{"__proto__": {"num_hidden_layers": 5}, "hidden_size": 64, "num_attention_heads": 1, "vocab_size": 10}')).toMatch(/no num_hidden_layers/);
  });

  it('never throws and never yields a non-finite value, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ ...LLAMA_2_7B, hidden_size: v }))), (text) => {
        const r = readHfConfig(text, HF_SPECS);
        if (r.ok) {
          for (const v of Object.values(r.shape)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
        } else {
          for (const m of r.messages) expect(m).not.toMatch(/\bNaN\b|\bundefined\b/);
        }
      }),
    );
  });
});
