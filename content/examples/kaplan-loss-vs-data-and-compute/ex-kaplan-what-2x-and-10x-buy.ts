import { constantsOf, lossRatio, lossReduction, factorForLossRatio, expectClose } from 'scaling-ledger';

// Kaplan et al. 2020, Eq. (1.1)–(1.3) and Table 5: L ∝ X^(−α) for X = N, D, C_min and the fixed-batch C.
const K = constantsOf('kaplan-2020-summary', ['alphaN', 'alphaD', 'alphaCmin', 'alphaC']);
const laws = { N: K.alphaN, D: K.alphaD, C_min: K.alphaCmin, 'C (fixed batch)': K.alphaC };

for (const [x, alpha] of Object.entries(laws)) {
  const two = lossRatio(2, alpha);
  const ten = lossReduction(10, alpha);
  const tenPctLower = factorForLossRatio(0.9, alpha);
  console.log(`${x}: 2× → loss ×${two.toFixed(3)}; 10× → ${(100 * ten).toFixed(1)}% lower; 10% lower needs ${tenPctLower.toFixed(2)}×`);
}

// §1.2 prints: doubling N gives a loss smaller by a factor 2^(−α_N) = 0.95
expectClose(lossRatio(2, K.alphaN), 0.95, 0.01, '2^(−α_N)');
