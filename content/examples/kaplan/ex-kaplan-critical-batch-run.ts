import { constantsOf, criticalBatch, minSteps, minExamples, expectClose, formatNumber } from 'scaling-ledger';

// Kaplan et al. 2020, Eq. (1.4): B_crit(L) = B_* / L^(1/α_B), in tokens
const K = constantsOf('kaplan-2020-summary', ['Bstar', 'alphaB']);
const { batchTokens } = constantsOf('kaplan-2020-setup', ['batchTokens']); // 2^19 tokens (§2.2)

const L = 2.5; // nats per token reached by the run
const S = 1e5; // steps the run took at batch B = 2^19 tokens
const E = S * batchTokens; // tokens processed
const Bcrit = criticalBatch(L, K);
const Smin = minSteps(S, batchTokens, Bcrit); // Eq. (5.4)
const Emin = minExamples(E, batchTokens, Bcrit); // Eq. (5.1)–(5.2)

console.log(`B_crit(${L}) = ${formatNumber(Bcrit)} tokens`);
console.log(`S_min = ${formatNumber(Smin)} steps (at a huge batch); E_min = ${formatNumber(Emin)} tokens (at a tiny batch)`);
// Eq. (5.1): the run lies on the hyperbola (S/S_min − 1)(E/E_min − 1) = 1
expectClose((S / Smin - 1) * (E / Emin - 1), 1, 1e-9, 'Eq. (5.1)');
