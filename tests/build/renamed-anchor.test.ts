/**
 * Renaming a published anchor keeps the old id working: build a copy where an equation is renamed
 * with its old id as an alias, and check that the old id still sits on the equation, is listed as an
 * alias in ids.json (which the published-anchor test accepts), and that a reference to it resolves.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';

const ROOT = process.cwd();
// dist-subpath: subpath.test.ts may be building it while this copies the tree.
const SKIP = new Set(['node_modules', 'dist', 'dist-subpath', '.git', '.astro', 'screenshots', 'tests', 'docs']);
const dir = mkdtempSync(join(tmpdir(), 'ledger-renamed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a renamed anchor', () => {
  it('keeps its old id as an alias that lands on it and that references resolve', () => {
    cpSync(ROOT, dir, { recursive: true, filter: (src) => !SKIP.has(relative(ROOT, src).split('/')[0]!) });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    const file = join(dir, 'content/chapters/loss-vs-model-size.mdx');
    const before = readFileSync(file, 'utf8');
    const after = before
      .replace('id="eq-kaplan-loss-n-log"', 'id="eq-kaplan-loss-n-log-form" aliases={["eq-kaplan-loss-n-log"]}')
      .replace('<Ref to="eq-kaplan-loss-n" />', '<Ref to="eq-kaplan-loss-n" /> (see <Ref to="eq-kaplan-loss-n-log" />)');
    expect(after).not.toBe(before);
    writeFileSync(file, after);
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'].includes(k)));
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: dir,
      env: { ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 170_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const ids = JSON.parse(readFileSync(join(dir, 'dist/ids.json'), 'utf8'));
    expect(ids.aliases['/chapters/loss-vs-model-size/']).toEqual({ 'eq-kaplan-loss-n-log': 'eq-kaplan-loss-n-log-form' });
    expect(ids.pages['/chapters/loss-vs-model-size/']).toContain('eq-kaplan-loss-n-log-form');
    const { document } = parseHTML(readFileSync(join(dir, 'dist/chapters/loss-vs-model-size/index.html'), 'utf8'));
    const old = document.getElementById('eq-kaplan-loss-n-log')!;
    expect(old.parentElement?.id).toBe('eq-kaplan-loss-n-log-form');
    expect(old.parentElement?.firstElementChild).toBe(old);
    const ref = document.querySelector('a.xref[data-xref="eq-kaplan-loss-n-log"]')!;
    expect(ref.getAttribute('href')).toBe('#eq-kaplan-loss-n-log');
    expect(ref.textContent).toBe('Eq. (S1)');
  }, 180_000);
});
