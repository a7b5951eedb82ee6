/** Cross-references and search records for anchors (src/integrations/cross-references.mjs, search-index.mjs). */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { anchorsOfPage, resolveReferences } from '../../src/integrations/cross-references.mjs';
import { anchorSearchText } from '../../src/integrations/search-index.mjs';

const PAGE = `<main><h1>Three laws</h1>
<figure class="equation" id="eq-a" data-anchor data-label="Eq. (1.1)"><div class="equation-math"><span class="katex">L</span></div>
<figcaption><span class="eq-source">Kaplan et al. 2020, Eq. (1.1)</span></figcaption></figure>
<figure class="equation" id="eq-b" data-anchor><div class="equation-math"><span class="katex">M</span></div>
<figcaption><span class="eq-source">Derived on this site</span></figcaption></figure>
<ol class="derivation"><li class="step" id="step-x" data-anchor><div class="step-text"><p>First <a href="#eq-a">see</a></p></div><div class="step-math">x</div></li>
<li class="step" id="step-y" data-anchor><div class="step-text">Then</div><div class="step-math">y</div></li></ol>
<figure class="plot-figure" id="fig-z" data-anchor><figcaption id="fig-z-caption">A <b>line</b></figcaption></figure>
<p><a class="xref" href="#eq-b" data-xref="eq-b" data-xref-text="auto">eq-b</a> and <a class="xref" href="#step-y" data-xref="step-y" data-xref-text="own">the last step</a></p></main>`;

interface Anchor {
  id: string;
  short: string;
  preview: string;
}
const anchors = anchorsOfPage(parseHTML(PAGE).document, '/chapters/three/') as Anchor[];
const byId = new Map(anchors.map((a) => [a.id, a]));

describe('anchors of a page', () => {
  it('labels paper equations by their own number, derived ones S1…, steps by position, figures in order', () => {
    expect(anchors.map((a) => `${a.id}=${a.short}`)).toEqual([
      'eq-a=Eq. (1.1)',
      'eq-b=Eq. (S1)',
      'step-x=step 1',
      'step-y=step 2',
      'fig-z=Figure 1',
    ]);
  });

  it('previews carry no links or ids', () => {
    const step = byId.get('step-x')!;
    expect(step.preview).toContain('First see');
    expect(step.preview).not.toMatch(/<a\b|\sid=|<p\b|<div\b/);
  });
});

describe('resolving references', () => {
  it('on the same page: the label, or the writer’s own text, linking the fragment, with a preview', () => {
    const html = resolveReferences(PAGE, '/chapters/three/', byId, '/');
    expect(html).toContain('<a class="xref" href="#eq-b" data-xref="eq-b" aria-describedby="xref-preview-1">Eq. (S1)</a>');
    expect(html).toContain('aria-describedby="xref-preview-2">the last step</a>');
    expect(html).toMatch(/<span class="xref-preview" id="xref-preview-1" role="tooltip" hidden>.*<span class="katex">M<\/span>/);
  });

  it('from another page: the page under the site base, and its title', () => {
    const html = resolveReferences('<a class="xref" href="#eq-a" data-xref="eq-a" data-xref-text="auto">eq-a</a>', '/other/', byId, '/ledger/');
    expect(html).toContain('href="/ledger/chapters/three/#eq-a"');
    expect(html).toContain('>Eq. (1.1) of “Three laws”</a>');
  });

  it('an unknown anchor throws, naming the page and the id', () => {
    expect(() => resolveReferences('<a class="xref" href="#eq-no" data-xref="eq-no" data-xref-text="auto">eq-no</a>', '/p/', byId, '/')).toThrow(
      '/p/: <Ref to="eq-no"> points to an anchor that does not exist on any page',
    );
  });
});

describe('search records for anchors', () => {
  it('match the ways readers write an equation label and its id', () => {
    const text = anchorSearchText({ id: 'eq-chinchilla-loss', kind: 'equation', short: 'Eq. (2)', long: 'Hoffmann et al. 2022, Eq. (2)', title: 'The parametric loss', page: '/x/' });
    for (const s of ['Hoffmann et al. 2022, Eq. (2)', 'Eq. 2', 'Chinchilla Eq. 2', 'eq-chinchilla-loss', 'eq chinchilla loss']) expect(text).toContain(s);
  });
});
