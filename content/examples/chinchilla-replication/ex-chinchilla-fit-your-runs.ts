import { constantsOf, predictLoss, fitHuber, expectClose } from 'scaling-ledger';

// Fitting your own runs: (N parameters, D tokens, final loss in nats/token) → the five constants of
// L̂(N, D) = E + A/N^α + B/D^β (Hoffmann Eq. 2), minimising the summed Huber loss of log-loss
// residuals (Eq. 3 / 11) with L-BFGS. Here the "runs" are made up: losses from Epoch AI's refit,
// each perturbed by up to ±0.2 %, on a 5 × 5 grid of model sizes and token counts.
const truth = constantsOf('besiroglu-2024-refit', ['E', 'A', 'B', 'alpha', 'beta']);
const runs = [];
for (let i = 0; i < 5; i++)
  for (let j = 0; j < 5; j++) {
    const N = 1e8 * 3 ** i; // 100M … 8.1B parameters
    const D = 2e9 * 3 ** j; // 2B … 162B tokens
    const noise = 0.002 * Math.sin(7 * i + 3 * j); // a fixed, reproducible "measurement error"
    runs.push({ N, D, loss: predictLoss(truth, N, D) * (1 + noise) });
  }

const fit = fitHuber(runs); // one L-BFGS run from Hoffmann's TeX-source values
for (const k of ['E', 'A', 'B', 'alpha', 'beta'] as const) {
  const off = (100 * (fit.params[k] - truth[k])) / truth[k];
  console.log(`${k}: the fit is off by ${off.toFixed(2)} % from the value that made the runs`);
}
expectClose(fit.params.E, truth.E, 0.02, 'E recovered within 2 %');
// E and the exponents come back closely; A and B less so — they trade off against α and β.
