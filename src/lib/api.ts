/**
 * Scaling Ledger's public API, version 1: the pure laws, allocation rules, compute and unit
 * conversions, Transformer parameter counts, fitting, and the cited constant sets as data.
 *
 * The build publishes this module as `/lib/v1/scaling-ledger.js` (an ES module with its `.d.ts`),
 * importable from a browser console, Deno or Node:
 * `const { lossN, constantsOf } = await import('https://…/lib/v1/scaling-ledger.js')`.
 * Every runnable example on the site imports from it as `'scaling-ledger'`.
 *
 * Stability: once published, a v1 export is never removed and never changes meaning;
 * `tests/published-api.json` lists the exports and signatures and a unit test compares them.
 * Documentation: each export's doc comment (on its declaration) is the reference page `/api/`.
 */
import { citedConstantSets, valuesOf, type CitedConstantSet } from './cited.ts';

// Kaplan et al. 2020
export {
  lossN,
  lossD,
  lossCmin,
  lossC,
  lossND,
  lossNS,
  dataExponent,
  overfitting,
  dataForOverfitting,
  dataToAvoidOverfitting,
  earlyStoppingStep,
  criticalBatch,
  minSteps,
  minExamples,
  cMin,
  powerLawInCompute,
  computeEfficient,
  alphaCminFromExponents,
  predictedAllocationExponents,
  table6Growth,
  crossingPoint,
  efficientConvergenceFactor,
  predictedCc,
  convergenceComparison,
  suboptimalSize,
  lossRatio,
  lossReduction,
  factorForLossRatio,
  compensatingFactor,
} from './kaplan.ts';
export type {
  LossNConstants,
  LossDConstants,
  LossCminConstants,
  LossCConstants,
  LossNDConstants,
  LossNSConstants,
  CriticalBatchConstants,
  ExponentConstants,
  LearningCurveExponents,
  OverfittingRuleConstants,
  ComputeEfficientConstants,
  PowerLawInCompute,
  ComputeEfficientAllocation,
  CrossingLaws,
  CrossingGrowth,
  CrossingPoint,
  ConvergenceComparison,
} from './kaplan.ts';

// Hoffmann et al. 2022 (Chinchilla) and Besiroglu et al. 2024
export {
  lossHat,
  allocationExponents,
  frontierG,
  optimalN,
  optimalD,
  optimalAllocation,
  isoFlopLoss,
  efficientFrontier,
  tokensPerParameter,
  allocationAtTokensPerParameter,
  computeForOptimalN,
  optimalDForN,
} from './chinchilla.ts';
export type { ParametricConstants, OptimalAllocation, FrontierPoint } from './chinchilla.ts';

// Beyond Chinchilla: over-training and inference
export { tokensForLoss, criticalModelSize, smallerModel, inferenceBreakEven } from './overtraining.ts';
export type { SmallerModel } from './overtraining.ts';

// Compute accounting
export {
  trainingFlop,
  trainingFlopFromSteps,
  tokensForFlop,
  paramsForFlop,
  forwardFlopPerToken,
  trainingFlopPerToken,
  inferenceFlopPerToken,
  contextFlopRatio,
  table1Rows,
} from './compute.ts';
export type { ContextShape, Table1Row } from './compute.ts';

// Transformer parameter counts
export {
  nonEmbeddingParams,
  embeddingParams,
  totalParams,
  dModelForParams,
  aspectRatio,
  embeddingFraction,
  shapeFromAspectRatio,
} from './transformer.ts';
export type { TransformerShape, EmbeddingShape } from './transformer.ts';

// Units and formatting
export {
  FLOP_PER_PF_DAY,
  flopToPfDays,
  pfDaysToFlop,
  gpuHoursToFlop,
  flopToGpuHours,
  formatNumber,
  formatPercent,
  formatQuantity,
  formatCount,
  formatExact,
  ordersOfMagnitude,
  natsToBits,
  perplexity,
} from './units.ts';
export type { FormatOptions } from './units.ts';

// Fitting L̂(N, D) = E + A/N^α + B/D^β
export { predictLoss, fitHuber, fitHuberGrid, fitLikelihood, bootstrapFit, huber } from './fit.ts';
export type {
  LossPoint,
  ScalingLawParams,
  LogParams,
  InitGrid,
  FitResult,
  HuberObjectiveOptions,
  HuberFitOptions,
  HuberGridOptions,
  GridFitResult,
  LikelihoodFitOptions,
  LikelihoodFitResult,
  BootstrapOptions,
  BootstrapResult,
} from './fit.ts';
export type { LbfgsOptions, MinimizeResult, StopReason } from './optimize.ts';

// Examples
export { expectClose } from './expect.ts';

// Cited constants as data
export type { CitedConstantSet, CitedConstant, CitedSource } from './cited.ts';

/**
 * Every cited constant set, by id (`"kaplan-2020-summary"`, `"hoffmann-2022-rounded"`, …): each
 * constant's value in its stated unit, the TeX symbol, and the paper and location it was printed at.
 * @example constantSets['kaplan-2020-summary'].constants.alphaN.source.location // "Eq. (1.1); Table 5"
 */
export const constantSets: Readonly<Record<string, CitedConstantSet>> = citedConstantSets;

/**
 * The plain values of the named constants of one set, ready to pass to a law:
 * `lossN(1e9, constantsOf('kaplan-2020-summary', ['alphaN', 'Nc']))`. Units are those of the set's
 * constants (see {@link constantSets}). Throws on an unknown set or key, so a law never runs with a
 * missing constant.
 * @example constantsOf('hoffmann-2022-rounded', ['E', 'A', 'B', 'alpha', 'beta'])
 */
export function constantsOf<K extends string>(id: string, keys: readonly K[]): Readonly<Record<K, number>> {
  return valuesOf(citedConstantSets, id, keys);
}
