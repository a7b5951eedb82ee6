import { constantsOf, isoFlopLoss, optimalN, formatNumber, expectClose } from 'scaling-ledger';

// Approach 2 by brute force: at a fixed budget, try many model sizes (each trained on D = C/(6N)
// tokens), keep the one with the lowest predicted loss L̂ (Hoffmann Eq. 2), and compare it with the
// closed form of Eq. (4). TeX-source constants.
const c = constantsOf('hoffmann-2022-precise', ['E', 'A', 'B', 'alpha', 'beta']);
for (const C of [6e18, 1e20, 3e21]) { // three of the paper's IsoFLOP budgets (§3.2), FLOP
  let best = { N: 1e7, loss: isoFlopLoss(C, 1e7, c) };
  for (let i = 0; i <= 400; i++) {
    const N = 10 ** (7 + (5 * i) / 400); // 1e7 … 1e12 parameters
    const loss = isoFlopLoss(C, N, c);
    if (loss < best.loss) best = { N, loss };
  }
  expectClose(best.N, optimalN(C, c), 0.02, 'grid minimum vs Eq. (4)'); // grid spacing is 2.9 %
  console.log(`C = ${formatNumber(C)} FLOP: best N on the grid ${formatNumber(best.N)}, Eq. (4) ${formatNumber(optimalN(C, c))}, L̂ = ${best.loss.toFixed(3)} nats/token`);
}
