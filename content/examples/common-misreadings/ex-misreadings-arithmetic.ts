import { constantsOf, lossReduction, allocationAtTokensPerParameter, pfDaysToFlop, formatNumber, formatPercent, expectClose } from 'scaling-ledger';

// M1: what 10× parameters buys (Kaplan Eq. 1.1)
const { alphaN } = constantsOf('kaplan-2020-summary', ['alphaN']);
console.log(`10× N lowers the loss by ${formatPercent(lossReduction(10, alphaN))}, not ${formatPercent(10 ** alphaN - 1)}`);

// M5: a PF-day (Kaplan §1.3)
console.log(`1 PF-day = ${formatNumber(pfDaysToFlop(1))} FLOP`);

// M9: with D = 20N, N = √(C/120), not √(C/6)
const C = 5.76e23; // Gopher's budget (Hoffmann et al., Table 3)
console.log(`at ${formatNumber(C)} FLOP: N = ${formatNumber(allocationAtTokensPerParameter(C, 20).N, { style: 'suffix' })}, √(C/6) = ${formatNumber(Math.sqrt(C / 6), { style: 'suffix' })}`);

// Kaplan §1.2 / brief §C: 16.1 % for 10× N
expectClose(lossReduction(10, alphaN), 0.161, 0.003, 'M1');
