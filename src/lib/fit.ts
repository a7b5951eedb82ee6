/**
 * Fitting the Chinchilla parametric loss L̂(N, D) = E + A/N^α + B/D^β (Hoffmann et al. 2022, Eq. 2)
 * to (N, D, loss) points, the way Hoffmann et al. (Eq. 3 / Eq. 11, App. D.2) and Epoch AI
 * (Besiroglu et al. 2024, arXiv:2404.10102, notebook `data_analysis.ipynb` in
 * epoch-research/analyzing-chinchilla) did, with bootstrap uncertainty. Pure TypeScript, no DOM.
 *
 * Parametrisation (Hoffmann Eq. 11): a = log A, b = log B, e = log E, so that
 * log L̂ = LSE(a − α·log N, b − β·log D, e), LSE = log-sum-exp. Optimiser vectors are ordered
 * [a, b, e, alpha, beta] (and [..., log σ] for the likelihood), as in Epoch's notebook.
 */
import { minimizeLbfgs, type LbfgsOptions, type MinimizeResult, type ValueAndGradient } from './optimize.ts';
import { mulberry32, resampleIndices } from './random.ts';
import hoffmannPrecise from '../../content/data/constants/hoffmann-2022-precise.json' with { type: 'json' };

// ---------------------------------------------------------------------------------------------
// Data
// ---------------------------------------------------------------------------------------------

/** One training run: N parameters, D training tokens, final loss (nats/token). */
export interface LossPoint {
  N: number;
  D: number;
  loss: number;
}

/** A row of Epoch's Figure-4 extraction: also the training compute C (FLOPs); D = C / (6N). */
export interface Figure4Point extends LossPoint {
  C: number;
}

function splitCsvLine(line: string): string[] {
  // The extraction CSV has no quoted fields; a quoted field is rejected rather than mis-read.
  if (line.includes('"')) throw new Error('parseFigure4Csv: quoted CSV fields are not supported');
  return line.split(',').map((s) => s.trim());
}

/**
 * Parse Epoch AI's `svg_extracted_data.csv` (points read off Hoffmann et al. 2022 Fig. 4, left
 * panel; header `x,y,color,Model Size,Training FLOP,hex_color,loss`). Columns are found by name,
 * so their order does not matter. Tokens are derived as Epoch do (notebook cell 3):
 * D = C / (6N), i.e. C = 6ND exactly. Throws with the file (when given), line and column on a
 * missing column or a value that is not a positive finite number.
 */
export function parseFigure4Csv(text: string, file = 'parseFigure4Csv'): Figure4Point[] {
  const lines = text.split(/\r?\n/);
  const header = lines[0];
  if (header === undefined || header.trim() === '') throw new Error(`${file}: line 1: the text is empty (expected a header line)`);
  const cols = splitCsvLine(header);
  const col = (name: string): number => {
    const i = cols.indexOf(name);
    if (i < 0) throw new Error(`${file}: line 1: no "${name}" column in header "${header}"`);
    return i;
  };
  const iN = col('Model Size');
  const iC = col('Training FLOP');
  const iL = col('loss');
  const points: Figure4Point[] = [];
  for (let r = 1; r < lines.length; r++) {
    if (lines[r]!.trim() === '') continue;
    const cells = splitCsvLine(lines[r]!);
    const num = (i: number, what: string): number => {
      const raw = cells[i];
      const v = raw === undefined || raw === '' ? Number.NaN : Number(raw);
      if (!Number.isFinite(v) || v <= 0) {
        throw new Error(
          `${file}: line ${r + 1}, column ${i + 1} (${what}): expected a positive number, received "${(raw ?? '').slice(0, 40)}"`,
        );
      }
      return v;
    };
    const N = num(iN, 'Model Size');
    const C = num(iC, 'Training FLOP');
    const loss = num(iL, 'loss');
    points.push({ N, C, D: C / (6 * N), loss });
  }
  return points;
}

/**
 * Drop the `k` highest-loss points, with Epoch's rule (notebook cell 15): keep a point when its
 * loss is strictly below the k-th highest loss. With distinct losses exactly k points go; a tie
 * at the k-th highest drops every tied point. k = 0 keeps all. Order is preserved.
 * Besiroglu et al. 2024 drop k = 5 of the 245 Figure-4 points, leaving 240.
 */
