/**
 * The widget kit's declarations. A calculator declares its inputs as data (fields and choices), and
 * supplies one pure `compute(state)` shared by the build (first render) and the browser (every
 * update), and one figure module (Plot options + `draw`). The kit does the rest: markup, parsing,
 * URL state, messages, lazy loading and the `widget:rendered` event.
 */
import type { FieldSpec } from '../../../src/lib/validate.ts';
import type { FormatOptions } from '../../../src/lib/units.ts';
import type { WidgetState } from '../../../src/lib/url-state.ts';

export type { WidgetState } from '../../../src/lib/url-state.ts';

/** A preset value offered next to a field ("GPT-3", 1.75e11). */
export interface Preset {
  label: string;
  value: number;
}

/** One numeric input: a text box that accepts what people type, optionally with a slider and presets. */
export interface FieldDef {
  /** URL key and form name ("N", "C"). Never "__proto__" or "constructor". */
  name: string;
  /** Visible label in words, with the symbol ("Non-embedding parameters N"). */
  label: string;
  /** Symbol for the slider label and its aria-valuetext ("N"). Default: `name`. */
  symbol?: string;
  /** Unit shown after the text box ("FLOP", "tokens"); empty for a pure number. */
  unit: string;
  /** What the field accepts (range, unit words, example); see `validate.ts`. */
  spec: FieldSpec;
  /** A slider: 'log' (log10 of the value; for quantities spanning decades) or 'linear'. Default: none. */
  slider?: 'log' | 'linear';
  /** Slider step in slider units (log10 for 'log'). Default 0.05 for log, (max − min)/100 for linear. */
  step?: number;
  /** Slider range when narrower than the field's (e.g. typed up to 1e30 but slid over 1e18–1e28). */
  sliderMin?: number;
  sliderMax?: number;
  /** How the value is shown in the text box and written to the URL (default 4 significant figures, 'auto'). */
  format?: FormatOptions;
  /** Preset values offered in a select next to the field. */
  presets?: readonly Preset[];
}

/** One option of a choice. */
export interface ChoiceOption {
  value: string;
  /** Visible text: for a constant set, the paper and the data it was fitted on. */
  label: string;
}

/** A choice (constant set, law, accelerator): a labelled select whose value is in the URL too. */
export interface ChoiceDef {
  name: string;
  label: string;
  /** What is chosen, in words, for messages ("constant set"). */
  noun: string;
  options: readonly ChoiceOption[];
}

/** What `compute` returns: text for each `data-out` element, or why this state cannot be computed. */
export type Computed =
  | {
      ok: true;
      /** textContent for each element `[data-out="key"]` inside the widget. */
      text: Readonly<Record<string, string>>;
      /** The figure's text description (omit when the widget has no figure). */
      description?: string;
      /**
       * Messages shown next to fields although the rest computed (e.g. a target loss at or below E is
       * refused while everything else updates). Keyed by field or choice name.
       */
      messages?: Readonly<Record<string, string>>;
    }
  | {
      ok: false;
      /** The field or choice the message belongs next to. */
      field: string;
      message: string;
    };

/** The figure half of a calculator, imported lazily in the browser (it pulls in Plot). */
export interface FigureModule<S extends WidgetState = WidgetState, K = unknown> {
  draw(document: Document, state: S, constants: K, width: number): Element;
}

/** The browser half of a calculator: what its component's boot loader imports when a reader first interacts. */
export interface CalculatorModule<S extends WidgetState = WidgetState, K = unknown> {
  compute(state: S, constants: K): Computed;
  /** Dynamic import of the figure module; omit for a widget without a live figure. */
  loadFigure?: () => Promise<FigureModule<S, K>>;
  /**
   * Optional: called once when the module loads (first focus or pointer entry, or a URL state), for
   * controls beyond fields and choices — e.g. a pasted config that sets several fields, or arrow keys
   * on the figure. `kit.set` validates nothing: pass values your own code has checked.
   */
  enhance?(form: HTMLFormElement, kit: KitHandle<S>): void;
}

/** The kit's handle given to `CalculatorModule.enhance`. */
export interface KitHandle<S extends WidgetState = WidgetState> {
  /** The current (last good) state. */
  state(): S;
  /** Show these values in their fields and recompute, as if the reader had typed them (URL updated). */
  set(values: Partial<S>): void;
}
