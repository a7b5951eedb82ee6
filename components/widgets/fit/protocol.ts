/**
 * Messages between the fit page and its workers. Points travel as three Float64Arrays (N, D, loss);
 * results are plain structured-clone data.
 */
import type { BootstrapSlice, LogParams } from '../../../src/lib/fit.ts';
import type { MinimizeResult } from '../../../src/lib/optimize.ts';
import type { VarProResult } from '../../../src/lib/varpro.ts';

export interface PointsMessage {
  N: Float64Array;
  D: Float64Array;
  loss: Float64Array;
}

export type Method = 'huber' | 'varpro';

export type Request =
  | { kind: 'grid'; job: number; points: PointsMessage; refine: number; part: number; parts: number }
  | { kind: 'varpro'; job: number; points: PointsMessage }
  | { kind: 'boot'; job: number; points: PointsMessage; method: Method; seed: number; from: number; to: number; start: LogParams };

export type Reply =
  | { kind: 'grid'; job: number; runs: { res: MinimizeResult; start: Float64Array }[]; starts: number }
  | { kind: 'varpro'; job: number; result: VarProResult }
  | { kind: 'progress'; job: number; done: number }
  | { kind: 'boot'; job: number; slice: BootstrapSlice }
  | { kind: 'error'; job: number; message: string };