export function dropHighestLoss<T extends { loss: number }>(points: readonly T[], k: number): T[] {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`dropHighestLoss: k must be a whole number ≥ 0, got ${String(k)}`);
  if (k === 0) return points.slice();
  if (k > points.length) throw new RangeError(`dropHighestLoss: cannot drop ${k} of ${points.length} points`);
  const sorted = points.map((p) => p.loss).sort((x, y) => x - y);
  const threshold = sorted[sorted.length - k]!;
  return points.filter((p) => p.loss < threshold);
}

/** Points in the form the objectives use: natural logs of N, D and the loss. */
export interface FitData {
  readonly lnN: Float64Array;
  readonly lnD: Float64Array;
  readonly lnL: Float64Array;
}

/** Logs of N, D and loss for the objectives; throws on a non-positive or non-finite value. */
export function toFitData(points: readonly LossPoint[]): FitData {
  const n = points.length;
  const lnN = new Float64Array(n);
  const lnD = new Float64Array(n);
  const lnL = new Float64Array(n);
  points.forEach((p, i) => {
    for (const [k, v] of [['N', p.N], ['D', p.D], ['loss', p.loss]] as const) {
      if (!(Number.isFinite(v) && v > 0)) throw new RangeError(`toFitData: point ${i} has ${k} = ${String(v)}; need a positive finite number`);
    }
    lnN[i] = Math.log(p.N);
    lnD[i] = Math.log(p.D);
    lnL[i] = Math.log(p.loss);
  });
  return { lnN, lnD, lnL };
}

function subset(data: FitData, idx: ArrayLike<number>): FitData {
  const n = idx.length;
  const lnN = new Float64Array(n);
  const lnD = new Float64Array(n);
  const lnL = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const j = idx[i]!;
    lnN[i] = data.lnN[j]!;
    lnD[i] = data.lnD[j]!;
    lnL[i] = data.lnL[j]!;
  }
  return { lnN, lnD, lnL };
}

// ---------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------

/** Hoffmann Eq. 2 constants: L̂ = E + A/N^α + B/D^β. */
export interface ScalingLawParams {
  E: number;
  A: number;
  B: number;
  alpha: number;
  beta: number;
}

/** Hoffmann Eq. 11 log-space constants: a = log A, b = log B, e = log E (natural logs). */
export interface LogParams {
  a: number;
  b: number;
  e: number;
  alpha: number;
  beta: number;
}

/** A, B, E = exp(a), exp(b), exp(e) (Hoffmann Eq. 11). */
export function fromLogParams(p: LogParams): ScalingLawParams {
  return { E: Math.exp(p.e), A: Math.exp(p.a), B: Math.exp(p.b), alpha: p.alpha, beta: p.beta };
}

/** a, b, e = log A, log B, log E (inverse of {@link fromLogParams}). */
export function toLogParams(p: ScalingLawParams): LogParams {
  return { a: Math.log(p.A), b: Math.log(p.B), e: Math.log(p.E), alpha: p.alpha, beta: p.beta };
}

/** [a, b, e, alpha, beta], the optimiser's order (Epoch notebook). */
export function logParamsToVector(p: LogParams): number[] {
  return [p.a, p.b, p.e, p.alpha, p.beta];
}

/** Inverse of {@link logParamsToVector}. */
export function vectorToLogParams(x: ArrayLike<number>): LogParams {
  if (x.length < 5) throw new RangeError(`vectorToLogParams: need 5 numbers, got ${x.length}`);
  return { a: x[0]!, b: x[1]!, e: x[2]!, alpha: x[3]!, beta: x[4]! };
}

function fixtureValue(key: 'E' | 'A' | 'B' | 'alpha' | 'beta'): number {
  const v: unknown = (hoffmannPrecise as { constants?: Record<string, { value?: unknown }> }).constants?.[key]?.value;
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new Error(`content/data/constants/hoffmann-2022-precise.json: constants.${key}.value: expected a finite number, received ${JSON.stringify(v)}`);
  }
  return v;
}

