import { constantsOf, crossingPoint, table6Growth, expectClose, formatNumber } from 'scaling-ledger';

// Kaplan et al. 2020, §6.3: where L(C_min) (Eq. 1.3) meets the data bound L(D) (Eq. 1.2)
const K = constantsOf('kaplan-2020-summary', ['alphaCmin', 'Ccmin', 'alphaD', 'Dc']);
const T = constantsOf('kaplan-2020-compute-efficient', ['Ne', 'pN', 'Be', 'pB', 'Se', 'pS', 'De', 'pD', 'DEq67Prefactor', 'DEq67Exponent']);

const withTable6 = crossingPoint(K, table6Growth(T));
const withEq67 = crossingPoint(K, { data: { prefactor: T.DEq67Prefactor, exponent: T.DEq67Exponent }, params: table6Growth(T).params });

for (const [name, p] of [['Table 6 D_opt', withTable6], ['Eq. (6.7)', withEq67]] as const) {
  console.log(`${name}: C* = ${formatNumber(p.C)} PF-days, N* = ${formatNumber(p.N)}, D* = ${formatNumber(p.D)} tokens, L* = ${p.L.toFixed(3)} nats/token`);
}
// Eq. (6.8) prints C* ~ 1e4 PF-days, "varying by an order of magnitude in either direction"
const { Cstar } = constantsOf('kaplan-2020-crossing', ['Cstar']);
expectClose(Math.log10(withTable6.C), Math.log10(Cstar), 0.25, 'log10 C*'); // relative: ±1 in log10 of 1e4
