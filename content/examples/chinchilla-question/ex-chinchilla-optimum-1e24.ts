import { constantsOf, optimalAllocation, allocationAtTokensPerParameter, formatNumber, expectClose } from 'scaling-ledger';

// Hoffmann et al. 2022, Eq. (4): the compute-optimal model for a budget of 1e24 FLOP,
// under each published set of Approach-3 constants (Eq. 10 as printed, the TeX source, Epoch AI's refit).
const C = 1e24; // FLOP
const keys = ['E', 'A', 'B', 'alpha', 'beta'] as const;
for (const set of ['hoffmann-2022-rounded', 'hoffmann-2022-precise', 'besiroglu-2024-refit']) {
  const { N, D, tokensPerParameter } = optimalAllocation(C, constantsOf(set, keys));
  expectClose(6 * N * D, C, 1e-9, '6·N·D = C'); // the optimum spends exactly the budget
  console.log(`${set}: N = ${formatNumber(N)} parameters, D = ${formatNumber(D)} tokens, ${tokensPerParameter.toFixed(1)} tokens/parameter`);
}

// The "20 tokens per parameter" rule of thumb instead: C = 6·N·20N, so N = √(C/120).
const rule = allocationAtTokensPerParameter(C, 20);
console.log(`20:1 rule: N = ${formatNumber(rule.N)} parameters, D = ${formatNumber(rule.D)} tokens`);
