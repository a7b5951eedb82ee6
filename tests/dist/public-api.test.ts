import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { DIST, requireDist } from '../support/dist.ts';

/**
 * The published module /lib/v1/scaling-ledger.js, as a reader gets it: plain Node imports it (no
 * bundler, no TypeScript) and it reproduces values the papers print; its .d.ts type-checks a consumer.
 */
requireDist();
const MODULE = join(DIST, 'lib/v1/scaling-ledger.js');
type Api = typeof import('../../src/lib/api.ts');

describe('the published API module', () => {
  it('imports in Node and computes Kaplan L(N) as the paper prints it', async () => {
    const api = (await import(pathToFileURL(MODULE).href)) as Api;
    const K = api.constantsOf('kaplan-2020-summary', ['alphaN', 'Nc']);
    // Kaplan Eq. (1.1) with α_N = 0.076, N_c = 8.8e13 (Table 5), computed from the printed formula.
    expect(api.lossN(1e9, K)).toBeCloseTo(Math.pow(8.8e13 / 1e9, 0.076), 12);
    // §1.2: "doubling N multiplies the loss by 0.95" (two printed digits).
    expect(api.lossN(2e9, K) / api.lossN(1e9, K)).toBeCloseTo(0.95, 2);
    // §6.3 / Eq. (6.8): the trends cross near L* ≈ 1.7 nats/token (printed with one decimal).
    const laws = api.constantsOf('kaplan-2020-summary', ['alphaCmin', 'Ccmin', 'alphaD', 'Dc']);
    const t6 = api.constantsOf('kaplan-2020-compute-efficient', ['Ne', 'pN', 'Be', 'pB', 'Se', 'pS', 'De', 'pD']);
    expect(api.crossingPoint(laws, api.table6Growth(t6)).L).toBeCloseTo(1.7, 1);
    // Hoffmann Eq. (2) with the rounded constants of Eq. (10) reach E as N, D → ∞.
    const H = api.constantsOf('hoffmann-2022-rounded', ['E', 'A', 'B', 'alpha', 'beta']);
    expect(api.lossHat(1e30, 1e30, H)).toBeCloseTo(H.E, 3);
    expect(() => api.expectClose(1, 2, 0.1)).toThrow(/differs from the printed 2/);
  });

  it('exports exactly the values of src/lib/api.ts', async () => {
    const published = await import(pathToFileURL(MODULE).href);
    const source = await import('../../src/lib/api.ts');
    expect(Object.keys(published).sort()).toEqual(Object.keys(source).sort());
    expect(published.constantSets).toEqual(source.constantSets);
  });

  it('declares its types: a consumer type-checks against scaling-ledger.d.ts and a wrong call does not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-consumer-'));
    try {
      const spec = JSON.stringify(MODULE);
      writeFileSync(join(dir, 'ok.ts'), `import { lossN, constantsOf } from ${spec};\nconst L: number = lossN(1e9, constantsOf('kaplan-2020-summary', ['alphaN', 'Nc']));\nexport { L };\n`);
      writeFileSync(join(dir, 'bad.ts'), `import { lossN } from ${spec};\nexport const L: number = lossN('1e9', { alphaN: 0.076 });\n`);
      const program = ts.createProgram([join(dir, 'ok.ts'), join(dir, 'bad.ts')], {
        strict: true,
        noEmit: true,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        target: ts.ScriptTarget.ES2022,
        lib: ['lib.es2022.d.ts'],
        types: [],
      });
      const messages = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName.replace(dir, '') ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
      expect(messages.filter((m) => !m.startsWith('/bad.ts'))).toEqual([]);
      expect(messages.filter((m) => m.startsWith('/bad.ts')).join('\n')).toMatch(/not assignable/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('runs in a plain Node process, as a reader would use it', () => {
    const script = `import(${JSON.stringify(pathToFileURL(MODULE).href)}).then((m) => console.log(m.formatNumber(m.lossN(1e9, m.constantsOf('kaplan-2020-summary', ['alphaN', 'Nc'])))))`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toMatch(/^2\.\d\d$/);
  });
});
