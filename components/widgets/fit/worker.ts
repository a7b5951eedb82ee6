/**
 * The fit page's Web Worker: runs one part of a grid fit, a variable-projection fit, or one slice of
 * bootstrap refits (src/lib/fit.ts, src/lib/varpro.ts) off the main thread. Stateless: every request
 * carries its points. Cancelling is the page terminating the worker.
 */
import { bootstrapRefits, gridStarts, refineStarts, screenStarts, toFitData, type LossPoint } from '../../../src/lib/fit.ts';
import { fitVarPro, toVarProData, varProRefits } from '../../../src/lib/varpro.ts';
import type { PointsMessage, Reply, Request } from './protocol.ts';

function points(m: PointsMessage): LossPoint[] {
  return Array.from(m.N, (N, i) => ({ N, D: m.D[i]!, loss: m.loss[i]! }));
}

const post = (reply: Reply) => (self as unknown as { postMessage(m: Reply): void }).postMessage(reply);

self.onmessage = (event: MessageEvent<Request>) => {
  const req = event.data;
  try {
    if (req.kind === 'grid') {
      // Every part screens all starts (cheap and identical), then refines its share of the best.
      const data = toFitData(points(req.points));
      const all = gridStarts();
      const chosen = screenStarts(data, all, req.refine)
        .sort((i, j) => i - j)
        .filter((_, k) => k % req.parts === req.part)
        .map((i) => all[i]!);
      const results = refineStarts(data, chosen);
      post({ kind: 'grid', job: req.job, runs: results.map((res, i) => ({ res, start: chosen[i]! })), starts: all.length });
    } else if (req.kind === 'varpro') {
      post({ kind: 'varpro', job: req.job, result: fitVarPro(toVarProData(points(req.points))) });
    } else {
      const every = Math.max(1, Math.round((req.to - req.from) / 20));
      const onProgress = (done: number, total: number) => {
        if (done % every === 0 || done === total) post({ kind: 'progress', job: req.job, done });
      };
      const slice =
        req.method === 'varpro'
          ? varProRefits(toVarProData(points(req.points)), { seed: req.seed, from: req.from, to: req.to, start: req.start, onProgress })
          : bootstrapRefits(toFitData(points(req.points)), { seed: req.seed, from: req.from, to: req.to, start: req.start, onProgress });
      post({ kind: 'boot', job: req.job, slice });
    }
  } catch (error) {
    post({ kind: 'error', job: req.job, message: error instanceof Error ? error.message : 'the fit failed' });
  }
};
