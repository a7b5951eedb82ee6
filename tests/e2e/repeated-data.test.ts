/**
 * Behaviour specific to the repeated-data calculator (the shared checks are a Case in
 * calculator-pages.test.ts): the run length given as total tokens instead of epochs, the batch-size
 * conversion, and a batch larger than the run refused next to its field. One page load.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type Site } from './support.ts';
import { openPage, poll } from './calculators.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe('repeated-data calculator', () => {
  it('reads the run length as total tokens, converts tokens to steps, and refuses a batch larger than the run', async () => {
    const { page, context, errors } = await openPage(site, '/calculators/repeated-data/');
    const form = page.locator('form[data-widget="repeated-data"]');
    const out = (key: string) => form.locator(`[data-out="${key}"]`).textContent();
    await form.getByRole('combobox', { name: 'Run length given as' }).selectOption('D');
    // The default D is the §6 IsoFLOP run's 178B tokens over 44B unique: 4.05 epochs.
    await poll(() => out('summary')).toContain('44B unique tokens × 4.05 epochs = D = 178B tokens');
    await form.getByRole('textbox', { name: 'Total tokens D' }).fill('5B');
    await poll(() => out('summary')).toContain('so the run sees 5B of them once');
    await poll(() => new URL(page.url()).searchParams.get('given')).toBe('D');
    const batch = form.getByRole('textbox', { name: 'Batch size B' });
    await batch.fill('4M');
    await poll(() => out('steps')).toBe('At B = 4M tokens per step, one epoch is 1.25k steps and the run 1.25k steps (5B tokens, 1 epoch).');
    await batch.fill('8B');
    await poll(() => form.locator('.kit-field[data-field="batch"] [role="alert"]').textContent()).toContain('larger than the whole run');
    expect(await out('steps')).toContain('At B = 4M tokens per step');
    expect(errors).toEqual([]);
    await context.close();
  });
});
