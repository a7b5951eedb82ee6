/**
 * The ledger: each notable model (content/data/models.json) under every law and constant set the
 * site explains — Kaplan et al. 2020 L(N) (Eq. 1.1) and L(N, D) (Eq. 1.5, Table 2), Hoffmann et al.
 * 2022 L̂(N, D) (Eq. 2) with the rounded, TeX-source and Besiroglu et al. 2024 constants, training
 * compute 6ND, tokens per parameter, and the compute-optimal N and D for the model's own 6ND budget
 * (Hoffmann Eq. 4). Pure: reads the validated fixtures, computes with the law modules, no I/O.
 */
import { constantSet, constantSets, constantsOf, models as allModels, paper } from './data.ts';
import { lossN, lossND } from './kaplan.ts';
import { lossHat, optimalAllocation, tokensPerParameter, type OptimalAllocation } from './chinchilla.ts';
import { trainingFlop } from './compute.ts';
import type { Model } from './schema/models.ts';
import type { ConstantSet, Paper } from './schema/constants.ts';
import { formatNumber } from './units.ts';
import { kaplanCount, type KaplanCount } from './model-counts.ts';

/** Kaplan Eq. (1.1) constants: the §1 summary fits (Table 5). */
export const KAPLAN_LOSS_N_SET = 'kaplan-2020-summary';
/** Kaplan Eq. (1.5) constants: the joint L(N, D) fit of Table 2 (not the summary set). */
export const KAPLAN_LOSS_ND_SET = 'kaplan-2020-joint-nd';
/** Constant sets of the parametric form L̂ = E + A/N^α + B/D^β (Hoffmann Eq. 2). */
export const PARAMETRIC_SETS = ['hoffmann-2022-rounded', 'hoffmann-2022-precise', 'besiroglu-2024-refit'] as const;
export type ParametricSetId = (typeof PARAMETRIC_SETS)[number];

/** What a reader must know before comparing the ledger's numbers; printed with every published file. */
export const LEDGER_CAVEATS: readonly string[] = [
  "Kaplan et al. 2020 count N as non-embedding parameters (§1.3, Eq. 2.1); Hoffmann et al. 2022 count all parameters. `parameters` is each paper's total parameter count, embeddings included, and feeds the Chinchilla-form laws. The Kaplan L(N) and L(N, D) values use `kaplanParameters`: the non-embedding count where the paper prints it, else the total minus the embeddings of the printed shape, else (basis \"total\") the total parameter count, which makes them come out slightly low.",
  'For a mixture-of-experts model (architecture "mixture-of-experts") every column uses total parameters; the laws were fitted on dense models, and the model\'s page also shows the reading with the parameters active per token.',
  'Losses are in nats per token of the tokenizer and dataset each law was fitted on (Kaplan: WebText2 byte-pair encoding; Hoffmann and Besiroglu: MassiveText, SentencePiece). They are not comparable between laws, nor with any model\'s own reported loss.',
  'Training compute is C = 6ND (Kaplan §2.1; Hoffmann §3.3), which can differ from the compute a paper reports (given separately where it does).',
  "Compute-optimal N and D solve Hoffmann Eq. (4) for the model's own 6ND budget with each parametric constant set; Kaplan's Table 6 allocation is not applied here (it needs C_min in PF-days and non-embedding N).",
  `Every law is extrapolated here: Kaplan et al. fitted models of ${formatNumber(constantsOf('kaplan-2020-setup', ['NminStudied']).NminStudied)} to ${formatNumber(constantsOf('kaplan-2020-setup', ['NmaxStudied']).NmaxStudied)} non-embedding parameters (§3); Hoffmann et al. "70 million to over 16 billion parameters" (abstract).`,
];

/** One parametric set's verdict on a model. */
export interface ParametricPrediction {
  set: ParametricSetId;
  label: string;
  /** L̂(N, D), nats/token (Hoffmann Eq. 2). */
  loss: number;
  /** Hoffmann Eq. (4) at C = 6ND of the model. */
  optimal: OptimalAllocation;
  /** L̂ at the compute-optimal point for the same budget (≤ loss). */
  optimalLoss: number;
  /** N / N_opt: above 1 the model is larger than compute-optimal for its budget. */
  parametersOverOptimal: number;
}