/**
 * Hoffmann et al.'s own estimates at full precision (TeX source of App. D.2, as used in Epoch's
 * notebook cell 16, `true_params`), in log form — the cited fixture `hoffmann-2022-precise`
 * (A ≈ 406.4, B ≈ 410.7, E ≈ 1.69, α ≈ 0.339, β ≈ 0.285; Hoffmann Eq. 10 prints them rounded).
 * Epoch start their likelihood fit and every bootstrap refit here, and so do our defaults.
 * The JSON is imported directly rather than through `data.ts` (whose `import.meta.glob` needs Vite)
 * so that this module also runs in plain Node, e.g. `scripts/bench-fit.ts`.
 */
export const HOFFMANN_TEX_LOG_PARAMS: Readonly<LogParams> = Object.freeze(
  toLogParams({ E: fixtureValue('E'), A: fixtureValue('A'), B: fixtureValue('B'), alpha: fixtureValue('alpha'), beta: fixtureValue('beta') }),
);

/**
 * Hoffmann Eq. 2: predicted loss E + A/N^α + B/D^β.
 * @example predictLoss(constantsOf('hoffmann-2022-rounded', ['E', 'A', 'B', 'alpha', 'beta']), 70e9, 1.4e12)
 */
export function predictLoss(p: ScalingLawParams, N: number, D: number): number {
  return p.E + p.A / N ** p.alpha + p.B / D ** p.beta;
}

/** Hoffmann Eq. 11: log L̂ = LSE(a − α log N, b − β log D, e), computed stably (max shift). */
export function logPredictedLoss(p: LogParams, N: number, D: number): number {
  const u1 = p.a - p.alpha * Math.log(N);
  const u2 = p.b - p.beta * Math.log(D);
  const m = Math.max(u1, u2, p.e);
  return m + Math.log(Math.exp(u1 - m) + Math.exp(u2 - m) + Math.exp(p.e - m));
}

// ---------------------------------------------------------------------------------------------
// Huber loss and the Huber likelihood
// ---------------------------------------------------------------------------------------------

/** Default Huber threshold δ = 10⁻³ in log-loss units (Hoffmann §3.3, App. D.2). */
export const DEFAULT_DELTA = 1e-3;

/**
 * Huber (1964) loss, the form Hoffmann Eq. 3 uses: r²/2 if |r| ≤ δ, else δ(|r| − δ/2).
 * @example [huber(0.0005), huber(0.01)]
 */
export function huber(r: number, delta: number = DEFAULT_DELTA): number {
  const ar = Math.abs(r);
  return ar <= delta ? 0.5 * r * r : delta * (ar - 0.5 * delta);
}

/** Derivative of {@link huber}: r if |r| ≤ δ, else δ·sign(r). */
export function huberDerivative(r: number, delta: number = DEFAULT_DELTA): number {
  return Math.abs(r) <= delta ? r : r > 0 ? delta : -delta;
}

/**
 * Error function erf(x): the positive-term series erf x = (2/√π) e^{−x²} Σ 2ⁿx^{2n+1}/(2n+1)!!
 * for |x| < 3, and 1 − erfc(x) by its continued fraction (modified Lentz) beyond. Accurate to a
 * few ulps — enough for the Huber normalising constant.
 */
export function erf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return -erf(-x);
  if (x < 3) {
    let term = x;
    let sum = x;
    for (let n = 1; n < 200; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
  }
  return 1 - erfcLarge(x);
}

/** erfc(x) for x ≥ 3: e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))). */
function erfcLarge(x: number): number {
  const tiny = 1e-300;
  // Lentz on the continued fraction K(a_k / x) with a_k = k/2.
  let f = x;
  let C = x;
  let D = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    D = x + a * D;
    if (Math.abs(D) < tiny) D = tiny;
    C = x + a / C;
    if (Math.abs(C) < tiny) C = tiny;
    D = 1 / D;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (Math.sqrt(Math.PI) * f);
}

/**
 * log Z_δ, where Z_δ = ∫ exp(−Huber_δ(z)) dz = √(2π)(1 − 2Φ̄(δ)) + 2e^{−δ²/2}/δ is the normalising
 * constant of the Huber-shaped density (Epoch notebook `huber_normalizing_factor`, Besiroglu et al.
 * 2024). 1 − 2Φ̄(δ) = erf(δ/√2).
 */
