/** Parameter counter: a pasted config.json and the published-shape loader (the rest is in calculator-pages). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSite, type Site } from './support.ts';
import { openPage, pageText, poll } from './calculators.ts';

const PAGE = '/calculators/parameter-counter/';
let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const widget = (page: Page) => page.locator('form[data-widget="param-counter"]');
const out = (page: Page, key: string) => widget(page).locator(`[data-out="${key}"]`);
const textarea = (page: Page) => widget(page).getByRole('textbox', { name: /paste a model’s config\.json/ });
const error = (page: Page) => widget(page).locator('[data-config-error]');
const notes = (page: Page) => widget(page).locator('[data-config-notes]');

/** meta-llama/Llama-2-7b-hf's config.json, trimmed of fields the reader ignores (some kept on purpose). */
const LLAMA_2_7B = JSON.stringify(
  { architectures: ['LlamaForCausalLM'], hidden_act: 'silu', hidden_size: 4096, intermediate_size: 11008, max_position_embeddings: 4096, model_type: 'llama', num_attention_heads: 32, num_hidden_layers: 32, num_key_value_heads: 32, rms_norm_eps: 1e-5, tie_word_embeddings: false, torch_dtype: 'float16', vocab_size: 32000 },
  null,
  2,
);
const LLAMA_SUMMARY = '32 layers of width 4,096, gated feed-forward';

/** Paste and apply (clicking again until the lazily loaded code has wired the button). */
async function applyConfig(page: Page, text: string, until: () => Promise<boolean>) {
  await textarea(page).fill(text);
  await poll(async () => {
    await widget(page).getByRole('button', { name: 'Apply config' }).click();
    return until();
  }).toBe(true);
}

describe('parameter counter: config.json', () => {
  it('a Llama 2 7B config sets the fields and results; invalid and hostile configs get a message and change nothing', async () => {
    const { page, context, errors } = await openPage(site, PAGE);
    await applyConfig(page, LLAMA_2_7B, async () => ((await out(page, 'summary').textContent()) ?? '').includes(LLAMA_SUMMARY));
    expect(await widget(page).getByRole('textbox', { name: 'Layers n_layer' }).inputValue()).toBe('32');
    expect(await widget(page).getByRole('combobox', { name: 'Output embedding' }).inputValue()).toBe('untied');
    expect(await widget(page).getByRole('combobox', { name: 'Positions' }).inputValue()).toBe('none');
    // Llama 2 7B holds 6.74B parameters (6,738,415,616 with its norms); tolerance 0.1 %.
    const total = Number.parseFloat((await out(page, 'total').textContent()) ?? '') * 1e9;
    expect(Math.abs(total / 6.74e9 - 1)).toBeLessThan(0.001);
    expect(await notes(page).textContent()).toContain('inferred from architectures: LlamaForCausalLM');
    await poll(() => new URL(page.url()).searchParams.get('L')).toBe('32');
    const good = await out(page, 'summary').textContent();

    const llama = JSON.parse(LLAMA_2_7B) as Record<string, unknown>;
    const hostile: [string, string, RegExp][] = [
      ['invalid JSON', '{\n  "num_hidden_layers": 32,\n  "hidden_size" 4096\n}', /not valid JSON: the problem is at line 3, column/],
      ['cut short', LLAMA_2_7B.slice(0, 40), /ends before the object is complete/],
      ['missing layers', JSON.stringify({ ...llama, num_hidden_layers: undefined }), /config.json has no num_hidden_layers \(or n_layer/],
      ['negative', JSON.stringify({ ...llama, hidden_size: -4096 }), /hidden_size: .*negative/],
      ['1e400', LLAMA_2_7B.replace('"vocab_size": 32000', '"vocab_size": 1e400'), /vocab_size is too large to represent/],
      ['__proto__ and nested junk', `{"__proto__": {"num_hidden_layers": 2}, "constructor": {"x": [1, {"y": 2}]}, ${LLAMA_2_7B.slice(1).replace('"num_hidden_layers": 32', '"num_hidden_layers": {"a": [1]}')}`, /num_hidden_layers should be a number; it is an object/],
      ['5,000 characters', JSON.stringify({ ...llama, num_attention_heads: '9'.repeat(5000) }), /num_attention_heads: .*too long/],
      ['markup', JSON.stringify({ ...llama, num_hidden_layers: '<img src=x onerror="window.__xss=1">' }), /num_hidden_layers: .*not a number/],
      ['n_kv > n_heads', JSON.stringify({ ...llama, num_key_value_heads: 64 }), /Not applied: .*key\/value heads/],
    ];
    for (const [what, text, message] of hostile) {
      await applyConfig(page, text, async () => message.test((await error(page).textContent()) ?? ''));
      expect(await out(page, 'summary').textContent(), what).toBe(good);
      expect(await widget(page).getByRole('textbox', { name: 'Layers n_layer' }).inputValue(), what).toBe('32');
    }
    expect(await pageText(page)).not.toMatch(/\bNaN\b|\bInfinity\b|\bundefined\b/);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.evaluate(() => ({} as Record<string, unknown>).x)).toBeUndefined();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('loads a published shape (Chinchilla 70B, Hoffmann et al. 2022 Table 4) and a mixture of experts', async () => {
    const { page, context, errors } = await openPage(site, PAGE);
    const select = widget(page).getByRole('combobox', { name: 'Load a published shape' });
    await select.focus(); // a reader reaches the select by focus or pointer, which loads the calculator's code
    await poll(async () => {
      await select.selectOption(''); // so that each try is a change, until the lazily loaded code listens
      await select.selectOption('chinchilla-70b');
      return out(page, 'summary').textContent();
    }).toContain('80 layers of width 8,192, standard feed-forward');
    expect(await notes(page).textContent()).toContain('Hoffmann et al. 2022');
    const mixtral = { architectures: ['MixtralForCausalLM'], hidden_size: 4096, intermediate_size: 14336, num_attention_heads: 32, num_hidden_layers: 32, num_key_value_heads: 8, num_local_experts: 8, num_experts_per_tok: 2, vocab_size: 32000, tie_word_embeddings: false, max_position_embeddings: 32768, rope_theta: 1e6 };
    await applyConfig(page, JSON.stringify(mixtral), async () => ((await out(page, 'summary').textContent()) ?? '').includes('(2 of 8 experts)'));
    // Jiang et al. 2024 print 47B total and 13B active; ±0.5B (half the last printed digit).
    const billions = async (key: string) => Number.parseFloat((await out(page, key).textContent()) ?? '') * 1e9;
    expect(Math.abs((await billions('total')) - 47e9)).toBeLessThan(0.5e9);
    expect(Math.abs((await billions('active')) - 13e9)).toBeLessThan(0.5e9);
    expect(await out(page, 'moe').textContent()).toMatch(/FLOP follow the .* active parameters/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
