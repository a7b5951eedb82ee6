import { constantsOf, nonEmbeddingParams, totalParams, embeddingFraction, table1Rows, trainingFlopPerToken, expectClose, formatNumber } from 'scaling-ledger';

// Kaplan et al. 2020, Eq. (2.1)–(2.2) and Table 1 for GPT-2's largest shape (Figure 5 caption).
const S = constantsOf('kaplan-2020-setup', ['nCtx', 'nVocab', 'NmaxStudied']);
const H = constantsOf('kaplan-2020-shape', ['gpt2NLayer', 'gpt2DModel']);
const shape = { nLayer: H.gpt2NLayer, dModel: H.gpt2DModel, nCtx: S.nCtx, nVocab: S.nVocab };

const N = nonEmbeddingParams(shape); // 12·n_layer·d_model²
console.log(`N = ${formatNumber(N)} non-embedding parameters; ${formatNumber(totalParams(shape))} with embeddings (${(100 * embeddingFraction(shape)).toFixed(1)}% embeddings)`);
// §3 prints "1.5 billion" for the largest model: within half a unit of the last digit.
expectClose(N, S.NmaxStudied, 0.05 / 1.5, 'N of the 48-layer model vs "1.5 billion"');

for (const row of table1Rows(shape)) {
  console.log(`${row.operation.padEnd(20)} params ${formatNumber(row.parameters).padStart(7)}  FLOP/token ${formatNumber(row.flopPerToken)}`);
}
const perToken = trainingFlopPerToken(shape);
console.log(`Training: ${formatNumber(perToken)} FLOP per token, ${(perToken / N).toFixed(2)} per parameter (6 without the context term)`);
