/**
 * Browser side of the kit, shared by every calculator. Small on purpose (validation, the URL codec,
 * the slider mapping): the calculator's `compute` is imported on first interaction (or at once when
 * the URL asks for another state), and its figure module — with the one shared Plot chunk — after it.
 * Bad input never replaces the results or the figure: the last good state stays and a message next
 * to the field explains (role=alert, aria-invalid). Nothing read from the URL or typed is inserted as HTML.
 */
import { readParam, readState, writeState, type StateValue } from '../../../src/lib/url-state.ts';
import { paramsOf } from './params.ts';
import { formatField, fromSlider, sliderValueText, toSlider } from './slider.ts';
import type { CalculatorModule, ChoiceDef, FieldDef, FigureModule, WidgetState } from './types.ts';

/** Delay before a message about half-typed input is shown (valid input applies at once). */
const MESSAGE_DELAY_MS = 500;
/** URL writes allowed at once within one window; beyond that they are coalesced (browsers throttle replaceState). */
const URL_WRITES_PER_WINDOW = 40;
const URL_WINDOW_MS = 5 * 1000;
const URL_COALESCE_MS = 250;

export type Loader = () => Promise<CalculatorModule>;

/** Rewrites the query string with history.replaceState (never pushState), throttled so a slider drag cannot flood it. */
function urlWriter() {
  let windowStart = 0;
  let count = 0;
  let pending: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const apply = (search: string) => {
    const url = new URL(location.href);
    if (url.search === search) return;
    url.search = search;
    history.replaceState(history.state, '', url);
  };
  return {
    write(search: string) {
      const now = performance.now();
      if (now - windowStart > URL_WINDOW_MS) {
        windowStart = now;
        count = 0;
      }
      if (count < URL_WRITES_PER_WINDOW && timer === undefined) {
        count++;
        apply(search);
        return;
      }
      pending = search;
      timer ??= setTimeout(() => {
        timer = undefined;
        if (pending !== undefined) apply(pending);
        pending = undefined;
      }, URL_COALESCE_MS);
    },
    flush() {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      if (pending !== undefined) apply(pending);
      pending = undefined;
    },
  };
}

/**
 * Mount one widget form rendered by Widget.astro (boot.ts imports this module on the reader's first
 * focus or pointer entry, or at once when the URL carries a state). `initial`: the controls' values
 * before the reader could change them (boot.ts); any that differ now are applied. Returns a promise that settles
 * when the calculator's code has loaded (and its `enhance` hook has run) — boot.ts replays clicks
 * made before then.
 */
