/**
 * Slider ↔ value mapping shared by the markup (build) and the controller (browser). A log slider
 * moves in log10 of the value, so every decade gets the same travel.
 */
import { formatParam } from '../../../src/lib/url-state.ts';
import type { FieldDef } from './types.ts';

export interface SliderRange {
  min: number;
  max: number;
  step: number;
}

/** The slider's own range and step (in log10 units for a log slider). */
export function sliderRange(field: FieldDef): SliderRange {
  const lo = field.sliderMin ?? field.spec.min;
  const hi = field.sliderMax ?? field.spec.max;
  if (field.slider === 'log') return { min: Math.log10(lo), max: Math.log10(hi), step: field.step ?? 0.05 };
  return { min: lo, max: hi, step: field.step ?? (hi - lo) / 100 };
}

/** Slider position for a value (clamped to the slider's range). */
export function toSlider(field: FieldDef, value: number): number {
  const { min, max } = sliderRange(field);
  const x = field.slider === 'log' ? Math.log10(value) : value;
  return Math.min(max, Math.max(min, x));
}

/** Value for a slider position, rounded to 4 significant figures so the URL stays short. */
export function fromSlider(field: FieldDef, position: number): number {
  const x = field.slider === 'log' ? 10 ** position : position;
  const v = Number(x.toPrecision(4));
  return Math.min(field.spec.max, Math.max(field.spec.min, v));
}

/** The value as the text box and URL show it. */
export function formatField(field: FieldDef, value: number): string {
  return formatParam(value, { kind: 'number', spec: field.spec, ...(field.format ? { format: field.format } : {}) });
}

/** What a screen reader announces for the slider ("N = 1.5e9 parameters"). */
export function sliderValueText(field: FieldDef, value: number): string {
  return `${field.symbol ?? field.name} = ${formatField(field, value)}${field.unit ? ` ${field.unit}` : ''}`;
}
