/**
 * Published numbers are watched: a number a page has published may not change or vanish without a
 * correction naming it (content/corrections.json), and every number the build states is published.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, requireDist } from '../support/dist.ts';
import { uncorrectedChanges, unpublished, type NumbersFile } from '../support/published-numbers.ts';
import corrections from '../../content/corrections.json' with { type: 'json' };

requireDist();
const built = JSON.parse(readFileSync(join(DIST, 'numbers.json'), 'utf8')) as NumbersFile;
const published = JSON.parse(readFileSync(join(process.cwd(), 'tests/published-numbers.json'), 'utf8')) as NumbersFile;
const log = corrections.map((c) => ({ page: c.page, before: c.before ?? [] }));

describe('published numbers', () => {
  it('the build lists the numbers of its pages', () => {
    expect(Object.values(built.pages['/chapters/loss-vs-model-size/'] ?? {}).flat()).toContain('1,024');
  });

  it('no published number changed without a correction', () => {
    expect(uncorrectedChanges(published, built, log)).toEqual([]);
  });

  it('every number the build states is published (run `node scripts/publish-numbers.ts` after reading them)', () => {
    expect(unpublished(published, built)).toEqual([]);
  });
});
