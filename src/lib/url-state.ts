/**
 * The one URL codec of the widget kit: a widget's state (numbers from fields, strings from choices)
 * ↔ a query string. Pure, no DOM: reading goes through `validate.ts` only, writing keeps only the
 * values that differ from the widget's defaults (so a default page has a clean URL), and keys a
 * widget does not own — including `__proto__` and `constructor` — are never read into its state and
 * are left in the query string untouched.
 */
import { parseQuantity, type FieldSpec } from './validate.ts';
import { formatNumber, type FormatOptions } from './units.ts';

/** A numeric parameter: read with its `FieldSpec`, written with `format`. */
export interface NumberParam {
  kind: 'number';
  spec: FieldSpec;
  /** How the value is written into the URL and the text field (default 4 significant figures, 'auto'). */
  format?: FormatOptions;
}

/** A choice parameter: one of `options` (an exact, case-sensitive match). */
export interface ChoiceParam {
  kind: 'choice';
  /** What is chosen, in words, for messages ("constant set"). */
  noun: string;
  options: readonly string[];
}

export type Param = NumberParam | ChoiceParam;
export type StateValue = number | string;
export type WidgetState = Readonly<Record<string, StateValue>>;

/** Good values read from a URL and one message per parameter that could not be used. */
export interface ReadState {
  values: Record<string, StateValue>;
  errors: Record<string, string>;
}

/** Format a numeric state value the way the URL and text fields show it. */
export function formatParam(value: number, param: NumberParam): string {
  // Whole numbers a reader would type digit by digit (widths, layers, batch sizes) stay plain: "12288", not "1.229e4".
  if (Number.isInteger(value) && Math.abs(value) < 1e7 && !param.format?.style) return String(value);
  return formatNumber(value, { sig: 4, ...param.format });
}

/** Read one raw string as a parameter's value. */
export function readParam(raw: string, param: Param): { ok: true; value: StateValue } | { ok: false; message: string } {
  if (param.kind === 'number') return parseQuantity(raw, param.spec);
  if (param.options.includes(raw)) return { ok: true, value: raw };
  // What was received is not echoed: it is not one of a few known words, and may be anything.
  return { ok: false, message: `Expected a ${param.noun}, one of: ${param.options.join(', ')}.` };
}

/**
 * Read the parameters a widget owns from a query string ("?N=7e10&set=hoffmann-2022-precise").
 * Only keys of `params` (own properties) are looked at; a key given twice uses its first value.
 */
export function readState(search: string, params: Readonly<Record<string, Param>>): ReadState {
  const query = new URLSearchParams(search);
  const values: Record<string, StateValue> = Object.create(null);
  const errors: Record<string, string> = Object.create(null);
  for (const key of Object.keys(params)) {
    const param = Object.hasOwn(params, key) ? params[key] : undefined;
    const raw = query.get(key);
    if (param === undefined || raw === null) continue;
    const read = readParam(raw, param);
    if (read.ok) values[key] = read.value;
    else errors[key] = read.message;
  }
  return { values, errors };
}

/**
 * Write `state` into `search`: each owned key is set when its value differs from `defaults` (as the
 * URL would show it) and deleted otherwise; other keys are kept. Returns the new query string with
 * its "?" (or "" when empty).
 */
export function writeState(
  search: string,
  state: WidgetState,
  defaults: WidgetState,
  params: Readonly<Record<string, Param>>,
): string {
  const query = new URLSearchParams(search);
  for (const key of Object.keys(params)) {
    const param = params[key]!;
    const value = state[key];
    if (value === undefined) continue;
    const shown = (v: StateValue | undefined) =>
      typeof v === 'number' && param.kind === 'number' ? formatParam(v, param) : String(v);
    if (shown(value) === shown(defaults[key])) query.delete(key);
    else query.set(key, shown(value));
  }
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}