/** A model with everything the ledger computes for it. */
export interface ModelPrediction {
  id: string;
  name: string;
  /** Parameters as printed by the model's paper. */
  parameters: number;
  parameterCount: Model['parameters']['counts'];
  trainingTokens: number;
  /** 6ND, FLOP. */
  trainingFlop: number;
  /** Compute as the model's paper reports it, where it does (FLOP); absent otherwise (never null, so a NaN turned null by JSON stands out). */
  reportedTrainingFlop?: number;
  /** D / N. */
  tokensPerParameter: number;
  /** The non-embedding count Kaplan's laws are given, and how it was obtained. */
  kaplanParameters: KaplanCount;
  kaplan: {
    /** Kaplan Eq. (1.1) with `kaplanParameters` (see LEDGER_CAVEATS). */
    lossN: { set: typeof KAPLAN_LOSS_N_SET; loss: number };
    /** Kaplan Eq. (1.5) with Table 2's fit and `kaplanParameters`. */
    lossND: { set: typeof KAPLAN_LOSS_ND_SET; loss: number };
  };
  parametric: ParametricPrediction[];
}

/** Every number the ledger computes for one model. */
export function modelPredictions(model: Model): ModelPrediction {
  const N = model.parameters.value;
  const D = model.trainingTokens.value;
  const C = trainingFlop(N, D);
  const kaplanN = constantsOf(KAPLAN_LOSS_N_SET, ['alphaN', 'Nc']);
  const kaplanND = constantsOf(KAPLAN_LOSS_ND_SET, ['alphaN', 'alphaD', 'Nc', 'Dc']);
  const NK = kaplanCount(model);
  return {
    id: model.id,
    name: model.name,
    parameters: N,
    parameterCount: model.parameters.counts,
    trainingTokens: D,
    trainingFlop: C,
    ...(model.reportedTrainingFlop ? { reportedTrainingFlop: model.reportedTrainingFlop.value } : {}),
    tokensPerParameter: tokensPerParameter(N, D),
    kaplanParameters: NK,
    kaplan: {
      lossN: { set: KAPLAN_LOSS_N_SET, loss: lossN(NK.value, kaplanN) },
      lossND: { set: KAPLAN_LOSS_ND_SET, loss: lossND(NK.value, D, kaplanND) },
    },
    parametric: PARAMETRIC_SETS.map((set) => {
      const c = constantsOf(set, ['E', 'A', 'B', 'alpha', 'beta']);
      const optimal = optimalAllocation(C, c);
      return {
        set,
        label: constantSet(set).label,
        loss: lossHat(N, D, c),
        optimal,
        optimalLoss: lossHat(optimal.N, optimal.D, c),
        parametersOverOptimal: N / optimal.N,
      };
    }),
  };
}

/** The ledger for a list of models (default: all of content/data/models.json), in fixture order. */
export function ledger(models: readonly Model[] = allModels): ModelPrediction[] {
  return models.map(modelPredictions);
}

/** The constant sets the ledger reads, in the order it uses them. */
export function ledgerConstantSets(): string[] {
  return [KAPLAN_LOSS_N_SET, KAPLAN_LOSS_ND_SET, ...PARAMETRIC_SETS];
}

/** Papers behind the ledger: those of its constant sets and every paper a model's number cites. */
export function ledgerSources(models: readonly Model[] = allModels): Paper[] {
  const ids = new Set<string>(ledgerConstantSets().map((id) => constantSet(id).paper));
  for (const m of models) {
    ids.add(m.parameters.source.paper);
    ids.add(m.trainingTokens.source.paper);
    if (m.reportedTrainingFlop) ids.add(m.reportedTrainingFlop.source.paper);
  }
  return [...ids].map(paper);
}

