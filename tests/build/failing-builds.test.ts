import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/**
 * Broken content must stop the build with a message a writer can act on: the file, the field, what
 * was expected and what was received. Each case copies the project to a temporary folder, breaks
 * one thing and runs Astro there.
 */
const ROOT = process.cwd();
// dist-subpath: subpath.test.ts may be building it while this copies the tree.
const SKIP = new Set(['node_modules', 'dist', 'dist-subpath', '.git', '.astro', 'screenshots', 'tests', 'docs']);
const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

function brokenCopy(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-broken-'));
  temps.push(dir);
  cpSync(ROOT, dir, { recursive: true, filter: (src) => !SKIP.has(relative(ROOT, src).split('/')[0]!) });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`the edit did not change ${file}`);
  writeFileSync(path, after);
  return dir;
}

function astro(dir: string, command: 'sync' | 'build'): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), command], {
    cwd: dir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

const CHAPTER = 'content/chapters/loss-vs-model-size.mdx';

describe('the build refuses broken content', () => {
  it('a frontmatter field of the wrong type names the file, the field, expected and received', () => {
    const dir = brokenCopy(CHAPTER, (t) => t.replace(/^order: \d+$/m, 'order: "first"'));
    const { status, output } = astro(dir, 'sync');
    expect(status).not.toBe(0);
    expect(output).toContain('loss-vs-model-size');
    expect(output).toMatch(/order/);
    expect(output).toMatch(/Expected type `"number"`, received `"string"`/);
  });

  it('a missing frontmatter field is reported by name', () => {
    const dir = brokenCopy(CHAPTER, (t) => t.replace(/^sources: .*\n/m, ''));
    const { status, output } = astro(dir, 'sync');
    expect(status).not.toBe(0);
    expect(output).toContain('loss-vs-model-size');
    expect(output).toMatch(/sources/);
  });

  it('a constant without a number fails with the fixture and the field', () => {
    const dir = brokenCopy('content/data/constants/kaplan-2020-summary.json', (t) => t.replace('"value": 0.076', '"value": "0.076"'));
    const { status, output } = astro(dir, 'sync');
    expect(status).not.toBe(0);
    expect(output).toContain('kaplan-2020-summary');
    expect(output).toMatch(/alphaN/);
    expect(output).toMatch(/value/);
    expect(output).toMatch(/[Ee]xpected.*number.*received.*string/);
  });

  it('bad TeX in an <Equation> fails the build', () => {
    const dir = brokenCopy(CHAPTER, (t) => t.replace(String.raw`\log L = \alpha_N`, String.raw`\log L = \alpah_N`));
    const { status, output } = astro(dir, 'build');
    expect(status).not.toBe(0);
    expect(output).toMatch(/alpah/);
  });

  it('bad inline TeX in prose fails the build', () => {
    const dir = brokenCopy(CHAPTER, (t) => t.replace('to a small power $\\alpha_N$', 'to a small power $\\alpah_N$'));
    const { status, output } = astro(dir, 'build');
    expect(status).not.toBe(0);
    expect(output).toMatch(/KaTeX could not render math/);
  });

  it('a cross-reference to an anchor that does not exist fails the build, naming the page and the id', () => {
    const dir = brokenCopy(CHAPTER, (t) => t.replace('<Ref to="eq-kaplan-loss-n" />', '<Ref to="eq-kaplan-loss-nowhere" />'));
    const { status, output } = astro(dir, 'build');
    expect(status).not.toBe(0);
    expect(output).toContain('/chapters/loss-vs-model-size/: <Ref to="eq-kaplan-loss-nowhere"> points to an anchor that does not exist');
  });

  it('a failing example assertion fails the build naming the chapter, the example and the line', () => {
    const dir = brokenCopy('content/examples/loss-vs-model-size/ex-kaplan-loss-n-sizes.ts', (t) => t.replace("expectClose(doubling, 0.95, 0.01", "expectClose(doubling, 0.5, 0.01"));
    const { status, output } = astro(dir, 'build');
    expect(status).not.toBe(0);
    expect(output).toMatch(/Example "ex-kaplan-loss-n-sizes" on \/chapters\/loss-vs-model-size\/ failed at line 13: Error: expectClose: L\(2N\)\/L\(N\) = 0\.94\d* differs from the printed 0\.5/);
  });

  it('an example that throws fails the build with the line', () => {
    const dir = brokenCopy('content/examples/loss-vs-model-size/ex-kaplan-loss-n-sizes.ts', (t) => t.replace("const K = constantsOf('kaplan-2020-summary', ['alphaN', 'Nc']);", "const K = constantsOf('kaplan-2020-summary', ['alphaN', 'Nk']);"));
    const { status, output } = astro(dir, 'build');
    expect(status).not.toBe(0);
    expect(output).toMatch(/ex-kaplan-loss-n-sizes" on \/chapters\/loss-vs-model-size\/ failed at line 4: Error: Constant set "kaplan-2020-summary" has no "Nk"/);
  });
});
