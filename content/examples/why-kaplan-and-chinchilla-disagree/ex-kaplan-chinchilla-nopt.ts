import { constantsOf, computeEfficient, optimalN, flopToPfDays, formatNumber, expectClose } from 'scaling-ledger';

// Kaplan et al. 2020, Table 6 (non-embedding N; C = 2·C_min at the critical batch), and
// Hoffmann et al. 2022, Eq. (4) with the constants of their TeX source.
const t6 = constantsOf('kaplan-2020-compute-efficient', ['Ne', 'pN', 'Be', 'pB', 'Se', 'pS', 'De', 'pD']);
const hoffmann = constantsOf('hoffmann-2022-precise', ['E', 'A', 'B', 'alpha', 'beta']);
const kaplanN = (C: number) => computeEfficient(flopToPfDays(C) / 2, t6).N;

for (const C of [1e19, 1e21, 1e23, 1e25]) {
  const k = kaplanN(C);
  const h = optimalN(C, hoffmann);
  console.log(`C = ${formatNumber(C)} FLOP: Kaplan ${formatNumber(k, { style: 'suffix' })}, Hoffmann ${formatNumber(h, { style: 'suffix' })}, ratio ${formatNumber(k / h)}`);
}

// Hoffmann et al. App. D.4 quote Kaplan's optimum at 1e21 FLOPs as 4.68 billion parameters
expectClose(kaplanN(1e21), 4.68e9, 0.001, 'Kaplan N_opt at 1e21 FLOP');