export function huberLogNormalizer(delta: number = DEFAULT_DELTA): number {
  if (!(delta > 0)) throw new RangeError(`huberLogNormalizer: δ must be > 0, got ${String(delta)}`);
  return Math.log(Math.sqrt(2 * Math.PI) * erf(delta / Math.SQRT2) + (2 * Math.exp(-0.5 * delta * delta)) / delta);
}

/** Options for {@link huberObjective}. */
export interface HuberObjectiveOptions {
  /** Huber threshold on log-loss residuals. Default 1e-3 (Hoffmann App. D.2). */
  delta?: number;
  /**
   * 'sum' (default) is Hoffmann Eq. 3/11 as written and what Epoch minimise; 'mean' divides by the
   * number of points — what Hoffmann et al. actually ran (Borgeaud, quoted by Besiroglu et al. 2024).
   * Same minimiser; only the scale of the objective differs.
   */
  reduction?: 'sum' | 'mean';
}

/**
 * Hoffmann Eq. (11): Σ_i Huber_δ(LSE(a − α log N_i, b − β log D_i, e) − log L_i), as a function of
 * x = [a, b, e, α, β] that also writes its analytic gradient. With softmax weights w_j of the three
 * LSE terms and ψ = Huber′(r_i): ∂/∂a = Σψw₁, ∂/∂b = Σψw₂, ∂/∂e = Σψw₃, ∂/∂α = −Σψw₁ log N,
 * ∂/∂β = −Σψw₂ log D.
 */
export function huberObjective(data: FitData, options: HuberObjectiveOptions = {}): ValueAndGradient {
  const delta = options.delta ?? DEFAULT_DELTA;
  if (!(delta > 0)) throw new RangeError(`huberObjective: δ must be > 0, got ${String(delta)}`);
  const { lnN, lnD, lnL } = data;
  const n = lnL.length;
  const scale = options.reduction === 'mean' ? 1 / n : 1;
  const halfDelta = 0.5 * delta;
  return (x, grad) => {
    const a = x[0]!;
    const b = x[1]!;
    const e = x[2]!;
    const alpha = x[3]!;
    const beta = x[4]!;
    let f = 0;
    let ga = 0;
    let gb = 0;
    let ge = 0;
    let gal = 0;
    let gbe = 0;
    for (let i = 0; i < n; i++) {
      const ln = lnN[i]!;
      const ld = lnD[i]!;
      const u1 = a - alpha * ln;
      const u2 = b - beta * ld;
      const m = u1 > u2 ? (u1 > e ? u1 : e) : u2 > e ? u2 : e;
      const w1 = Math.exp(u1 - m);
      const w2 = Math.exp(u2 - m);
      const w3 = Math.exp(e - m);
      const s = w1 + w2 + w3;
      const r = m + Math.log(s) - lnL[i]!;
      let psi: number;
      if (r <= delta && r >= -delta) {
        f += 0.5 * r * r;
        psi = r;
      } else if (r > 0) {
        f += delta * (r - halfDelta);
        psi = delta;
      } else {
        f += delta * (-r - halfDelta);
        psi = -delta;
      }
      const c = psi / s;
      const c1 = c * w1;
      const c2 = c * w2;
      ga += c1;
      gb += c2;
      ge += c * w3;
      gal -= c1 * ln;
      gbe -= c2 * ld;
    }
    grad[0] = ga * scale;
    grad[1] = gb * scale;
    grad[2] = ge * scale;
    grad[3] = gal * scale;
    grad[4] = gbe * scale;
    return f * scale;
  };
}

/**
 * Besiroglu et al. 2024 (Epoch notebook `objective`, cells 16 and 24): the negative log-likelihood
 * of the log-loss residuals r_i = log L_i − LSE(…) under a Huber-shaped density with scale σ,
 *   −log p = Σ_i [Huber_δ(r_i/σ) + log Z_δ + log σ],
 * as a function of x = [a, b, e, α, β, log σ] that also writes its analytic gradient:
 * ∂/∂θ = −Σ ψ(z_i)/σ · ∂r_i/∂θ with z = r/σ, and ∂/∂log σ = n − Σ ψ(z_i) z_i.
 */
