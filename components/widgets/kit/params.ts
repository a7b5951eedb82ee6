/** The URL parameters a widget owns, derived from its declared fields and choices. */
import type { Param } from '../../../src/lib/url-state.ts';
import type { ChoiceDef, FieldDef } from './types.ts';

export function paramsOf(fields: readonly FieldDef[], choices: readonly ChoiceDef[] = []): Record<string, Param> {
  const params: Record<string, Param> = Object.create(null);
  for (const f of fields) params[f.name] = { kind: 'number', spec: f.spec, ...(f.format ? { format: f.format } : {}) };
  for (const c of choices) params[c.name] = { kind: 'choice', noun: c.noun, options: c.options.map((o) => o.value) };
  return params;
}
