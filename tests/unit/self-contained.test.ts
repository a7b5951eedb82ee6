/**
 * A user clones this repository alone: nothing it builds or tests from may live outside it. This
 * fails when any source, content, script or test names the steering folder beside the project, the
 * environment override the fit tests once used, or an absolute path on a developer's machine.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FOLDERS = ['src', 'components', 'content', 'scripts', 'tests', 'public', '.ci'];
const ROOT_FILES = ['astro.config.mjs', 'vitest.config.ts', 'package.json', 'tsconfig.json'];
const TEXT = /\.(ts|mts|mjs|js|astro|mdx|md|json|css|csv|svg|sh|yml|yaml)$|^run$/;

// Spelled in pieces so this file does not match itself.
const FORBIDDEN: readonly [RegExp, string][] = [
  [new RegExp(['\\.\\.', 'shared'].join('[\\\\/]')), 'the folder beside the project'],
  [new RegExp(['SHARED', 'DIR'].join('_')), 'the old override variable'],
  [new RegExp(['', 'work', ''].join('/') + '(shared|main|wt)\\b'), 'an absolute path on a developer machine'],
  [/['"`]\.\.['"`]\s*,\s*['"`]\.\.['"`]\s*,\s*['"`]\.\.['"`]/, 'a path that climbs out of the repository'],
];

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name === '.astro') continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else if (TEXT.test(name)) yield full;
  }
}

/** Every (file, line, reason) that reads outside the repository. */
export function outsideReads(root: string): string[] {
  const found: string[] = [];
  const all = [...FOLDERS.flatMap((f) => [...files(path.join(root, f))]), ...ROOT_FILES.map((f) => path.join(root, f))];
  for (const file of all) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      for (const [re, why] of FORBIDDEN) if (re.test(line)) found.push(`${path.relative(root, file)}:${i + 1}: ${why}: ${line.trim().slice(0, 120)}`);
    });
  }
  return found;
}

describe('the repository is self-contained', () => {
  it('no source, content, script or test reads outside the project folder', () => {
    expect(outsideReads(ROOT)).toEqual([]);
  });

  it('the check catches the way the fit tests used to find the data', () => {
    // The line that made fresh clones fail (tests/unit/fit.test.ts before the data was copied in).
    const old = ["const ", ["SHARED", "DIR"].join('_'), " = path.resolve(process.env.X ?? path.join(process.cwd(), '..', 'shared'));"].join('');
    const hits = FORBIDDEN.filter(([re]) => re.test(old)).map(([, why]) => why);
    expect(hits).toContain('the old override variable');
    const viaPath = `readFileSync('${['..', 'shared'].join('/')}/data/epoch-chinchilla-figure4/svg_extracted_data.csv')`;
    expect(FORBIDDEN.some(([re]) => re.test(viaPath))).toBe(true);
  });
});
