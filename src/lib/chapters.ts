/**
 * Ordering of chapters for the table of contents and prev/next links. Pure; the pages pass in the
 * collection entries.
 */
import { sitePath } from './paths.ts';

export interface ChapterLike {
  id: string;
  data: { title: string; part: string; order: number };
}

/** Chapters sorted by `order`; throws if two chapters share an order (the TOC would be ambiguous). */
export function sortChapters<T extends ChapterLike>(chapters: readonly T[]): T[] {
  const sorted = [...chapters].sort((a, b) => a.data.order - b.data.order);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.data.order === sorted[i - 1]!.data.order)
      throw new Error(`Chapters "${sorted[i - 1]!.id}" and "${sorted[i]!.id}" share order ${sorted[i]!.data.order}`);
  }
  return sorted;
}

/** Group sorted chapters by part, keeping first-appearance order of the parts. */
export function groupByPart<T extends ChapterLike>(sorted: readonly T[]): { part: string; chapters: T[] }[] {
  const groups: { part: string; chapters: T[] }[] = [];
  for (const c of sorted) {
    const last = groups.at(-1);
    if (last && last.part === c.data.part) last.chapters.push(c);
    else groups.push({ part: c.data.part, chapters: [c] });
  }
  return groups;
}

/** URL path of a chapter: "/chapters/<id>/" under the site's base. Public interface: never change it once published. */
export function chapterPath(id: string): string {
  return sitePath(`/chapters/${id}/`);
}
