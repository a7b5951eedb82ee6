/** The published-numbers watch, proved on a copy: a changed number fails until a correction names it. */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { uncorrectedChanges, unpublished, type NumbersFile } from '../support/published-numbers.ts';
import { numbersOfPage } from '../../src/integrations/published-numbers.mjs';

const published: NumbersFile = { pages: { '/c/': { 'what-the-law-assumes': ['1020', '768'], 'eq-a': ['0.076'] } } };

describe('the published-numbers watch', () => {
  it('fails when a published number changes, naming the page, the number and its section', () => {
    const built: NumbersFile = { pages: { '/c/': { 'what-the-law-assumes': ['1,024', '768'], 'eq-a': ['0.076'] } } };
    expect(uncorrectedChanges(published, built, [])).toEqual([
      '/c/: 1020 (under #what-the-law-assumes) is published but no longer stated — add a correction to content/corrections.json naming the page and "1020" in "before"',
    ]);
    expect(uncorrectedChanges(published, built, [{ page: '/other/', before: ['1020'] }])).toHaveLength(1);
    expect(uncorrectedChanges(published, built, [{ page: '/c/', before: ['1020'] }])).toEqual([]);
  });

  it('lets a number move within its page, and asks for new numbers to be published', () => {
    const built: NumbersFile = { pages: { '/c/': { top: ['768', '0.076', '1020', '42'] }, '/new/': { top: ['7'] } } };
    expect(uncorrectedChanges(published, built, [])).toEqual([]);
    expect(unpublished(published, built)).toEqual(['/c/: 42', '/new/: 7']);
  });

  it('counts repeats: stating a number fewer times is a change', () => {
    const twice: NumbersFile = { pages: { '/c/': { top: ['5', '5'] } } };
    const once: NumbersFile = { pages: { '/c/': { top: ['5'] } } };
    expect(uncorrectedChanges(twice, once, [])[0]).toContain('1 of 2 times');
  });

  it('reads numbers by section from a page, leaving out figures, citations and correction quotes', () => {
    const { document } = parseHTML(`<main><p>Top 3.5%</p><h2 id="a">A</h2><p>1,024 tokens, 8.8 × 10¹³ and 5.76e23 FLOP</p>
      <svg><text>999</text></svg><aside class="correction-note">it read 1020</aside>
      <figure data-anchor id="eq-x"><span>0.076</span></figure><section class="cite-this">2026</section></main>`);
    expect(numbersOfPage(document)).toEqual({ top: ['3.5%'], a: ['1,024', '8.8 × 10¹³', '5.76e23'], 'eq-x': ['0.076'] });
  });
});
