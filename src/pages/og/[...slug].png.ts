/**
 * Social-media cards: /og/site.png for the site and /og/chapters/<id>.png for each chapter, made
 * at build time (src/render/social-image.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import sharp from 'sharp';
import { socialImageSvg } from '../../render/social-image.ts';

export const getStaticPaths = (async () => {
  const chapters = await getCollection('chapters');
  return [
    { params: { slug: 'site' }, props: { title: 'The neural scaling laws, computed', kicker: 'Kaplan 2020 · Chinchilla 2022 · Epoch AI 2024' } },
    ...chapters.map((c) => ({ params: { slug: `chapters/${c.id}` }, props: { title: c.data.title, kicker: c.data.part } })),
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await sharp(Buffer.from(socialImageSvg(props as { title: string; kicker: string }))).png().toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
