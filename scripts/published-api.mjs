/**
 * Add new exports of the public API to tests/published-api.json (never edits or removes an entry:
 * a published v1 export is permanent). Usage: node scripts/published-api.mjs
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { publicApiEntries } from '../src/reference/api-docs.ts';

const FILE = 'tests/published-api.json';
const list = existsSync(FILE) ? JSON.parse(readFileSync(FILE, 'utf8')) : { v1: {} };
let added = 0;
for (const e of publicApiEntries()) {
  if (e.name in list.v1) continue;
  list.v1[e.name] = { kind: e.kind, signature: e.signature };
  added += 1;
}
list.v1 = Object.fromEntries(Object.entries(list.v1).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(FILE, JSON.stringify(list, null, 2) + '\n');
console.log(`${FILE}: ${added} new export(s), ${Object.keys(list.v1).length} in all`);
