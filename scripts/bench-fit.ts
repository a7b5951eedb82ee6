/**
 * Benchmark (not a test) of src/lib/fit.ts on Epoch AI's 240 Figure-4 points (Besiroglu et al.
 * 2024): time of a single-start Huber fit, the likelihood fit, Hoffmann's 4,500-start grid fit and
 * 1,000-resample bootstraps, plus the results next to Epoch's notebook values, and a Monte Carlo
 * study of how much our bootstrap SEs and intervals move with the seed (the basis of the
 * tolerances in tests/unit/fit.test.ts). Prints markdown to stdout; progress goes to stderr.
 *
 * Usage (Node ≥ 22.18 strips the types; the repo's pinned Node 24 does):
 *   node_modules/.bin/node scripts/bench-fit.ts [--seeds 30] [--seed-resamples 500]
 * Data: content/data/epoch-figure4/svg_extracted_data.csv (Epoch AI's extraction; see SOURCE.md there).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  bootstrapFit,
  dropHighestLoss,
  fitHuber,
  fitHuberGrid,
  fitLikelihood,
  parseFigure4Csv,
  summarizeBootstrap,
  type BootstrapResult,
  type FitResult,
} from '../src/lib/fit.ts';
import { fitVarProPoints, toVarProData, varProRefits } from '../src/lib/varpro.ts';
import { EPOCH_CI, EPOCH_GRID, EPOCH_LOG_SE, EPOCH_MLE, EPOCH_SE } from '../tests/support/epoch-notebook.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isFinite(v) || v < 0) throw new Error(`${name} needs a number ≥ 0`);
  return v;
};
const SEEDS = arg('--seeds', 30);
const SEED_RESAMPLES = arg('--seed-resamples', 500);

const csvPath = path.resolve(import.meta.dirname, '../content/data/epoch-figure4/svg_extracted_data.csv');
const log = (s: string) => process.stderr.write(`${s}\n`);

function time<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
const fmt = (x: number, d = 4): string => (Math.abs(x) >= 100 ? x.toFixed(2) : x.toPrecision(d));
const ms = (x: number): string => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 2 : 1)} ms`);

const parsed = time(() => dropHighestLoss(parseFigure4Csv(readFileSync(csvPath, 'utf8'), csvPath), 5));
const points = parsed.value;

const KEYS = ['A', 'B', 'E', 'alpha', 'beta'] as const;
const LOG_KEYS = ['a', 'b', 'e', 'alpha', 'beta'] as const;

// Warm up the JIT, then time.
log('warming up…');
for (let i = 0; i < 20; i++) {
  fitHuber(points);
  fitLikelihood(points);
}
log('single-start fits…');
const huberTimes: number[] = [];
const likTimes: number[] = [];
let single!: FitResult;
let mle!: ReturnType<typeof fitLikelihood>;
for (let i = 0; i < 30; i++) {
  const h = time(() => fitHuber(points));
  huberTimes.push(h.ms);
  single = h.value;
  const l = time(() => fitLikelihood(points));
  likTimes.push(l.ms);
  mle = l.value;
}
log('grid fit (4,500 starts) ×3…');
const gridRuns = [0, 1, 2].map(() => time(() => fitHuberGrid(points)));
const grid = gridRuns[0]!.value;
log('screened grid fit (4,500 screened, best 64 refined) ×5…');
const screenedRuns = [0, 1, 2, 3, 4].map(() => time(() => fitHuberGrid(points, { refine: 64 })));
const screened = screenedRuns[0]!.value;
log('variable projection ×5, and 1,000 refits…');
const vpRuns = [0, 1, 2, 3, 4].map(() => time(() => fitVarProPoints(points)));
const vp = vpRuns[0]!.value;
const vpBoot = time(() => summarizeBootstrap([varProRefits(toVarProData(points), { seed: 42, to: 1000, start: vp.params })]));
log('bootstrap, 1,000 resamples, summed Huber ×3…');
const bootRuns = [0, 1, 2].map(() => time(() => bootstrapFit(points, { resamples: 1000, seed: 42 })));
const boot = bootRuns[0]!.value;
log('bootstrap, 1,000 resamples, likelihood…');
const bootLik = time(() => bootstrapFit(points, { resamples: 1000, seed: 42, method: 'likelihood' }));

const out: string[] = [];
const p = (s = '') => out.push(s);
p('## Fit benchmark (src/lib/fit.ts)');
p();
p(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.platform()} ${os.arch()}; Node ${process.version}. Single-threaded.`);
p(`Data: ${points.length} points (245 read, 5 highest losses dropped).`);
p();
p('| task | time |');
p('| --- | --- |');
p(`| read + parse CSV, drop 5 | ${ms(parsed.ms)} (cold) |`);
p(`| summed-Huber fit, 1 start (Hoffmann TeX values), L-BFGS | ${ms(median(huberTimes))} median of 30 (${single.optimizer.iterations} iterations, ${single.optimizer.evaluations} evaluations) |`);
p(`| Huber-likelihood fit (free σ), 1 start | ${ms(median(likTimes))} median of 30 (${mle.optimizer.iterations} iterations, ${mle.optimizer.evaluations} evaluations) |`);
p(`| Hoffmann grid fit, 4,500 starts | ${ms(median(gridRuns.map((r) => r.ms)))} median of 3 (${grid.convergedStarts} of ${grid.starts} starts stopped on a tolerance test) |`);
p(`| screened grid fit: objective at all 4,500 starts, L-BFGS from the best 64 | ${ms(median(screenedRuns.map((r) => r.ms)))} median of 5 (objective ${screened.objective.toPrecision(11)}; full grid ${grid.objective.toPrecision(11)}) |`);
p(`| variable projection: 32 × 32 grid of (α, β), then L-BFGS | ${ms(median(vpRuns.map((r) => r.ms)))} median of 5 (E ${fmt(vp.params.E)}, A ${fmt(vp.params.A)}, B ${fmt(vp.params.B)}, α ${fmt(vp.params.alpha)}, β ${fmt(vp.params.beta)}) |`);
p(`| bootstrap, 1,000 variable-projection refits from the estimate | ${ms(vpBoot.ms)} (${vpBoot.value.unconverged} not converged, ${vpBoot.value.failed} failed) |`);
p(`| bootstrap, 1,000 resamples, summed-Huber refits | ${ms(median(bootRuns.map((r) => r.ms)))} median of 3 (${boot.unconverged} not converged, ${boot.failed} failed) |`);
p(`| bootstrap, 1,000 resamples, likelihood refits | ${ms(bootLik.ms)} (${bootLik.value.unconverged} not converged, ${bootLik.value.failed} failed) |`);
p();
p('### Estimates vs Epoch AI (data_analysis.ipynb)');
p();
p(`Grid fit objective: ours ${grid.objective.toPrecision(11)}, Epoch's best 1.0182740346e-3 (cell 18). Best start: a=${grid.start.a}, b=${grid.start.b}, e=${grid.start.e}, α=${grid.start.alpha}, β=${grid.start.beta}.`);
p(`Likelihood fit: log σ = ${mle.logSigma.toFixed(6)} (Epoch −12.266624), log-likelihood ${mle.logLikelihood.toFixed(8)} (Epoch 879.77313906, cell 24).`);
p();
p('| | grid fit (ours) | "replicate exactly" (Epoch cell 18) | MLE (ours) | MLE (Epoch cells 24–25) |');
p('| --- | --- | --- | --- | --- |');
for (const k of KEYS) p(`| ${k} | ${fmt(grid.params[k], 7)} | ${fmt(EPOCH_GRID[k], 7)} | ${fmt(mle.params[k], 7)} | ${fmt(EPOCH_MLE[k], 7)} |`);
p();
const bootTable = (title: string, b: BootstrapResult) => {
  p(`### ${title}`);
  p();
  p('| | SE (ours) | SE (Epoch, 4,000) | ratio | 95 % interval (ours) | 95 % interval (Epoch, cell 26) |');
  p('| --- | --- | --- | --- | --- | --- |');
  for (const k of KEYS) {
    const [lo, hi] = b.intervals[k];
    p(`| ${k} | ${fmt(b.standardErrors[k])} | ${fmt(EPOCH_SE[k])} | ${(b.standardErrors[k] / EPOCH_SE[k]).toFixed(3)} | (${fmt(lo)}, ${fmt(hi)}) | (${EPOCH_CI[k][0]}, ${EPOCH_CI[k][1]}) |`);
  }
  p(`| log-space SEs a, b, e, α, β | ${LOG_KEYS.map((k) => b.logStandardErrors[k].toFixed(3)).join(', ')} | ${LOG_KEYS.map((k) => EPOCH_LOG_SE[k].toFixed(3)).join(', ')} (cell 54) | | | |`);
  p();
};
bootTable('Bootstrap, 1,000 resamples, seed 42, summed-Huber refits from Hoffmann’s TeX values (Epoch’s method, cell 21)', boot);
bootTable('Bootstrap, 1,000 resamples, seed 42, likelihood refits (free σ)', bootLik.value);

if (SEEDS > 0) {
  log(`seed study: ${SEEDS} seeds × ${SEED_RESAMPLES} resamples…`);
  type Row = { se: number[]; lo: number[]; hi: number[] };
  const rows = Object.fromEntries(KEYS.map((k) => [k, { se: [], lo: [], hi: [] } as Row])) as Record<(typeof KEYS)[number], Row>;
  const logRows = Object.fromEntries(LOG_KEYS.map((k) => [k, [] as number[]])) as Record<(typeof LOG_KEYS)[number], number[]>;
  const t = time(() => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const b = bootstrapFit(points, { resamples: SEED_RESAMPLES, seed });
      for (const k of KEYS) {
        rows[k].se.push(b.standardErrors[k] / EPOCH_SE[k]);
        // interval-end offsets in units of Epoch's SE
        rows[k].lo.push((b.intervals[k][0] - EPOCH_CI[k][0]) / EPOCH_SE[k]);
        rows[k].hi.push((b.intervals[k][1] - EPOCH_CI[k][1]) / EPOCH_SE[k]);
      }
      for (const k of LOG_KEYS) logRows[k].push(b.logStandardErrors[k] / EPOCH_LOG_SE[k]);
    }
  });
  const range = (xs: number[], d = 2) => `${Math.min(...xs).toFixed(d)} … ${Math.max(...xs).toFixed(d)}`;
  p(`### Seed study: ${SEEDS} seeds (1…${SEEDS}) × ${SEED_RESAMPLES} resamples (${ms(t.ms)})`);
  p();
  p('Range over seeds of our SE ÷ Epoch’s SE, and of (our interval end − Epoch’s) ÷ Epoch’s SE.');
  p();
  p('| | SE ratio | lower end (SE units) | upper end (SE units) | log-space SE ratio |');
  p('| --- | --- | --- | --- | --- |');
  KEYS.forEach((k, i) => p(`| ${k} | ${range(rows[k].se)} | ${range(rows[k].lo)} | ${range(rows[k].hi)} | ${LOG_KEYS[i]}: ${range(logRows[LOG_KEYS[i]!])} |`));
  p();
}
console.log(out.join('\n'));