export function huberLikelihoodObjective(data: FitData, options: { delta?: number } = {}): ValueAndGradient {
  const delta = options.delta ?? DEFAULT_DELTA;
  const logZ = huberLogNormalizer(delta);
  const { lnN, lnD, lnL } = data;
  const n = lnL.length;
  const halfDelta = 0.5 * delta;
  return (x, grad) => {
    const a = x[0]!;
    const b = x[1]!;
    const e = x[2]!;
    const alpha = x[3]!;
    const beta = x[4]!;
    const logSigma = x[5]!;
    const invSigma = Math.exp(-logSigma);
    let f = n * (logZ + logSigma);
    let ga = 0;
    let gb = 0;
    let ge = 0;
    let gal = 0;
    let gbe = 0;
    let gs = n;
    for (let i = 0; i < n; i++) {
      const ln = lnN[i]!;
      const ld = lnD[i]!;
      const u1 = a - alpha * ln;
      const u2 = b - beta * ld;
      const m = u1 > u2 ? (u1 > e ? u1 : e) : u2 > e ? u2 : e;
      const w1 = Math.exp(u1 - m);
      const w2 = Math.exp(u2 - m);
      const w3 = Math.exp(e - m);
      const s = w1 + w2 + w3;
      // z = (prediction − observation)/σ; the density is symmetric, so the sign convention only
      // flips ψ and the chain rule together.
      const z = (m + Math.log(s) - lnL[i]!) * invSigma;
      let psi: number;
      if (z <= delta && z >= -delta) {
        f += 0.5 * z * z;
        psi = z;
      } else if (z > 0) {
        f += delta * (z - halfDelta);
        psi = delta;
      } else {
        f += delta * (-z - halfDelta);
        psi = -delta;
      }
      gs -= psi * z;
      const c = (psi * invSigma) / s;
      const c1 = c * w1;
      const c2 = c * w2;
      ga += c1;
      gb += c2;
      ge += c * w3;
      gal -= c1 * ln;
      gbe -= c2 * ld;
    }
    grad[0] = ga;
    grad[1] = gb;
    grad[2] = ge;
    grad[3] = gal;
    grad[4] = gbe;
    grad[5] = gs;
    return f;
  };
}

/**
 * Log-likelihood Σ log p of the points under the Huber-shaped density (Epoch notebook cells 43–48)
 * for given constants and log σ.
 */
export function huberLogLikelihood(data: FitData, p: LogParams, logSigma: number, delta: number = DEFAULT_DELTA): number {
  const g = new Float64Array(6);
  return -huberLikelihoodObjective(data, { delta })(Float64Array.from([...logParamsToVector(p), logSigma]), g);
}

// ---------------------------------------------------------------------------------------------
// Fits
// ---------------------------------------------------------------------------------------------

/** Common output of the fits. */
export interface FitResult {
  /** E, A, B, α, β (Hoffmann Eq. 2). */
  params: ScalingLawParams;
  /** a, b, e, α, β (Hoffmann Eq. 11). */
  logParams: LogParams;
  /** The minimised objective at the result. */
  objective: number;
  /** The optimiser's report for the run that produced the result. */
  optimizer: MinimizeResult;
}

/** Options for {@link fitHuber}. */
export interface HuberFitOptions extends HuberObjectiveOptions {
  /** Start point. Default: Hoffmann's TeX-source values {@link HOFFMANN_TEX_LOG_PARAMS}. */
  start?: LogParams;
  /** L-BFGS settings (defaults of {@link minimizeLbfgs}). */
  lbfgs?: LbfgsOptions;
}

function fitHuberData(data: FitData, options: HuberFitOptions): FitResult {
  const start = options.start ?? HOFFMANN_TEX_LOG_PARAMS;
  const res = minimizeLbfgs(huberObjective(data, options), logParamsToVector(start), options.lbfgs);
  const logParams = vectorToLogParams(res.x);
  return { params: fromLogParams(logParams), logParams, objective: res.f, optimizer: res };
}

/**
 * Hoffmann Eq. (11) from one start: minimise the summed Huber loss (δ = 1e-3) of log-loss residuals
 * with L-BFGS. Epoch's bootstrap refits do this from Hoffmann's TeX values (notebook cell 21, BFGS).
 * @example fitHuber([1e8, 1e9, 1e10].flatMap((N) => [1e9, 1e10, 1e11].map((D) => ({ N, D, loss: lossHat(N, D, constantsOf('hoffmann-2022-rounded', ['E', 'A', 'B', 'alpha', 'beta'])) })))).params
 */
