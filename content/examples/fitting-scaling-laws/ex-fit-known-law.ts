import { constantsOf, predictLoss, fitHuber, allocationExponents, formatNumber, expectClose } from 'scaling-ledger';

// Noise-free IsoFLOP runs from a known law (Hoffmann et al.'s TeX constants), then Approach 3
// (Hoffmann Eq. 3: Huber loss of log-loss residuals) from a start far from the truth.
const truth = constantsOf('hoffmann-2022-precise', ['E', 'A', 'B', 'alpha', 'beta']);
const points = [];
for (const C of [1e18, 1e19, 1e20, 1e21]) {
  for (const f of [1 / 8, 1 / 4, 1 / 2, 1, 2, 4, 8]) {
    const N = f * Math.sqrt(C / 120);
    const D = C / (6 * N);
    points.push({ N, D, loss: predictLoss(truth, N, D) });
  }
}
const fit = fitHuber(points, { start: { a: 5, b: 5, e: 0.5, alpha: 0.5, beta: 0.5 } });
console.log(`runs: ${points.length}`);
const off = (x: number, t: number) => formatNumber(Math.abs(x / t - 1), { sig: 2 });
console.log(`relative error of α: ${off(fit.params.alpha, truth.alpha)}, β: ${off(fit.params.beta, truth.beta)}, E: ${off(fit.params.E, truth.E)}`);
console.log(`relative error of a = β/(α+β): ${off(allocationExponents(fit.params).a, allocationExponents(truth).a)}`);

expectClose(allocationExponents(fit.params).a, allocationExponents(truth).a, 0.01, 'recovered a');
