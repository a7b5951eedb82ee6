/**
 * The `@example` expressions of the API reference, evaluated at build time against the public API
 * (as the runnable examples are), so the result printed beside each one is computed, never typed.
 */
import * as api from '../lib/api.ts';
import { ExampleError, runExample } from '../examples/execute.ts';

/** Evaluate one `@example` expression of export `name`; throws naming the export when it fails. */
export function evaluateApiExample(name: string, expression: string): string {
  const names = Object.keys(api).join(', ');
  const code = `import { ${names} } from 'scaling-ledger';\nconsole.log(\n${expression}\n);`;
  const out: string[] = [];
  try {
    runExample(code, api, (line) => out.push(line));
  } catch (e) {
    const message = e instanceof ExampleError ? e.message : String(e);
    throw new Error(`API reference: the @example of ${name} failed: ${message}\n  ${expression}`);
  }
  return out.join('\n');
}
