/**
 * Build-time side of `<Example>`: run an example against the public API and return its output
 * lines, or throw one message naming the chapter, the example and the line, so the build fails.
 */
import * as api from '../lib/api.ts';
import { ExampleError, runExample } from './execute.ts';

/** Where an example sits, for error messages. */
export interface ExampleLocation {
  /** The page's path, e.g. "/chapters/loss-vs-model-size/". */
  page: string;
  /** The example's id, e.g. "ex-kaplan-loss-n-sizes". */
  id: string;
}

/** Ids of examples: kebab-case, starting "ex-". */
export const EXAMPLE_ID = /^ex-[a-z0-9]+(-[a-z0-9]+)*$/;

/** Run `code` and return what it printed; throws an actionable Error when it fails or prints nothing. */
export function exampleOutput(code: string, { page, id }: ExampleLocation): string[] {
  const where = `Example "${id}" on ${page}`;
  if (!EXAMPLE_ID.test(id)) throw new Error(`${where}: the id must be kebab-case and start with "ex-"`);
  const output: string[] = [];
  try {
    runExample(code, api, (line) => output.push(line));
  } catch (e) {
    if (!(e instanceof ExampleError)) throw e;
    const source = e.line === undefined ? undefined : code.split('\n')[e.line - 1];
    const at = e.line === undefined ? '' : ` at line ${e.line}`;
    throw new Error(`${where} failed${at}: ${e.message}${source === undefined ? '' : `\n  ${e.line} | ${source.trim()}`}`);
  }
  if (output.length === 0) throw new Error(`${where} printed nothing; an example shows its result with console.log`);
  return output;
}