export function fitHuber(points: readonly LossPoint[], options: HuberFitOptions = {}): FitResult {
  return fitHuberData(toFitData(points), options);
}

/** A grid of start values for Hoffmann Eq. (11): every combination is one L-BFGS start. */
export interface InitGrid {
  a: readonly number[];
  b: readonly number[];
  e: readonly number[];
  alpha: readonly number[];
  beta: readonly number[];
}

/**
 * Hoffmann et al.'s initialisation grid (App. D.2): α, β ∈ {0, 0.5, …, 2}; e ∈ {−1, −0.5, …, 1};
 * a, b ∈ {0, 5, …, 25} — 5·5·5·6·6 = 4,500 starts (Epoch notebook cell 18 uses the same).
 */
export const HOFFMANN_INIT_GRID: Readonly<InitGrid> = Object.freeze({
  a: [0, 5, 10, 15, 20, 25],
  b: [0, 5, 10, 15, 20, 25],
  e: [-1, -0.5, 0, 0.5, 1],
  alpha: [0, 0.5, 1, 1.5, 2],
  beta: [0, 0.5, 1, 1.5, 2],
});

/** Options for {@link fitHuberGrid}. */
export interface HuberGridOptions extends HuberObjectiveOptions {
  /** Start values. Default {@link HOFFMANN_INIT_GRID} (4,500 starts). */
  grid?: InitGrid;
  /** L-BFGS settings for every start (defaults of {@link minimizeLbfgs}). */
  lbfgs?: LbfgsOptions;
}

/** Result of {@link fitHuberGrid}: the best start's fit and some bookkeeping. */
export interface GridFitResult extends FitResult {
  /** The start that gave the lowest objective. */
  start: LogParams;
  /** Number of starts tried. */
  starts: number;
  /** Starts whose run stopped on a tolerance test. */
  convergedStarts: number;
}

/**
 * Hoffmann Eq. (11) with their protocol (App. D.2) and Epoch's "replicate exactly" cell 18:
 * L-BFGS from every point of an initialisation grid, keep the lowest summed Huber loss.
 * Starts are visited in Epoch's order (α, β, e, a, b, last varying fastest); ties keep the first.
 * @example fitHuberGrid([1e8, 1e9, 1e10].flatMap((N) => [1e9, 1e10, 1e11].map((D) => ({ N, D, loss: lossHat(N, D, constantsOf('hoffmann-2022-rounded', ['E', 'A', 'B', 'alpha', 'beta'])) }))), { grid: { alpha: [0.3], beta: [0.3], e: [0.5], a: [5], b: [5] } }).params
 */
export function fitHuberGrid(points: readonly LossPoint[], options: HuberGridOptions = {}): GridFitResult {
  const data = toFitData(points);
  const grid = options.grid ?? HOFFMANN_INIT_GRID;
  const fg = huberObjective(data, options);
  let best: { res: MinimizeResult; start: LogParams } | null = null;
  let starts = 0;
  let convergedStarts = 0;
  for (const alpha of grid.alpha)
    for (const beta of grid.beta)
      for (const e of grid.e)
        for (const a of grid.a)
          for (const b of grid.b) {
            const start: LogParams = { a, b, e, alpha, beta };
            const res = minimizeLbfgs(fg, logParamsToVector(start), options.lbfgs);
            starts++;
            if (res.converged) convergedStarts++;
            if (Number.isFinite(res.f) && (best === null || res.f < best.res.f)) best = { res, start };
          }
  if (best === null) throw new Error('fitHuberGrid: no start gave a finite objective (empty grid?)');
  const logParams = vectorToLogParams(best.res.x);
  return {
    params: fromLogParams(logParams),
    logParams,
    objective: best.res.f,
    optimizer: best.res,
    start: best.start,
    starts,
    convergedStarts,
  };
}

/** Options for {@link fitLikelihood}. */
export interface LikelihoodFitOptions {
  /** Huber threshold of the density, in units of σ. Default 1e-3 (Epoch notebook). */
  delta?: number;
  /** Start point. Default {@link HOFFMANN_TEX_LOG_PARAMS} (Epoch notebook cell 24). */
  start?: LogParams;
  /** Start for log σ. Default 0 (σ = 1), as in Epoch's notebook. */
  logSigmaStart?: number;
  /** L-BFGS settings (defaults of {@link minimizeLbfgs}). */
  lbfgs?: LbfgsOptions;
}

