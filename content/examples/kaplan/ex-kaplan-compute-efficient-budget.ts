import { constantsOf, computeEfficient, alphaCminFromExponents, expectClose, formatNumber } from 'scaling-ledger';

// Kaplan et al. 2020, Table 6: compute-efficient N, B, S_min and D for C_min in PF-days
const T = constantsOf('kaplan-2020-compute-efficient', ['Ne', 'pN', 'Be', 'pB', 'Se', 'pS', 'De', 'pD']);
for (const Cmin of [1, 1e3]) {
  const a = computeEfficient(Cmin, T);
  console.log(`C_min = ${formatNumber(Cmin)} PF-days: N = ${formatNumber(a.N)}, B = ${formatNumber(a.B)} tokens, S_min = ${formatNumber(a.S)} steps, D = ${formatNumber(a.D)} tokens`);
}

// Eq. (1.8): α_C^min = 1/(1/α_S + 1/α_B + 1/α_N), predicted from the other exponents
const K = constantsOf('kaplan-2020-summary', ['alphaS', 'alphaB', 'alphaN', 'alphaCmin']);
const predicted = alphaCminFromExponents(K);
const { alphaCminEqB7 } = constantsOf('kaplan-2020-predicted', ['alphaCminEqB7']);
expectClose(predicted, alphaCminEqB7, 0.01, 'Eq. (B.7)'); // the paper's ≈ 0.052; Eq. (6.4) prints 0.054
console.log(`predicted α_C^min = ${predicted.toFixed(4)}; fitted (Eq. 1.3) = ${K.alphaCmin.toFixed(3)}`);
