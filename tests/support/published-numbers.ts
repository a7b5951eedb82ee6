/**
 * The watch on published numbers. `dist/numbers.json` (written by the build) holds the numbers
 * each page states, by section; `tests/published-numbers.json` holds what has been published. A
 * number may move within its page, and new numbers may be added (publish them with
 * `node scripts/publish-numbers.ts`), but a published number that a page no longer states must be
 * named in a correction of that page (content/corrections.json, `before`).
 */

export type PageNumbers = Record<string, string[]>;
export interface NumbersFile {
  pages: Record<string, PageNumbers>;
}
export interface CorrectionLike {
  page: string;
  before: readonly string[];
}

function counts(page: PageNumbers | undefined): Map<string, number> {
  const m = new Map<string, number>();
  for (const list of Object.values(page ?? {})) for (const n of list) m.set(n, (m.get(n) ?? 0) + 1);
  return m;
}

/** Where a published number was stated: the sections of the published page that hold it. */
function sectionsOf(page: PageNumbers, n: string): string[] {
  return Object.entries(page)
    .filter(([, list]) => list.includes(n))
    .map(([s]) => s);
}

/**
 * Published numbers that the build no longer states and that no correction of their page names:
 * one message per number, naming the page, the sections and what to do.
 */
export function uncorrectedChanges(published: NumbersFile, built: NumbersFile, corrections: readonly CorrectionLike[]): string[] {
  const problems: string[] = [];
  for (const [path, page] of Object.entries(published.pages)) {
    const before = counts(page);
    const now = counts(built.pages[path]);
    const corrected = new Set(corrections.filter((c) => c.page === path).flatMap((c) => c.before));
    for (const [n, count] of before) {
      const lost = count - (now.get(n) ?? 0);
      if (lost > 0 && !corrected.has(n)) {
        problems.push(
          `${path}: ${n} (under #${sectionsOf(page, n).join(', #')}) is published but no longer stated ` +
            `${lost === count ? '' : `${lost} of ${count} times `}— add a correction to content/corrections.json naming the page and "${n}" in "before"`,
        );
      }
    }
  }
  return problems;
}

/** Numbers the build states that are not yet published (page by page). */
export function unpublished(published: NumbersFile, built: NumbersFile): string[] {
  const out: string[] = [];
  for (const [path, page] of Object.entries(built.pages)) {
    const have = counts(published.pages[path]);
    for (const [n, count] of counts(page)) if (count > (have.get(n) ?? 0)) out.push(`${path}: ${n}`);
  }
  return out;
}
