import { constantsOf, lossN, lossRatio, expectClose, formatNumber } from 'scaling-ledger';

// Kaplan et al. 2020, Eq. (1.1), with the §1 fit (Table 5)
const K = constantsOf('kaplan-2020-summary', ['alphaN', 'Nc']);

for (const N of [1e6, 1e8, 1e10]) {
  const L = lossN(N, K); // nats per token
  console.log(`N = ${formatNumber(N)} parameters: L = ${L.toFixed(3)} nats/token`);
}

// §1.2 prints that doubling N multiplies the loss by 2^(−α_N) = 0.95
const doubling = lossRatio(2, K.alphaN);
expectClose(doubling, 0.95, 0.01, 'L(2N)/L(N)');
console.log(`Doubling N multiplies the loss by ${doubling.toFixed(4)}`);
