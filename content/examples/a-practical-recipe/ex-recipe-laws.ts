import { constantsOf, optimalAllocation, allocationAtTokensPerParameter, formatNumber, expectClose } from 'scaling-ledger';

// Step 1 of the recipe: N and D for one budget under each fitted constant set
const C = 1e23; // FLOP
const keys = ['E', 'A', 'B', 'alpha', 'beta'] as const;
for (const id of ['hoffmann-2022-rounded', 'hoffmann-2022-precise', 'besiroglu-2024-refit']) {
  const a = optimalAllocation(C, constantsOf(id, keys));
  console.log(`${id}: N = ${formatNumber(a.N, { style: 'suffix' })}, D = ${formatNumber(a.D, { style: 'suffix' })}, D/N = ${formatNumber(a.tokensPerParameter)}`);
}
const twenty = allocationAtTokensPerParameter(C, 20);
console.log(`20 tokens per parameter: N = ${formatNumber(twenty.N, { style: 'suffix' })}, D = ${formatNumber(twenty.D, { style: 'suffix' })}`);

// C ≈ 6ND holds for every split
expectClose(6 * twenty.N * twenty.D, C, 1e-9, '6ND');
