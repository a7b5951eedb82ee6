/**
 * Words for the verdicts of src/lib/verdicts.ts, shared by the model and budget pages and the index.
 * Pure; every number goes through formatNumber (so NaN or Infinity fails the build).
 */
import { formatNumber } from './units.ts';
import type { KaplanBasis } from './model-counts.ts';

/** Ratios within this factor of 1 read as "at the optimum". */
export const AT_OPTIMUM_WITHIN = 1.1;

/**
 * D / D_opt in words: "over-trained 4.2×" (more tokens per parameter than the law chooses),
 * "under-trained 3.1×" (fewer), or "at the optimum" within {@link AT_OPTIMUM_WITHIN}.
 */
export function trainingWords(tokensOverOptimal: number): string {
  if (!(tokensOverOptimal > 0) || !Number.isFinite(tokensOverOptimal)) throw new RangeError(`Expected a positive ratio, received ${tokensOverOptimal}`);
  if (tokensOverOptimal <= AT_OPTIMUM_WITHIN && tokensOverOptimal >= 1 / AT_OPTIMUM_WITHIN) return 'at the optimum';
  return tokensOverOptimal > 1
    ? `over-trained ${formatNumber(tokensOverOptimal, { sig: 2 })}×`
    : `under-trained ${formatNumber(1 / tokensOverOptimal, { sig: 2 })}×`;
}

/** N / N_opt in words: "3.5× larger than", "2× smaller than" or "about the size". */
export function sizeWords(parametersOverOptimal: number): string {
  if (!(parametersOverOptimal > 0) || !Number.isFinite(parametersOverOptimal)) throw new RangeError(`Expected a positive ratio, received ${parametersOverOptimal}`);
  if (parametersOverOptimal <= AT_OPTIMUM_WITHIN && parametersOverOptimal >= 1 / AT_OPTIMUM_WITHIN) return 'about the size';
  return parametersOverOptimal > 1
    ? `${formatNumber(parametersOverOptimal, { sig: 2 })}× larger than`
    : `${formatNumber(1 / parametersOverOptimal, { sig: 2 })}× smaller than`;
}

/** What the basis of Kaplan's N means for the reader. */
export function kaplanBasisWords(basis: KaplanBasis): string {
  switch (basis) {
    case 'printed non-embedding':
      return 'the non-embedding count the paper prints, the count Kaplan’s laws were fitted on';
    case 'total minus embeddings':
      return 'the printed total minus the embedding parameters of the printed shape (Kaplan Table 1), the count Kaplan’s laws were fitted on';
    case 'total':
      return 'the printed total, embeddings included, because the paper gives no shape: Kaplan’s laws then see a slightly larger model than their convention counts, so their predicted loss comes out slightly low and the model looks slightly larger than Kaplan’s optimum';
  }
}

/** A FLOP count for prose: "5.76e23 FLOP". */
export function flop(C: number): string {
  return `${formatNumber(C)} FLOP`;
}