/** Result of {@link fitLikelihood}. `objective` is the negative log-likelihood. */
export interface LikelihoodFitResult extends FitResult {
  logSigma: number;
  logLikelihood: number;
}

function fitLikelihoodData(data: FitData, options: LikelihoodFitOptions): LikelihoodFitResult {
  const start = options.start ?? HOFFMANN_TEX_LOG_PARAMS;
  const x0 = [...logParamsToVector(start), options.logSigmaStart ?? 0];
  const res = minimizeLbfgs(huberLikelihoodObjective(data, options), x0, options.lbfgs);
  const logParams = vectorToLogParams(res.x);
  return {
    params: fromLogParams(logParams),
    logParams,
    logSigma: res.x[5]!,
    objective: res.f,
    logLikelihood: -res.f,
    optimizer: res,
  };
}

/**
 * Besiroglu et al. 2024's main estimate (Epoch notebook cell 24): maximum likelihood of the
 * log-loss residuals under a Huber-shaped density (δ = 1e-3) with a free scale σ, over
 * (a, b, e, α, β, log σ), started from Hoffmann's TeX values and log σ = 0. Epoch used BFGS; we use
 * L-BFGS with the same analytic gradient.
 * @example fitLikelihood([1e8, 1e9, 1e10].flatMap((N) => [1e9, 1e10, 1e11].map((D) => ({ N, D, loss: lossHat(N, D, constantsOf('hoffmann-2022-rounded', ['E', 'A', 'B', 'alpha', 'beta'])) * (1 + 0.01 * Math.sin(N * D)) })))).params
 */
export function fitLikelihood(points: readonly LossPoint[], options: LikelihoodFitOptions = {}): LikelihoodFitResult {
  return fitLikelihoodData(toFitData(points), options);
}

/**
 * The scale-only fit of Epoch notebook cell 45: with the constants held fixed, the log σ that
 * maximises {@link huberLogLikelihood}; returns it and the maximised log-likelihood (cell 48 compares
 * these across parameter sets).
 */
export function fitScale(
  points: readonly LossPoint[],
  p: LogParams,
  options: { delta?: number; logSigmaStart?: number; lbfgs?: LbfgsOptions } = {},
): { logSigma: number; logLikelihood: number } {
  const full = huberLikelihoodObjective(toFitData(points), options);
  const base = logParamsToVector(p);
  const x = new Float64Array(6);
  const g6 = new Float64Array(6);
  x.set(base);
  const fg: ValueAndGradient = (s, g) => {
    x[5] = s[0]!;
    const f = full(x, g6);
    g[0] = g6[5]!;
    return f;
  };
  const res = minimizeLbfgs(fg, [options.logSigmaStart ?? 0], options.lbfgs);
  return { logSigma: res.x[0]!, logLikelihood: -res.f };
}

// ---------------------------------------------------------------------------------------------
// Bootstrap
// ---------------------------------------------------------------------------------------------

