import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as api from '../../src/lib/api.ts';
import { ExampleError, formatValue, runExample, transpile, OUTPUT_LIMITS } from '../../src/examples/execute.ts';
import { exampleOutput } from '../../src/examples/build.ts';
import { expectClose } from '../../src/lib/expect.ts';
import { decodeCode, encodeCode, MAX_PAYLOAD_CHARS, parseShareFragment, shareFragment } from '../../components/example/share.ts';
import { isWorkerReply } from '../../components/example/protocol.ts';

const ROOT = process.cwd();
const EXAMPLES = join(ROOT, 'content/examples');
const files = readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => join(EXAMPLES, f));
const chapters = readdirSync(join(ROOT, 'content/chapters')).map((f) => readFileSync(join(ROOT, 'content/chapters', f), 'utf8'));

function run(code: string): string[] {
  const out: string[] = [];
  runExample(code, api, (l) => out.push(l));
  return out;
}

function failure(code: string): ExampleError {
  try {
    run(code);
  } catch (e) {
    if (e instanceof ExampleError) return e;
    throw e;
  }
  throw new Error('expected the example to fail');
}

describe('every example in content/examples', () => {
  it('has at least one example', () => expect(files.length).toBeGreaterThan(0));

  it.each(files.map((f) => [relative(ROOT, f), f]))('%s runs, prints, and is shown by a chapter', (_name, file) => {
    const code = readFileSync(file, 'utf8');
    expect(run(code).length).toBeGreaterThan(0);
    const base = file.replace(/^.*\//, '');
    expect(chapters.some((mdx) => mdx.includes(base)), `${base} is not imported by any chapter`).toBe(true);
  });
});

describe('runExample', () => {
  it('runs TypeScript against the public API and prints console output', () => {
    const out = run("import { lossN, constantsOf } from 'scaling-ledger';\nconst N: number = 1e9;\nconsole.log('L', lossN(N, constantsOf('kaplan-2020-summary', ['alphaN', 'Nc'])) > 0);");
    expect(out).toEqual(['L true']);
  });

  it('reports the example line of a throw, a failed expectClose and a syntax error', () => {
    expect(failure("import { lossN } from 'scaling-ledger';\n\ntype T = number;\nthrow new Error('here');").line).toBe(4);
    const e = failure("import { expectClose, lossRatio } from 'scaling-ledger';\nconst r = lossRatio(2, 0.076);\nexpectClose(r, 0.5, 0.01);");
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/differs from the printed 0\.5/);
    const s = failure('const a: number = 1;\nconst b = (;');
    expect(s.line).toBe(2);
    expect(s.message).toMatch(/^Syntax error/);
  });

  it('refuses imports other than the public API', () => {
    expect(failure("import { readFileSync } from 'node:fs';\nconsole.log(readFileSync);").message).toMatch(/only from 'scaling-ledger'/);
  });

  it('stops at the output limit', () => {
    expect(failure('for (;;) console.log("x");').message).toMatch(/Output limit reached/);
    expect(OUTPUT_LIMITS.lines).toBeGreaterThan(100);
  });

  it('formats values the same way at build time and in the browser', () => {
    expect(formatValue('a')).toBe('a');
    expect(formatValue(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(formatValue({ N: 1e9, L: [1, 2] })).toBe('{\n  "N": 1000000000,\n  "L": [\n    1,\n    2\n  ]\n}');
    expect(formatValue(-0)).toBe('-0');
    expect(formatValue(new RangeError('r'))).toBe('RangeError: r');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(formatValue(cyclic)).toBe('[object Object]');
  });

  it('keeps every line where it was when stripping types', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('const a: number = 1;', 'type T = { x: number };', "import { lossN } from 'scaling-ledger';", 'interface I { y: string }', '', 'let b = a as number;'), { maxLength: 12 }), (lines) => {
        const src = ['const a: number = 1;', ...lines].join('\n');
        expect(transpile(src).split('\n').length).toBe(src.split('\n').length);
      }),
    );
  });
});

describe('build-time examples', () => {
  it('name the page, the example and the line when they fail', () => {
    expect(() => exampleOutput("const x = 1;\nthrow new Error('no');", { page: '/chapters/c/', id: 'ex-c' })).toThrow(
      /Example "ex-c" on \/chapters\/c\/ failed at line 2: Error: no\n {2}2 \| throw new Error\('no'\);/,
    );
    expect(() => exampleOutput('const x = 1;', { page: '/p/', id: 'ex-quiet' })).toThrow(/printed nothing/);
    expect(() => exampleOutput('console.log(1)', { page: '/p/', id: 'Bad Id' })).toThrow(/kebab-case/);
  });
});

describe('expectClose', () => {
  it('passes within the relative tolerance and returns the value', () => {
    expect(expectClose(0.9487, 0.95, 0.01)).toBe(0.9487);
    expect(() => expectClose(0.9, 0.95, 0.01, 'ratio')).toThrow(/ratio = 0\.9 differs from the printed 0\.95 by 5\.26 %/);
    expect(() => expectClose(Number.NaN, 1, 0.1)).toThrow(/NaN/);
    expect(() => expectClose(1, 1, -1)).toThrow(RangeError);
  });

  it('accepts exactly the values within tolerance', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), fc.double({ min: -0.5, max: 0.5, noNaN: true }), (printed, rel) => {
        const value = printed * (1 + rel);
        const ok = Math.abs(value - printed) <= 0.1 * printed;
        if (ok) expect(expectClose(value, printed, 0.1)).toBe(value);
        else expect(() => expectClose(value, printed, 0.1)).toThrow();
      }),
    );
  });
});

describe('share links', () => {
  it('round-trip any code', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 300 }), async (code) => {
        const e = await encodeCode(code);
        expect(e.ok).toBe(true);
        if (!e.ok) return;
        expect(e.payload).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(await decodeCode(e.payload)).toEqual({ ok: true, code });
      }),
      { numRuns: 50 },
    );
  });

  it('refuse what is too long, and never throw on damaged payloads', async () => {
    expect((await decodeCode('A'.repeat(MAX_PAYLOAD_CHARS + 1))).ok).toBe(false);
    const random = Array.from({ length: 40_000 }, (_, i) => String.fromCharCode(33 + ((i * 7919) % 90))).join('');
    expect(await encodeCode(random)).toMatchObject({ ok: false, message: expect.stringMatching(/too long to share/) });
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (payload) => {
        const d = await decodeCode(payload);
        if (!d.ok) expect(d.message).toMatch(/could not be read|too long|limit/);
      }),
      { numRuns: 100 },
    );
  });

  it('parse only well-formed fragments', () => {
    expect(parseShareFragment(shareFragment('ex-a-b', 'xyz'))).toEqual({ id: 'ex-a-b', payload: 'xyz' });
    expect(parseShareFragment('#eq-kaplan-loss-n')).toBeUndefined();
    expect(parseShareFragment('#ex-<b>~x')).toBeUndefined();
  });
});

describe('worker replies', () => {
  it('accept only the expected shapes', () => {
    expect(isWorkerReply({ kind: 'line', text: 'x' })).toBe(true);
    expect(isWorkerReply({ kind: 'error', message: 'm', line: 3 })).toBe(true);
    expect(isWorkerReply({ kind: 'line', text: 1 })).toBe(false);
    expect(isWorkerReply({ kind: 'error', message: 'm', line: 1.5 })).toBe(false);
    expect(isWorkerReply('line')).toBe(false);
    expect(isWorkerReply({ kind: 'html', html: '<b>' })).toBe(false);
  });
});