export function mountWidget(form: HTMLFormElement, load: Loader, initial: ReadonlyMap<Element, string> = new Map()): Promise<unknown> {
  const constants: unknown = JSON.parse(form.dataset.constants ?? 'null');
  const defaults = JSON.parse(form.dataset.defaults ?? '{}') as Record<string, StateValue>;
  const fields = JSON.parse(form.dataset.fields ?? '[]') as FieldDef[];
  const params = paramsOf(fields, JSON.parse(form.dataset.choices ?? '[]') as ChoiceDef[]);
  /** Fields whose typed text is not a valid value: their message stays until the reader fixes them. */
  const typedErrors = new Set<string>();
  const fieldset = form.querySelector('fieldset')!;
  const plotBox = form.querySelector<HTMLElement>('[data-plot]');
  const description = plotBox?.closest('figure')?.querySelector<HTMLElement>('details p') ?? null;
  const copy = form.querySelector<HTMLButtonElement>('[data-copy-state]');
  const copyStatus = form.querySelector<HTMLElement>('[data-copy-status]');
  const url = urlWriter();

  let state: Record<string, StateValue> = { ...defaults };
  let version = 0;
  let calculator: Promise<CalculatorModule> | undefined;
  let figure: Promise<FigureModule> | undefined;
  /** What a calculator's optional `enhance` hook may do: read the state, set fields (keys not declared are ignored). */
  const kit = {
    state: () => ({ ...state }) as WidgetState,
    set(values: Record<string, StateValue>) {
      const known = Object.entries(values).filter(([k]) => Object.hasOwn(params, k));
      for (const [k, v] of known) showValue(k, v, 'other');
      void apply({ ...state, ...Object.fromEntries(known) }, true);
    },
  };
  const loadCalculator = () => (calculator ??= load().then((m) => (m.enhance?.(form, kit), m)));
  const loadFigure = async (): Promise<FigureModule | undefined> => {
    const module = await loadCalculator();
    return module.loadFigure ? (figure ??= module.loadFigure()) : undefined;
  };

  const box = (name: string) => form.querySelector<HTMLElement>(`.kit-field[data-field="${CSS.escape(name)}"]`);
  const control = (name: string) =>
    form.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${CSS.escape(name)}"]`);
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  function showMessage(name: string, message: string, markField: boolean) {
    clearTimeout(timers.get(name));
    const target = box(name)?.querySelector<HTMLElement>('.field-error');
    if (target) target.textContent = message;
    if (markField) control(name)?.setAttribute('aria-invalid', 'true');
  }
  function clearMessage(name: string) {
    clearTimeout(timers.get(name));
    const target = box(name)?.querySelector<HTMLElement>('.field-error');
    if (target) target.textContent = '';
    control(name)?.removeAttribute('aria-invalid');
  }

  /** Put a value into the field's controls (text box unless it was the source, slider, valuetext). */
  function showValue(name: string, value: StateValue, from: 'text' | 'range' | 'other') {
    const el = control(name);
    const field = fieldOf(name);
    if (field && typeof value === 'number') {
      if (from !== 'text' && el) el.value = formatField(field, value);
      const range = form.querySelector<HTMLInputElement>(`[data-range-for="${CSS.escape(name)}"]`);
      if (range) {
        if (from !== 'range') range.value = String(toSlider(field, value));
        range.setAttribute('aria-valuetext', sliderValueText(field, value));
      }
    } else if (el) el.value = String(value);
  }

  function fieldOf(name: string): FieldDef | undefined {
    return fields.find((f) => f.name === name);
  }

  /** Compute and show a candidate state; on success it becomes the state (and the URL), else the message shows. */
  async function apply(next: Record<string, StateValue>, writeUrl: boolean) {
    const mine = ++version;
    const module = await loadCalculator();
    if (mine !== version) return; // a newer change arrived while the code was loading
    const computed = module.compute(next as WidgetState, constants);
    if (!computed.ok) {
      showMessage(computed.field, computed.message, true);
      return;
    }
    // A reader's change clears the messages it resolved; a state read from the URL keeps the URL's messages.
    if (writeUrl) for (const name of Object.keys(params)) if (!typedErrors.has(name)) clearMessage(name);
    state = next;
    for (const [name, message] of Object.entries(computed.messages ?? {})) showMessage(name, message, true);
    for (const [key, text] of Object.entries(computed.text)) {
      for (const el of form.querySelectorAll<HTMLElement>(`[data-out="${CSS.escape(key)}"]`)) el.textContent = text;
    }
    if (description && computed.description) description.textContent = computed.description;
    if (writeUrl) url.write(writeState(location.search, state, defaults, params));
    const fig = await loadFigure();
    if (mine !== version) return;
    if (fig && plotBox) {
      const width = Math.min(640, Math.max(300, Math.round(plotBox.clientWidth)));
      const drawn = fig.draw(document, state as WidgetState, constants, width);
      // A figure module may update and return the element already shown (a cached landscape with a moved marker): keep it in place.
      if (plotBox.childElementCount !== 1 || plotBox.firstElementChild !== drawn) plotBox.replaceChildren(drawn);
    }
    form.dispatchEvent(new CustomEvent('widget:rendered', { bubbles: true, detail: { ...state } }));
  }

  function set(name: string, value: StateValue, from: 'text' | 'range' | 'other') {
    showValue(name, value, from);
    // Any other field that was showing a message about a cross-field problem is re-checked too.
    void apply({ ...state, [name]: value }, true);
  }

  for (const [name, param] of Object.entries(params)) {
    const el = control(name);
    if (!el) continue;
    if (param.kind === 'choice') {
      el.addEventListener('change', () => {
        const read = readParam(el.value, param);
        if (read.ok) set(name, read.value, 'other');
        else showMessage(name, read.message, true);
      });
      continue;
    }
    const field = fieldOf(name)!;
    el.addEventListener('input', () => {
      const read = readParam(el.value, param);
      if (read.ok) {
        typedErrors.delete(name);
        return set(name, read.value, 'text');
      }
      typedErrors.add(name);
      clearTimeout(timers.get(name));
      timers.set(name, setTimeout(() => showMessage(name, read.message, true), MESSAGE_DELAY_MS));
    });
    el.addEventListener('change', () => {
      const read = readParam(el.value, param);
      if (!read.ok) showMessage(name, read.message, true);
    });
    form.querySelector<HTMLInputElement>(`[data-range-for="${CSS.escape(name)}"]`)?.addEventListener('input', (event) => {
      const range = event.currentTarget as HTMLInputElement;
      typedErrors.delete(name);
      set(name, fromSlider(field, Number(range.value)), 'range');
    });
    form.querySelector<HTMLSelectElement>(`[data-preset-for="${CSS.escape(name)}"]`)?.addEventListener('change', (event) => {
      const select = event.currentTarget as HTMLSelectElement;
      const read = readParam(select.value, param);
      if (read.ok) {
        typedErrors.delete(name);
        set(name, read.value, 'other');
      }
    });
  }

  copy?.addEventListener('click', async () => {
    url.flush();
    try {
      await navigator.clipboard.writeText(location.href);
      if (copyStatus) copyStatus.textContent = 'Link copied.';
    } catch {
      if (copyStatus) copyStatus.textContent = 'The address bar holds the link.';
    }
  });

  form.addEventListener('submit', (event) => event.preventDefault());
  form.querySelector('[data-no-js]')?.remove();
  if (copy) copy.hidden = false;
  fieldset.disabled = false;

  // Values typed or picked before this module arrived: apply them as if their events came now.
  // `initial` holds each control's value when boot.ts ran, before the reader could touch it. Collect
  // first (applying one updates its slider), and skip a slider whose text box was typed in.
  const early = [...initial].filter(([el]) => (el as HTMLInputElement).value !== initial.get(el)).map(([el]) => el as HTMLInputElement | HTMLSelectElement);
  for (const el of early) {
    const forField = el.dataset.rangeFor;
    if (forField && early.some((other) => other.getAttribute('name') === forField)) continue;
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  }
  const fromUrl = readState(location.search, params);
  for (const [name, message] of Object.entries(fromUrl.errors)) {
    showMessage(name, `The link’s ${name} parameter was not used. ${message}`, false);
  }
  const changed = Object.entries(fromUrl.values).filter(([k, v]) => v !== defaults[k]);
  if (changed.length > 0) {
    for (const [k, v] of changed) showValue(k, v, 'other');
    void apply({ ...state, ...Object.fromEntries(changed) }, false);
  }

  // Mounted because the reader is here: load the calculator and its figure now.
  return loadFigure().catch(() => undefined);
}