/** Options for {@link bootstrapFit}. */
export interface BootstrapOptions {
  /** Number of resamples. Default 1000 (Epoch used 4000). */
  resamples?: number;
  /** Seed of the mulberry32 generator that draws the resamples. Default 42. */
  seed?: number;
  /**
   * Objective of each refit. Default 'huber' — the summed Huber loss, which is what Epoch's
   * bootstrap (notebook cell 21) refits; 'likelihood' refits the Huber likelihood with free σ.
   */
  method?: 'huber' | 'likelihood';
  /** Fixed start of every refit. Default {@link HOFFMANN_TEX_LOG_PARAMS} (Epoch cell 21). */
  start?: LogParams;
  /** Huber δ. Default 1e-3. */
  delta?: number;
  /** Two-sided level of the percentile intervals. Default 0.95. */
  level?: number;
  /** L-BFGS settings of each refit. */
  lbfgs?: LbfgsOptions;
  /** Called after each resample with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** Result of {@link bootstrapFit}. */
export interface BootstrapResult {
  /** Refit constants, one per resample with a finite result (log space). */
  samples: LogParams[];
  /** Standard deviations (n − 1 denominator, like NumPy's `np.cov`) of E, A, B, α, β. */
  standardErrors: ScalingLawParams;
  /** Standard deviations of a, b, e, α, β. */
  logStandardErrors: LogParams;
  /** Percentile intervals ((1 − level)/2 and (1 + level)/2; NumPy's default linear interpolation). */
  intervals: { [K in keyof ScalingLawParams]: [number, number] };
  /** Resamples whose refit did not stop on a tolerance test (kept if finite). */
  unconverged: number;
  /** Resamples dropped because the refit was not finite. */
  failed: number;
  resamples: number;
  seed: number;
}

/**
 * Linear-interpolation percentile of sorted values (NumPy's default, "type 7"): position
 * (n − 1)·q between order statistics.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantileSorted: no values');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantileSorted: q must be in [0, 1], got ${String(q)}`);
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

function sampleSd(xs: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return Number.NaN;
  const mean = xs.reduce((s, v) => s + v, 0) / n;
  return Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
}

/**
 * Non-parametric bootstrap of the fit (Besiroglu et al. 2024, Epoch notebook cells 15, 21–26):
 * draw `resamples` sets of n points with replacement (seeded mulberry32, not NumPy's stream),
 * refit each from one fixed start, and report the standard deviation of each constant (the
 * "standard error") and percentile intervals.
 * @example bootstrapFit([1e8, 1e9, 1e10].flatMap((N) => [1e9, 1e10, 1e11].map((D) => ({ N, D, loss: lossHat(N, D, constantsOf('hoffmann-2022-rounded', ['E', 'A', 'B', 'alpha', 'beta'])) * (1 + 0.01 * Math.sin(N * D)) }))), { resamples: 20, seed: 1 }).standardErrors
 */
export function bootstrapFit(points: readonly LossPoint[], options: BootstrapOptions = {}): BootstrapResult {
  const resamples = options.resamples ?? 1000;
  const seed = options.seed ?? 42;
  const level = options.level ?? 0.95;
  if (!Number.isInteger(resamples) || resamples < 2) throw new RangeError(`bootstrapFit: resamples must be a whole number ≥ 2, got ${String(resamples)}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`bootstrapFit: level must be in (0, 1), got ${String(level)}`);
  const data = toFitData(points);
  const n = points.length;
  const rng = mulberry32(seed);
  const samples: LogParams[] = [];
  let unconverged = 0;
  let failed = 0;
  for (let r = 0; r < resamples; r++) {
    const d = subset(data, resampleIndices(rng, n));
    const common = { delta: options.delta, start: options.start, lbfgs: options.lbfgs };
    const fit = options.method === 'likelihood' ? fitLikelihoodData(d, common) : fitHuberData(d, common);
    const v = logParamsToVector(fit.logParams);
    if (v.every(Number.isFinite) && Number.isFinite(fit.objective)) {
      samples.push(fit.logParams);
      if (!fit.optimizer.converged) unconverged++;
    } else {
      failed++;
    }
    options.onProgress?.(r + 1, resamples);
  }
  if (samples.length < 2) throw new Error(`bootstrapFit: only ${samples.length} of ${resamples} refits were finite`);
  const lin = samples.map(fromLogParams);
  const keys = ['E', 'A', 'B', 'alpha', 'beta'] as const;
  const lo = (1 - level) / 2;
  const hi = (1 + level) / 2;
  const col = (k: (typeof keys)[number]): number[] => lin.map((p) => p[k]);
  const standardErrors = Object.fromEntries(keys.map((k) => [k, sampleSd(col(k))])) as unknown as ScalingLawParams;
  const intervals = Object.fromEntries(
    keys.map((k) => {
      const s = Float64Array.from(col(k)).sort();
      return [k, [quantileSorted(s, lo), quantileSorted(s, hi)]];
    }),
  ) as unknown as BootstrapResult['intervals'];
  const logKeys = ['a', 'b', 'e', 'alpha', 'beta'] as const;
  const logStandardErrors = Object.fromEntries(logKeys.map((k) => [k, sampleSd(samples.map((p) => p[k]))])) as unknown as LogParams;
  return { samples, standardErrors, logStandardErrors, intervals, unconverged, failed, resamples, seed };
}
