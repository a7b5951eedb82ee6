import { constantsOf, allocationExponents, frontierG, optimalAllocation, formatNumber, expectClose } from 'scaling-ledger';

// Hoffmann et al. 2022, Eq. (4) at Gopher's budget (5.76e23 FLOP, Fig. 2 caption), with the
// constants as printed in the body (Eq. 10) and with the unrounded TeX-source constants.
const C = 5.76e23;
const keys = ['E', 'A', 'B', 'alpha', 'beta'] as const;
for (const set of ['hoffmann-2022-rounded', 'hoffmann-2022-precise']) {
  const c = constantsOf(set, keys);
  const { a, b } = allocationExponents(c);
  const { N, D } = optimalAllocation(C, c);
  console.log(`${set}: G = ${frontierG(c).toFixed(4)}, a = ${a.toFixed(4)}, b = ${b.toFixed(4)}, N_opt = ${formatNumber(N)}, D_opt = ${formatNumber(D)}`);
}

// Figure 4's caption: "the optimal model size given the Gopher FLOP budget [is] 40B parameters".
const precise = optimalAllocation(C, constantsOf('hoffmann-2022-precise', keys));
expectClose(precise.N, 40e9, 0.02, "Figure 4's 40B");
console.log('The TeX-source constants reproduce the 40B; the rounded ones do not.');