/** Every number in a value, with its path: for checking that nothing is NaN or infinite. */
export function numericLeaves(value: unknown, path = ''): { path: string; value: number }[] {
  if (typeof value === 'number') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => numericLeaves(v, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => numericLeaves(v, path ? `${path}.${k}` : k));
  }
  return [];
}

// ---------------------------------------------------------------------------------------------
// Published files (/data/constants.json, .csv; /data/models.json, .csv). Pure builders; the
// endpoints in src/pages/data/ pass the site version read from package.json.

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. Numbers at full precision. */
export function csvField(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' && !Number.isFinite(v)) throw new RangeError(`Refusing to publish ${String(v)}`);
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text: `#` comment lines (the header naming sources and version), then the column row and the rows. */
export function csv(comments: readonly string[], columns: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  for (const [i, r] of rows.entries()) {
    if (r.length !== columns.length) throw new Error(`CSV row ${i} has ${r.length} fields, expected ${columns.length}`);
  }
  const lines = [
    ...comments.map((c) => `# ${c.replace(/\r?\n/g, ' ')}`),
    columns.map(csvField).join(','),
    ...rows.map((r) => r.map(csvField).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/** "Hoffmann et al. 2022, Training Compute-Optimal Large Language Models, arXiv:2203.15556". */
export function citation(p: Paper): string {
  return `${p.short}, "${p.title}", ${paperLocator(p)}`;
}

/** "arXiv:2203.15556", or the URL for a source that is not on arXiv (a model card). */
export function paperLocator(p: Paper): string {
  return p.arxiv ? `arXiv:${p.arxiv}` : p.url;
}

/** "Hoffmann et al. 2022 (arXiv:2203.15556), Table 1" for one cited number. */
function sourceText(source: { paper: string; location: string }): string {
  const p = paper(source.paper);
  return `${p.short} (${paperLocator(p)}), ${source.location}`;
}

function about(title: string, version: string, sources: readonly Paper[], description: string) {
  return {
    title,
    site: 'Scaling Ledger',
    version,
    description,
    sources: sources.map((p) => ({ id: p.id, citation: citation(p), title: p.title, authors: p.authors, year: p.year, arxiv: p.arxiv, url: p.url })),
  };
}

function headerLines(title: string, version: string, sources: readonly Paper[], notes: readonly string[]): string[] {
  return [`Scaling Ledger ${version}: ${title}`, ...sources.map((p) => `Source: ${citation(p)}, ${p.url}`), ...notes];
}

const CONSTANTS_DESCRIPTION =
  'Every law constant the site uses, as printed in its paper, with its location and how it was checked. Each set belongs to one fit; never mix constants of different sets.';

/** Constant sets in a stable order (by id), with the papers they cite. */
function constantSetsForPublishing(sets: readonly ConstantSet[]): { sets: ConstantSet[]; sources: Paper[] } {
  const sorted = [...sets].sort((a, b) => a.id.localeCompare(b.id));
  const ids = new Set<string>();
  for (const s of sorted) {
    ids.add(s.paper);
    for (const c of Object.values(s.constants)) ids.add(c.source.paper);
  }
  return { sets: sorted, sources: [...ids].sort().map(paper) };
}

/** /data/constants.json: an `about` header (site, version, sources) and every constant set. */
export function constantsJson(version: string, sets: readonly ConstantSet[] = Object.values(constantSets)): string {
  const { sets: sorted, sources } = constantSetsForPublishing(sets);
  return `${JSON.stringify({ about: about('law constants', version, sources, CONSTANTS_DESCRIPTION), constantSets: sorted }, null, 2)}\n`;
}

/** /data/constants.csv: one row per constant; `#` lines name the sources and the version. */
export function constantsCsv(version: string, sets: readonly ConstantSet[] = Object.values(constantSets)): string {
  const { sets: sorted, sources } = constantSetsForPublishing(sets);
  const columns = ['set', 'key', 'value', 'tex', 'unit', 'paper', 'location', 'verified_by', 'se', 'interval_low', 'interval_high', 'interval_level', 'note'];
  const rows = sorted.flatMap((s) =>
    Object.entries(s.constants).map(([key, c]) => [
      s.id,
      key,
      c.value,
      c.tex,
      c.unit,
      c.source.paper,
      c.source.location,
      c.source.verifiedBy,
      c.se,
      c.interval?.low,
      c.interval?.high,
      c.interval?.level,
      c.note,
    ]),
  );
  return csv(headerLines('law constants', version, sources, [CONSTANTS_DESCRIPTION]), columns, rows);
}

const MODELS_DESCRIPTION =
  'Notable trained language models with their parameter counts and training tokens as printed (each number cited), and what each scaling law and constant set predicts for them.';

/** /data/models.json: an `about` header (site, version, sources, caveats, constant sets) and each model with its predictions. */
export function modelsJson(version: string, list: readonly Model[] = allModels): string {
  const body = {
    about: {
      ...about('notable models under every scaling law', version, ledgerSources(list), MODELS_DESCRIPTION),
      caveats: LEDGER_CAVEATS,
      constantSets: ledgerConstantSets().map((id) => ({ id, label: constantSet(id).label })),
      units: {
        parameters: 'parameters as printed by the model’s paper (total, embeddings included)',
        kaplanParameters: 'non-embedding parameters for the Kaplan laws, with their basis (see caveats)',
        trainingTokens: 'tokens',
        trainingFlop: 'FLOP, 6ND',
        loss: 'nats per token (of the law’s own dataset and tokenizer)',
      },
    },
    models: list.map((m) => {
      const { id: _id, name: _name, ...predictions } = modelPredictions(m);
      return { ...m, predictions };
    }),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** /data/models.csv: one row per model, one column per prediction; `#` lines name sources, version and caveats. */
export function modelsCsv(version: string, list: readonly Model[] = allModels): string {
  const perSet = PARAMETRIC_SETS.flatMap((s) => [`loss_hat__${s}`, `optimal_n__${s}`, `optimal_d__${s}`, `optimal_tokens_per_parameter__${s}`, `parameters_over_optimal__${s}`]);
  const columns = [
    'id',
    'name',
    'parameters',
    'parameter_count',
    'architecture',
    'active_parameters',
    'non_embedding_parameters_for_kaplan',
    'non_embedding_parameters_basis',
    'parameters_source',
    'parameters_verified',
    'training_tokens',
    'training_tokens_source',
    'training_tokens_verified',
    'training_tokens_approximate',
    'reported_training_flop',
    'reported_training_flop_source',
    'training_flop_6nd',
    'tokens_per_parameter',
    `kaplan_loss_n__${KAPLAN_LOSS_N_SET}`,
    `kaplan_loss_nd__${KAPLAN_LOSS_ND_SET}`,
    ...perSet,
  ];
  const rows = list.map((m) => {
    const p = modelPredictions(m);
    return [
      m.id,
      m.name,
      m.parameters.value,
      m.parameters.counts,
      m.architecture,
      m.activeParameters?.value,
      p.kaplanParameters.value,
      p.kaplanParameters.basis,
      sourceText(m.parameters.source),
      m.parameters.verified,
      m.trainingTokens.value,
      sourceText(m.trainingTokens.source),
      m.trainingTokens.verified,
      m.trainingTokens.approximate,
      m.reportedTrainingFlop?.value,
      m.reportedTrainingFlop ? sourceText(m.reportedTrainingFlop.source) : undefined,
      p.trainingFlop,
      p.tokensPerParameter,
      p.kaplan.lossN.loss,
      p.kaplan.lossND.loss,
      ...p.parametric.flatMap((q) => [q.loss, q.optimal.N, q.optimal.D, q.optimal.tokensPerParameter, q.parametersOverOptimal]),
    ];
  });
  const notes = [MODELS_DESCRIPTION, ...ledgerConstantSets().map((id) => `Constant set ${id}: ${constantSet(id).label}`), ...LEDGER_CAVEATS.map((c) => `Caveat: ${c}`)];
  return csv(headerLines('notable models under every scaling law', version, ledgerSources(list), notes), columns, rows);
}
