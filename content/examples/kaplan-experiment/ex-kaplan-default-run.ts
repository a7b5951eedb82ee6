import { constantsOf, lossN, trainingFlopFromSteps, flopToPfDays, natsToBits, perplexity, expectClose, formatNumber } from 'scaling-ledger';

// Kaplan et al. 2020, §2.2–§3: the default run, and what its loss means (§1.3).
const S = constantsOf('kaplan-2020-setup', ['NmaxStudied', 'batchTokens', 'nCtx', 'stepsDefault', 'webText2Tokens']);

// §2.2 prints the batch as 512 sequences of 1024 tokens, 2^19 tokens.
expectClose(S.batchTokens, 512 * S.nCtx, 0, 'batch = 512 × n_ctx');

const tokens = S.batchTokens * S.stepsDefault;
console.log(`A default run processes ${formatNumber(tokens)} tokens: ${(tokens / S.webText2Tokens).toFixed(1)}× the ${formatNumber(S.webText2Tokens)} tokens of WebText2.`);

// C ≈ 6NBS (§1.3), in PF-days (10^15 FLOP/s for a day)
const C = trainingFlopFromSteps(S.NmaxStudied, S.batchTokens, S.stepsDefault);
console.log(`For N = ${formatNumber(S.NmaxStudied)} it costs ${formatNumber(C)} FLOP = ${formatNumber(flopToPfDays(C))} PF-days.`);

// Eq. (1.1) at the largest size studied, in nats, bits and perplexity
const L = lossN(S.NmaxStudied, constantsOf('kaplan-2020-summary', ['alphaN', 'Nc']));
console.log(`L(N) = ${L.toFixed(3)} nats/token = ${natsToBits(L).toFixed(3)} bits/token; perplexity ${perplexity(L).toFixed(2)}.`);
