import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bibtexCitation, citationKey, plainCitation } from '../../src/lib/citation.ts';

const input = {
  title: 'Loss falls as a power law in model size',
  label: 'Kaplan et al. 2020, Eq. (1.1)',
  url: 'https://example.org/ledger/chapters/loss-vs-model-size/#eq-kaplan-loss-n',
  version: '0.1.0',
  date: '2026-11-23',
};

describe('citations', () => {
  it('plain text names the site, title, label, version, date and the URL with its anchor', () => {
    expect(plainCitation(input)).toBe(
      'Scaling Ledger (2026). “Loss falls as a power law in model size”, Kaplan et al. 2020, Eq. (1.1). Version 0.1.0, updated 2026-11-23. https://example.org/ledger/chapters/loss-vs-model-size/#eq-kaplan-loss-n',
    );
  });

  it('BibTeX keys follow the page and anchor; special characters are escaped', () => {
    expect(citationKey(input.url)).toBe('scalingledger:loss-vs-model-size:eq-kaplan-loss-n');
    expect(citationKey('https://example.org/')).toBe('scalingledger:home');
    const bib = bibtexCitation({ ...input, title: 'A_b & 50% {x}' });
    expect(bib).toContain('title = {{A\\_b \\& 50\\% \\{x\\}, Kaplan et al. 2020, Eq. (1.1)}},');
    expect(bib).toContain('howpublished = {\\url{https://example.org/ledger/chapters/loss-vs-model-size/#eq-kaplan-loss-n}},');
  });

  it('a BibTeX entry always has balanced braces (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (title, label) => {
        const bib = bibtexCitation({ ...input, title, label });
        let depth = 0;
        for (let i = 0; i < bib.length; i++) {
          if (bib[i] === '\\') {
            i++;
            continue;
          }
          if (bib[i] === '{') depth++;
          if (bib[i] === '}') depth--;
          expect(depth).toBeGreaterThanOrEqual(0);
        }
        expect(depth).toBe(0);
      }),
    );
  });
});
