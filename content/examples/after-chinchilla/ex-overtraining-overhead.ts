import { constantsOf, smallerModel, formatNumber, formatPercent, expectClose } from 'scaling-ledger';

// Epoch AI's refit of Chinchilla's law; Chinchilla's own budget, 6 × 70B parameters × 1.4T tokens (Hoffmann Table 1)
const epoch = constantsOf('besiroglu-2024-refit', ['E', 'A', 'B', 'alpha', 'beta']);
const C = 6 * 70e9 * 1.4e12;

for (const k of [1, 1.5, 2, 3]) {
  const r = smallerModel(C, k, epoch);
  console.log(
    `${k}× smaller: ${formatNumber(r.N, { style: 'suffix' })} on ${formatNumber(r.D, { style: 'suffix' })} tokens, ` +
      `overhead ${formatPercent(r.computeOverhead)}, repaid after ${formatNumber(r.breakEvenServedTokens)} served tokens`,
  );
}

// The compute-optimal model itself has no overhead
expectClose(smallerModel(C, 1, epoch).computeRatio, 1, 1e-12, 'compute ratio at k = 1');
