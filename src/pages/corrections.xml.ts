/** Atom feed of the corrections log (content/corrections.json), newest first. */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { sitePath } from '../lib/paths.ts';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const GET: APIRoute = async ({ site }) => {
  const origin = site ?? new URL('http://localhost:4321');
  const abs = (path: string) => new URL(sitePath(path), origin).href;
  const corrections = (await getCollection('corrections')).map((c) => c.data).sort((a, b) => b.date.localeCompare(a.date));
  const updated = corrections[0]?.date ?? '2026-11-30';
  const entries = corrections.map(
    (c) => `  <entry>
    <id>${escapeXml(abs(`/corrections/#${c.id}`))}</id>
    <title>${escapeXml(`Correction to ${c.page}${c.anchor ? `#${c.anchor}` : ''}`)}</title>
    <updated>${c.date}T00:00:00Z</updated>
    <link rel="alternate" href="${escapeXml(abs(`${c.page}${c.anchor ? `#${c.anchor}` : ''}`))}"/>
    <summary>${escapeXml(`${c.what} Why: ${c.why}`)}</summary>
  </entry>`,
  );
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(abs('/corrections/'))}</id>
  <title>Scaling Ledger — corrections</title>
  <updated>${updated}T00:00:00Z</updated>
  <author><name>Scaling Ledger</name></author>
  <link rel="self" href="${escapeXml(abs('/corrections.xml'))}"/>
  <link rel="alternate" href="${escapeXml(abs('/corrections/'))}"/>
${entries.join('\n')}
</feed>
`;
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
