/**
 * Publish the numbers the built pages state: copy dist/numbers.json to tests/published-numbers.json,
 * after checking that every published number that disappeared is named by a correction
 * (content/corrections.json). Run after `npm run build`:
 *   node_modules/.bin/node scripts/publish-numbers.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { uncorrectedChanges, type NumbersFile } from '../tests/support/published-numbers.ts';

const root = path.resolve(import.meta.dirname, '..');
const built = JSON.parse(readFileSync(path.join(root, 'dist/numbers.json'), 'utf8')) as NumbersFile;
const publishedPath = path.join(root, 'tests/published-numbers.json');
const published = JSON.parse(readFileSync(publishedPath, 'utf8')) as NumbersFile;
const corrections = JSON.parse(readFileSync(path.join(root, 'content/corrections.json'), 'utf8')) as { page: string; before?: string[] }[];
const problems = uncorrectedChanges(published, built, corrections.map((c) => ({ page: c.page, before: c.before ?? [] })));
if (problems.length) {
  console.error(`Not published: these numbers changed without a correction:\n${problems.join('\n')}`);
  process.exit(1);
}
// Pages that are no longer built keep their published numbers (the anchor test guards the pages).
const pages = { ...published.pages, ...built.pages };
writeFileSync(publishedPath, JSON.stringify({ about: 'Numbers each page has published, by section (tests/dist/published-numbers.test.ts).', pages }, null, 1) + '\n');
console.log(`Published the numbers of ${Object.keys(built.pages).length} pages.`);
