/**
 * The social-media card of a page (Open Graph / Twitter image), drawn as SVG at build time and
 * rasterised to a 1200 × 630 PNG by sharp. No third-party service; fonts are the system's serif.
 */

/** Split `text` into lines of at most `width` characters, breaking at spaces. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** SVG of the card: the site's name, the page's part and its title, on the light theme's colours. */
export function socialImageSvg({ title, kicker }: { title: string; kicker: string }): string {
  const lines = wrapWords(title, 30).slice(0, 4);
  const size = lines.length > 3 ? 58 : 66;
  const text = lines
    .map((l, i) => `<text x="80" y="${250 + i * size * 1.18}" font-size="${size}" font-weight="700">${escapeXml(l)}</text>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
<rect width="1200" height="630" fill="#fdfcf9"/>
<rect x="0" y="0" width="1200" height="14" fill="#0b57a4"/>
<g font-family="DejaVu Serif, Georgia, serif" fill="#1d1c1a">
<text x="80" y="120" font-size="34" fill="#0b57a4" font-weight="700">Scaling Ledger</text>
<text x="80" y="170" font-size="28" fill="#57534e">${escapeXml(kicker)}</text>
${text}
<text x="80" y="575" font-size="26" fill="#57534e">Every equation readable, linkable and computed from the papers’ constants</text>
</g>
</svg>`;
}
