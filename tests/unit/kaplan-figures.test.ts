/**
 * The static figures of the first Kaplan chapters: their options modules compute from src/lib and the
 * fixtures, describe what they draw in words, and never put NaN or a rounded constant into a label.
 */
import { describe, expect, it } from 'vitest';
import { constantsOf } from '../../src/lib/data.ts';
import { computeRange, figure1ComputeDescription, figure1ComputeOptions, figure1DataDescription, figure1ParamsDescription } from '../../components/figures/kaplan-figure-1.ts';
import { rangesDescription, rangesOptions } from '../../components/figures/kaplan-ranges.ts';
import { contextShareDescription, embeddingShareDescription } from '../../components/figures/kaplan-embeddings.ts';
import { compensationDescription, equalNDescription } from '../../components/figures/kaplan-shapes.ts';
import { logTick } from '../../components/figures/common.ts';
import { ordersOfMagnitude } from '../../src/lib/units.ts';

const K = constantsOf('kaplan-2020-summary', ['alphaN', 'Nc', 'alphaD', 'Dc', 'alphaCmin', 'Ccmin', 'CcminFigure1', 'alphaC', 'Cc']);
const S = constantsOf('kaplan-2020-setup', ['NminStudied', 'NmaxStudied', 'DminStudied', 'DmaxStudied', 'batchTokens', 'stepsDefault', 'ordersCmin', 'nVocab', 'nCtx']);
const H = constantsOf('kaplan-2020-shape', ['smallNLayer', 'smallDModel', 'wideNLayer', 'wideDModel', 'gpt2NLayer', 'gpt2DModel']);
const shapes = [
  { nLayer: H.smallNLayer, dModel: H.smallDModel },
  { nLayer: H.wideNLayer, dModel: H.wideDModel },
  { nLayer: H.gpt2NLayer, dModel: H.gpt2DModel },
];

describe('Figure 1 redrawn', () => {
  it('spans §1.2\'s eight orders of magnitude of C_min, ending at 6·N_max·B·S', () => {
    const { low, high } = computeRange(S);
    expect(ordersOfMagnitude(low, high)).toBeCloseTo(S.ordersCmin, 9);
    expect(high * 8.64e19).toBeCloseTo(6 * S.NmaxStudied * S.batchTokens * S.stepsDefault, -10);
  });

  it('draws the Eq. (1.3) line above the legend\'s line (3.1e8 > 2.3e8) and has three labelled lines', () => {
    const options = figure1ComputeOptions(K, S);
    expect(options.marks?.length).toBe(6);
    const text = figure1ComputeDescription(K, S);
    const [eqFrom, legendFrom] = [...text.matchAll(/from ([\d.]+) to ([\d.]+)/g)].map((m) => Number(m[1]));
    expect(eqFrom).toBeGreaterThan(legendFrom!);
  });
});

describe('descriptions say what is drawn, in finite numbers', () => {
  const texts = [
    figure1ComputeDescription(K, S),
    figure1DataDescription(K, S),
    figure1ParamsDescription(K, S),
    rangesDescription(S),
    embeddingShareDescription(shapes, S),
    contextShareDescription([64, H.wideDModel], S.nCtx),
    equalNDescription(shapes),
    compensationDescription(0.05, K, [{ penalty: 0.01 }]),
  ];
  it.each(texts.map((t, i) => [i, t] as const))('description %i', (_i, text) => {
    expect(text.length).toBeGreaterThan(60);
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
    // Widths print in full ("4,288"), never rounded ("4290").
    expect(text).not.toMatch(/\b4290\b|\b1020\b/);
  });

  it('the ranges chart has one bar per law', () => {
    expect(rangesOptions(S).marks?.length).toBe(3);
  });
});

describe('log-axis ticks', () => {
  it('label powers of ten only', () => {
    expect(logTick(1e9)).toBe('1e9');
    expect(logTick(100)).toBe('100');
    expect(logTick(2e8)).toBe('');
    expect(logTick(1e-7)).toBe('1e-7');
  });
});
