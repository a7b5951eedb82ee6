/**
 * A pool of fit workers, one per core (navigator.hardwareConcurrency, at most 8). Splits a grid fit's
 * refinements and a bootstrap's resamples across them, reports progress, and cancels at once by
 * terminating every worker (new ones are started for the next job).
 */
import { bestOfRuns, summarizeBootstrap, type BootstrapResult, type BootstrapSlice, type GridFitResult, type LogParams, type LossPoint } from '../../../src/lib/fit.ts';
import type { MinimizeResult } from '../../../src/lib/optimize.ts';
import type { VarProResult } from '../../../src/lib/varpro.ts';
import type { Method, PointsMessage, Reply, Request } from './protocol.ts';

/** Thrown (as a rejection) when a job is cancelled. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export function workerCount(): number {
  const n = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 1;
  return Math.max(1, Math.min(8, Number.isInteger(n) ? n : 1));
}

function pack(points: readonly LossPoint[]): PointsMessage {
  return { N: Float64Array.from(points, (p) => p.N), D: Float64Array.from(points, (p) => p.D), loss: Float64Array.from(points, (p) => p.loss) };
}

export class FitPool {
  readonly size: number;
  private workers: Worker[] = [];
  private job = 0;
  private rejectAll: ((e: Error) => void)[] = [];

  constructor(size = workerCount()) {
    this.size = size;
  }

  private worker(i: number): Worker {
    return (this.workers[i] ??= new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: `fit-${i}` }));
  }

  /** Send one request to worker i; resolve with its final reply. */
  private ask<R extends Reply>(i: number, req: Request, onProgress?: (done: number) => void): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const w = this.worker(i);
      const stop = (e: Error) => reject(e);
      this.rejectAll.push(stop);
      const onMessage = (event: MessageEvent<Reply>) => {
        const reply = event.data;
        if (reply.job !== req.job) return;
        if (reply.kind === 'progress') return onProgress?.(reply.done);
        w.removeEventListener('message', onMessage);
        this.rejectAll = this.rejectAll.filter((f) => f !== stop);
        if (reply.kind === 'error') reject(new Error(reply.message));
        else resolve(reply as R);
      };
      w.addEventListener('message', onMessage);
      w.addEventListener('error', (event) => reject(new Error(event.message || 'a fit worker failed to start')), { once: true });
      w.postMessage(req);
    });
  }

  /**
   * Hoffmann's grid fit with a screen (fit.ts `fitHuberGrid` with `refine`): every worker screens
   * the 4,500 starts and refines its share of the best `refine`; the best run wins (ties: grid order).
   */
  async grid(points: readonly LossPoint[], refine: number): Promise<GridFitResult> {
    const job = ++this.job;
    const msg = pack(points);
    const parts = Math.min(this.size, refine);
    const replies = await Promise.all(
      Array.from({ length: parts }, (_, part) => this.ask<Extract<Reply, { kind: 'grid' }>>(part, { kind: 'grid', job, points: msg, refine, part, parts })),
    );
    // Put the runs back in grid order: run j of part p is the (j·parts + p)-th refined start.
    const runs: { res: MinimizeResult; start: Float64Array }[] = [];
    for (let k = 0; ; k++) {
      const r = replies[k % parts]!.runs[Math.floor(k / parts)];
      if (!r) break;
      runs.push(r);
    }
    return bestOfRuns(runs, replies[0]!.starts);
  }

  /** Variable projection (varpro.ts) in one worker. */
  async varpro(points: readonly LossPoint[]): Promise<VarProResult> {
    const job = ++this.job;
    return (await this.ask<Extract<Reply, { kind: 'varpro' }>>(0, { kind: 'varpro', job, points: pack(points) })).result;
  }

  /**
   * Bootstrap refits split into slices across the workers (each slice the same resamples whatever
   * the worker count), with progress (done, total) as slices report.
   */
  async bootstrap(
    points: readonly LossPoint[],
    options: { method: Method; resamples: number; seed: number; start: LogParams; onProgress?: (done: number, total: number) => void },
  ): Promise<BootstrapResult> {
    const job = ++this.job;
    const msg = pack(points);
    const total = options.resamples;
    // Several slices per worker keep them all busy until the end.
    const chunk = Math.max(1, Math.ceil(total / (this.size * 4)));
    const queue: [number, number][] = [];
    for (let from = 0; from < total; from += chunk) queue.push([from, Math.min(total, from + chunk)]);
    const doneBy = new Map<number, number>();
    const slices: BootstrapSlice[] = [];
    const report = () => options.onProgress?.([...doneBy.values()].reduce((s, v) => s + v, 0), total);
    const run = async (i: number): Promise<void> => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [from, to] = next;
        const reply = await this.ask<Extract<Reply, { kind: 'boot' }>>(
          i,
          { kind: 'boot', job, points: msg, method: options.method, seed: options.seed, from, to, start: options.start },
          (done) => {
            doneBy.set(from, done);
            report();
          },
        );
        doneBy.set(from, to - from);
        report();
        slices.push(reply.slice);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.size, queue.length) }, (_, i) => run(i)));
    return summarizeBootstrap(slices, { seed: options.seed });
  }

  /** Stop everything at once: terminate the workers and reject what is pending. */
  cancel(): void {
    for (const w of this.workers) w?.terminate();
    this.workers = [];
    const pending = this.rejectAll;
    this.rejectAll = [];
    for (const reject of pending) reject(new Cancelled());
  }
}
