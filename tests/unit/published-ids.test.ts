/** The published-ids integration collects eq-, step-, fig- and misreading- anchors and rejects malformed ones. */
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { collectIds } from '../../src/integrations/published-ids.mjs';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function site(html: string): string {
  dir = mkdtempSync(join(tmpdir(), 'ids-'));
  mkdirSync(join(dir, 'chapters', 'x'), { recursive: true });
  writeFileSync(join(dir, 'chapters', 'x', 'index.html'), `<!doctype html><html><body>${html}</body></html>`);
  return dir;
}

describe('collectIds', () => {
  it('lists misreading anchors beside equations, steps and figures', async () => {
    const ids = (await collectIds(site('<p id="misreading-m4" data-anchor></p><figure id="eq-a" data-anchor></figure><p id="plain"></p>'))) as unknown as { pages: Record<string, string[]> };
    expect(ids.pages['/chapters/x/']).toEqual(['eq-a', 'misreading-m4']);
  });
  it('rejects a malformed misreading anchor', async () => {
    await expect(collectIds(site('<p id="misreading-M4" data-anchor></p>'))).rejects.toThrow(/misreading-M4/);
  });
});
