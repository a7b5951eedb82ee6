/**
 * Runs an example: a short TypeScript program that imports from `'scaling-ledger'` (the public API,
 * `src/lib/api.ts`) and prints with `console.log`. The same code runs at build time (Node, to put
 * the true output under the code) and in the reader's browser (inside a Web Worker), so the output
 * format is defined once here. No DOM; nothing here inserts anything into a page.
 *
 * Types are stripped by Sucrase, which keeps every statement on its line, so an error's line in the
 * generated JavaScript is its line in the example.
 */
import { transform } from 'sucrase';

/** The module specifier examples import the public API from. */
export const API_SPECIFIER = 'scaling-ledger';

import { OUTPUT_LIMITS } from './limits.ts';

export { OUTPUT_LIMITS };

/** An example that failed: the message and, where known, the 1-based line of the example. */
export class ExampleError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line: number | undefined) {
    super(message);
    this.name = 'ExampleError';
    this.line = line;
  }
}

/** TypeScript → CommonJS-style JavaScript with the same line numbers; throws ExampleError on a syntax error. */
export function transpile(code: string): string {
  try {
    return transform(code, {
      transforms: ['typescript', 'imports'],
      disableESTransforms: true,
      production: true,
      filePath: 'example.ts',
    }).code;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = /\((\d+):(\d+)\)\s*$/.exec(message);
    throw new ExampleError(`Syntax error: ${message}`, at ? Number(at[1]) : undefined);
  }
}

/** One printed value as the example's output shows it: strings as they are, numbers with all digits, objects as JSON. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value === undefined || value === null) {
    return Object.is(value, -0) ? '-0' : String(value);
  }
  if (typeof value === 'function') return `[function ${value.name || 'anonymous'}]`;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : typeof v === 'bigint' ? String(v) : v), 2) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Where the body of a `new Function` starts in its stack traces (engines add a header of 1–2 lines). */
function bodyLineOffset(): number {
  try {
    new Function('throw new Error("probe")')();
  } catch (e) {
    const line = stackLine(e);
    if (line !== undefined) return line - 1;
  }
  return 0;
}

function stackLine(e: unknown): number | undefined {
  const stack = e instanceof Error && typeof e.stack === 'string' ? e.stack : '';
  const m = /<anonymous>:(\d+):\d+/.exec(stack);
  return m ? Number(m[1]) : undefined;
}

/** The output limit was reached; the run stops. */
export class OutputLimitError extends Error {
  constructor() {
    super(`Output limit reached (${OUTPUT_LIMITS.lines} lines or ${OUTPUT_LIMITS.chars} characters); the run was stopped.`);
    this.name = 'OutputLimitError';
  }
}

/**
 * Transpile and run `code` with `api` as the module `'scaling-ledger'`, calling `print` with each
 * line of console output. Throws ExampleError (message and example line) when the code does not
 * compile, throws, imports anything else, or prints more than {@link OUTPUT_LIMITS}.
 */
export function runExample(code: string, api: Readonly<Record<string, unknown>>, print: (line: string) => void): void {
  const js = transpile(code);
  let lines = 0;
  let chars = 0;
  const write = (...args: unknown[]): void => {
    const text = args.map(formatValue).join(' ');
    for (const line of text.split('\n')) {
      lines += 1;
      chars += line.length;
      if (lines > OUTPUT_LIMITS.lines || chars > OUTPUT_LIMITS.chars) throw new OutputLimitError();
      print(line);
    }
  };
  const sandboxConsole = { log: write, info: write, warn: write, error: write, debug: write };
  const requireApi = (specifier: string): unknown => {
    if (specifier === API_SPECIFIER) return api;
    throw new Error(`Examples can import only from '${API_SPECIFIER}', not '${specifier}'`);
  };
  const offset = bodyLineOffset();
  try {
    const fn = new Function('require', 'exports', 'module', 'console', js) as (
      r: typeof requireApi,
      e: object,
      m: { exports: object },
      c: typeof sandboxConsole,
    ) => void;
    fn(requireApi, {}, { exports: {} }, sandboxConsole);
  } catch (e) {
    if (e instanceof ExampleError) throw e;
    const line = stackLine(e);
    const message = e instanceof Error ? `${e.name}: ${e.message}` : `Thrown: ${formatValue(e)}`;
    throw new ExampleError(message, line === undefined ? undefined : line - offset);
  }
}
