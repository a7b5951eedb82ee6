/**
 * Parameter counter, browser half for the kit. Loaded on first interaction, so the config.json
 * reader (src/lib/hf-config.ts) is not in the boot path. `enhance` wires the JS-only controls: a
 * published-shape select and a pasted config.json, both of which set several fields at once through
 * `kit.set` after checking the candidate state computes. Everything is shown with textContent.
 */
import { readHfConfig } from '../../../src/lib/hf-config.ts';
import type { KitHandle } from '../kit/types.ts';
import { compute, HF_SPECS, stateOfHfShape, type ParamConstants, type ParamState } from './state.ts';

export { compute };
export const loadFigure = () => import('./figure.ts');

export function enhance(form: HTMLFormElement, kit: KitHandle<ParamState>): void {
  const constants = JSON.parse(form.dataset.constants ?? 'null') as ParamConstants;
  const textarea = form.querySelector<HTMLTextAreaElement>('[data-config]');
  const apply = form.querySelector<HTMLButtonElement>('[data-apply-config]');
  const error = form.querySelector<HTMLElement>('[data-config-error]');
  const notes = form.querySelector<HTMLElement>('[data-config-notes]');
  const preset = form.querySelector<HTMLSelectElement>('[data-shape-preset]');

  const show = (message: string, lines: readonly string[]) => {
    if (error) error.textContent = message;
    notes?.replaceChildren(
      ...lines.map((line) => {
        const li = document.createElement('li');
        li.textContent = line;
        return li;
      }),
    );
  };
  /** Set the values if the state they make can be counted; else say why and keep the last good state. */
  const trySet = (values: Partial<ParamState>, lines: readonly string[]) => {
    const candidate = { ...kit.state(), ...values } as ParamState;
    const out = compute(candidate, constants);
    if (!out.ok) return show(`Not applied: ${out.message}`, []);
    kit.set(values);
    show('', lines);
  };

  apply?.addEventListener('click', () => {
    const read = readHfConfig(textarea?.value ?? '', HF_SPECS);
    if (!read.ok) return show(`Not applied. ${read.messages.join(' ')}`, []);
    trySet(stateOfHfShape(read.shape), ['Applied config.json.', ...read.notes]);
  });
  preset?.addEventListener('change', () => {
    const shape = constants.shapes.find((s) => s.id === preset.value);
    if (!shape) return;
    const lines = [`Loaded ${shape.name}: ${shape.cite}.`];
    if (!shape.verified) lines.push('This shape is not verified against its paper (see its model page).');
    if (shape.values.ctx === undefined) lines.push('Its context length is not in the ledger; n_ctx was left as it was.');
    trySet(shape.values, lines);
  });
}
