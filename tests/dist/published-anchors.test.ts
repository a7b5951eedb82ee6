import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, requireDist } from '../support/dist.ts';

/**
 * The stable-links contract: every page path and anchor ever published is listed in
 * tests/published-anchors.json, and each must still exist in the build's dist/ids.json.
 * Add new anchors to the list when they are published; never remove one.
 */
requireDist();
const built = JSON.parse(readFileSync(join(DIST, 'ids.json'), 'utf8')) as {
  pages: Record<string, string[]>;
  aliases: Record<string, Record<string, string>>;
};
const published = JSON.parse(readFileSync(join(process.cwd(), 'tests/published-anchors.json'), 'utf8')) as {
  pages: Record<string, string[]>;
};

describe('published anchors', () => {
  it.each(Object.entries(published.pages))('%s still exists with all its anchors', (path, anchors) => {
    expect(Object.keys(built.pages)).toContain(path);
    // A renamed anchor keeps its published id as an alias that lands on it; a removal fails.
    const aliases = built.aliases[path] ?? {};
    const missing = anchors.filter((a) => !built.pages[path]!.includes(a) && !(a in aliases && built.pages[path]!.includes(aliases[a]!)));
    expect(missing).toEqual([]);
  });

  it('ids.json lists every eq-, step- and fig- anchor with its page', () => {
    const all = Object.values(built.pages).flat();
    expect(all.length).toBeGreaterThan(0);
    for (const id of all) expect(id).toMatch(/^(eq|step|fig|misreading)-[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('every anchor in the build is already published (add new ones to tests/published-anchors.json)', () => {
    const unlisted = Object.entries(built.pages).flatMap(([path, ids]) =>
      (published.pages[path] ? ids.filter((id) => !published.pages[path]!.includes(id)) : path === '/404.html' ? [] : [`${path} (page)`, ...ids]).map(
        (id) => `${path} ${id}`,
      ),
    );
    expect(unlisted).toEqual([]);
  });
});
