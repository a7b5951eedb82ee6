import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatParam, readState, writeState, type Param } from '../../src/lib/url-state.ts';
import { FLOP_PER_PF_DAY } from '../../src/lib/units.ts';

const params: Record<string, Param> = {
  N: { kind: 'number', spec: { noun: 'parameters', min: 1e3, max: 1e13, example: '70B' }, format: { sig: 4, style: 'sci' } },
  C: {
    kind: 'number',
    spec: { noun: 'FLOP', min: 1e15, max: 1e30, example: '5.76e23', units: { flop: 1, 'pf-days': FLOP_PER_PF_DAY } },
  },
  set: { kind: 'choice', noun: 'constant set', options: ['hoffmann-2022-rounded', 'besiroglu-2024-refit'] },
};
const defaults = { N: 1.5e9, C: 5.76e23, set: 'hoffmann-2022-rounded' };

describe('readState', () => {
  it('reads owned numbers and choices, accepting what people type', () => {
    const { values, errors } = readState('?N=70B&C=3%2C640%20PF-days&set=besiroglu-2024-refit', params);
    expect(values.N).toBe(7e10);
    expect((values.C as number) / (3640 * FLOP_PER_PF_DAY)).toBeCloseTo(1, 12);
    expect(values.set).toBe('besiroglu-2024-refit');
    expect(Object.keys(errors)).toEqual([]);
  });

  it('ignores unknown keys, __proto__ and constructor, and never pollutes prototypes', () => {
    const { values, errors } = readState('?__proto__[N]=1&__proto__=2&constructor=3&zzz=4&N=3e10', params);
    expect(Object.keys(values)).toEqual(['N']);
    expect(Object.keys(errors)).toEqual([]);
    expect(({} as Record<string, unknown>)['N']).toBeUndefined();
  });

  it.each([
    ['empty', 'N='],
    ['text', 'N=abc'],
    ['zero', 'N=0'],
    ['negative', 'N=-5'],
    ['NaN', 'N=NaN'],
    ['1e400', 'N=1e400'],
    ['markup', `N=${encodeURIComponent('<img src=x onerror=alert(1)>')}`],
    ['5,000 characters', `N=${'9'.repeat(5000)}`],
    ['unknown choice', 'set=kaplan'],
    ['hostile choice', `set=${encodeURIComponent('<script>alert(1)</script>')}`],
    ['long choice', `set=${'x'.repeat(5000)}`],
  ])('turns a bad parameter (%s) into a message, never a value', (_name, query) => {
    const { values, errors } = readState(`?${query}`, params);
    expect(Object.keys(values)).toEqual([]);
    const [message] = Object.values(errors);
    expect(message).toMatch(/^Expected a/);
    expect(message).not.toMatch(/NaN|Infinity|undefined|<script|x{100}/);
  });
});

describe('writeState', () => {
  it('writes only values that differ from the defaults, and keeps keys it does not own', () => {
    expect(writeState('', defaults, defaults, params)).toBe('');
    expect(writeState('?lang=en&N=7e10', defaults, defaults, params)).toBe('?lang=en');
    const search = writeState('?lang=en', { ...defaults, N: 7e10, set: 'besiroglu-2024-refit' }, defaults, params);
    expect(new URLSearchParams(search).get('N')).toBe('7e10');
    expect(new URLSearchParams(search).get('set')).toBe('besiroglu-2024-refit');
    expect(new URLSearchParams(search).get('lang')).toBe('en');
    expect(new URLSearchParams(search).has('C')).toBe(false);
  });

  it('writes whole numbers below 10 million as plain digits, other values to 4 figures', () => {
    const width: Extract<Param, { kind: 'number' }> = { kind: 'number', spec: { noun: 'dimensions', min: 1, max: 1e13, example: '4096' } };
    expect(formatParam(12288, width)).toBe('12288');
    expect(formatParam(524288, width)).toBe('524288');
    expect(formatParam(1.5e9, width)).toBe('1.5e9');
    expect(formatParam(123456.7, width)).toBe('1.235e5');
    // A field that asks for e-notation keeps it.
    expect(formatParam(12288, params.N as Extract<Param, { kind: 'number' }>)).toBe('1.229e4');
  });

  it('round-trips: reading what was written gives the state back (to the 4 figures written)', () => {
    const N = params.N as Extract<Param, { kind: 'number' }>;
    fc.assert(
      fc.property(fc.double({ min: 1e3, max: 1e13, noNaN: true }), fc.boolean(), (n, refit) => {
        const value = Number(formatParam(n, N));
        fc.pre(value >= 1e3 && value <= 1e13);
        const state = { ...defaults, N: value, set: refit ? 'besiroglu-2024-refit' : 'hoffmann-2022-rounded' };
        const back = readState(writeState('', state, defaults, params), params);
        expect({ ...defaults, ...back.values }).toEqual(state);
        expect(Object.keys(back.errors)).toEqual([]);
      }),
    );
  });
});
