/** The parameter counter's state module: published shapes, refusals, and no non-numbers anywhere. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { model } from '../../src/lib/data.ts';
import { compute, equalShapes, SPECS, stateOfHfShape, stateOfPrinted, type ParamConstants, type ParamState } from '../../components/widgets/param-counter/state.ts';
import { readHfConfig } from '../../src/lib/hf-config.ts';
import { HF_SPECS } from '../../components/widgets/param-counter/state.ts';

const c: ParamConstants = { shapes: [], ratios: [{ label: 'deep', ratio: 768 / 207 }, { label: 'gpt2', ratio: 1600 / 48 }, { label: 'wide', ratio: 4288 / 6 }] };
const gpt3 = model('gpt-3-175b');
const base = { ...stateOfPrinted(gpt3.shape!), E: 1, k: 1 } as ParamState;
const ok = (s: ParamState) => {
  const out = compute(s, c);
  if (!out.ok) throw new Error(out.message);
  return out;
};

describe('parameter counter state', () => {
  it('GPT-3 175B (Brown et al. 2020, Table 2.1): the summary’s total is within 1 % of the printed 175.0B', () => {
    const out = ok(base);
    expect(out.text.summary).toMatch(/^96 layers of width 12,288, standard feed-forward: N = /);
    // "174.6B" style text: read it back and compare with the printed total (tolerance 1 %, biases and norms left out).
    expect(out.text.total).toMatch(/^\d+(\.\d+)?B$/);
    const total = Number.parseFloat(out.text.total!) * 1e9;
    expect(Math.abs(total / gpt3.parameters.value - 1)).toBeLessThan(0.01);
  });

  it('refuses n_kv > n_heads, heads not divisible by key/value heads, and more active experts than experts', () => {
    for (const [s, field] of [
      [{ ...base, kv: 97 }, 'kv'],
      [{ ...base, kv: 5 }, 'kv'],
      [{ ...base, E: 8, k: 9 }, 'k'],
    ] as const) {
      const out = compute(s, c);
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.field).toBe(field);
    }
  });

  it('a mixture of experts says FLOP follow the active parameters and memory the total', () => {
    const out = ok({ ...base, E: 8, k: 2 });
    expect(out.text.moe).toMatch(/FLOP follow the .* active parameters .* memory follows all/);
    expect(out.text.summary).toMatch(/active per token \(2 of 8 experts\)/);
  });

  it('the equal-N rows keep N and use whole layers', () => {
    const rows = equalShapes(12 * 48 * 1600 * 1600, c);
    expect(rows.map((r) => r.nLayer)).toContain(48);
    for (const r of rows) expect(Number.isInteger(r.nLayer)).toBe(true);
  });

  it('a config.json read into state computes (Llama 2 7B)', () => {
    const r = readHfConfig(JSON.stringify({ architectures: ['LlamaForCausalLM'], hidden_size: 4096, intermediate_size: 11008, num_attention_heads: 32, num_hidden_layers: 32, vocab_size: 32000, tie_word_embeddings: false, max_position_embeddings: 4096 }), HF_SPECS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const out = ok({ ...base, ...stateOfHfShape(r.shape) } as ParamState);
    expect(out.text.total).toBe('6.738B');
  });

  it('any state inside the fields’ ranges yields results or a message, never a non-number', () => {
    const int = (k: keyof typeof SPECS) => fc.integer({ min: SPECS[k].min, max: Math.min(SPECS[k].max, 4096) });
    const real = (k: keyof typeof SPECS) => fc.double({ min: SPECS[k].min, max: SPECS[k].max, noNaN: true });
    fc.assert(
      fc.property(
        fc.record({ L: int('L'), d: real('d'), ff: real('ff'), h: int('h'), kv: int('kv'), hd: real('hd'), V: real('V'), ctx: real('ctx'), E: int('E'), k: int('k'), ffn: fc.constantFrom('standard' as const, 'gated' as const), emb: fc.constantFrom('tied' as const, 'untied' as const), pos: fc.constantFrom('learned' as const, 'none' as const) }),
        (s) => {
          const out = compute(s, c);
          const texts = out.ok ? [...Object.values(out.text), out.description ?? ''] : [out.message];
          expect(texts.join(' ')).not.toMatch(/NaN|Infinity|undefined/);
        },
      ),
    );
  });
});
