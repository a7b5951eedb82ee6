import { constantsOf, nonEmbeddingParams, aspectRatio, lossN, compensatingFactor, expectClose, formatNumber } from 'scaling-ledger';

// Kaplan et al. 2020, Figure 5: the wide 6-layer shape against GPT-2's 48-layer shape.
const H = constantsOf('kaplan-2020-shape', ['wideNLayer', 'wideDModel', 'gpt2NLayer', 'gpt2DModel', 'compensatedLossIncrease', 'compensatingCompute', 'wideLossGap']);
const K = constantsOf('kaplan-2020-summary', ['alphaN', 'Nc', 'alphaCmin']);
const wide = { nLayer: H.wideNLayer, dModel: H.wideDModel };
const gpt2 = { nLayer: H.gpt2NLayer, dModel: H.gpt2DModel };

const [Nw, Ng] = [nonEmbeddingParams(wide), nonEmbeddingParams(gpt2)];
console.log(`wide: N = ${formatNumber(Nw)}, aspect ratio ${aspectRatio(wide).toFixed(0)}; GPT-2: N = ${formatNumber(Ng)}, aspect ratio ${aspectRatio(gpt2).toFixed(1)}`);
console.log(`L(N) alone puts the wide model ${(100 * (lossN(Nw, K) / lossN(Ng, K) - 1)).toFixed(2)}% higher`);

// Figure 5: "22% additional compute compensates for 1% loss increase" — (1.01)^(1/α_C^min)
const k = compensatingFactor(H.compensatedLossIncrease, K.alphaCmin);
expectClose(k - 1, H.compensatingCompute, 0.005 / 0.22, 'Figure 5 exchange rate');
console.log(`1% loss = ${(100 * (k - 1)).toFixed(0)}% more compute; ${(100 * H.wideLossGap).toFixed(0)}% = ${(100 * (compensatingFactor(H.wideLossGap, K.alphaCmin) - 1)).toFixed(0)}% more`);
