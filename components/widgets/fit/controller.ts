/**
 * Browser side of the fit calculator. Loaded on the first interaction (or at once when a link carries
 * settings). Reads the data (Epoch's points, synthetic runs, or the reader's CSV — which never leaves
 * the page), fits in a pool of Web Workers, bootstraps with progress and an immediate Cancel, draws the
 * figures (Plot, imported lazily), offers JSON/CSV downloads and keeps the settings (and ≤ 500 rows of
 * data, compressed in the fragment) in the URL. Bad input never replaces a good result: the last fit
 * stays and a message says what is wrong, where. Text from the reader is only ever set as textContent.
 */
import { figure4FitPoints, FIGURE4_REPOSITORY } from '../../../src/lib/figure4.ts';
import { parseRunsCsv, runsToCsv, MAX_CSV_CHARS, type Run } from '../../../src/lib/runs-csv.ts';
import { syntheticRuns } from '../../../src/lib/synthetic-runs.ts';
import { frontierBand, logBudgets, negligibleTerms, summarize, REPORTED } from '../../../src/lib/fit-summary.ts';
import { MAX_LINK_ROWS, packText, sha256Hex, unpackText } from '../../../src/lib/fit-link.ts';
import { toLogParams, type BootstrapResult, type LogParams, type ScalingLawParams } from '../../../src/lib/fit.ts';
import { parseQuantity } from '../../../src/lib/validate.ts';
import type { ParametricConstants } from '../../../src/lib/chinchilla.ts';
import { Cancelled, FitPool } from './pool.ts';
import { REFINE_AT_BUILD } from './build.ts';
import { formatField } from '../kit/slider.ts';
import { figureDescriptions, FIELDS, FIELD_BY_NAME, SYNTHETIC_ONLY, LABELS, WORKERS_FIELD, defaultSettings, settingsFromSearch, settingsToSearch, tableRows, fmt, type NumericSetting, type Settings, type SetId } from './state.ts';

/** Starts refined after the screen (the same number the build uses). */
const REFINE = REFINE_AT_BUILD;

interface Published {
  id: SetId;
  label: string;
  params: ParametricConstants;
}

interface Outcome {
  settings: Settings;
  runs: Run[];
  grouped: boolean;
  params: ScalingLawParams;
  method: string;
  objective: number;
  converged: boolean;
  notes: string[];
  boot: BootstrapResult | null;
  sha256: string;
  seconds: { fit: number; bootstrap: number };
  workers: number;
}

export interface FitController {
  fit(): Promise<void>;
}

export function mountFit(form: HTMLFormElement): FitController {
  const published = JSON.parse(form.dataset.published ?? '[]') as Published[];
  const defaults = defaultSettings(Number(form.dataset.budget));
  const $ = <T extends Element>(sel: string) => form.querySelector<T>(sel)!;
  const status = $<HTMLElement>('[data-status]');
  const error = $<HTMLElement>('[data-error]');
  const progress = $<HTMLProgressElement>('progress');
  const fitButton = $<HTMLButtonElement>('button[data-fit]');
  const cancelButton = $<HTMLButtonElement>('button[data-cancel]');
  const csv = $<HTMLTextAreaElement>('textarea[name="csv"]');
  const file = $<HTMLInputElement>('input[type="file"]');
  const results = document.querySelector<HTMLElement>('[data-fit-results]')!;
  const linkNote = $<HTMLElement>('[data-link-note]');
  const workersParam = new URLSearchParams(location.search).get('workers');
  const workers = workersParam === null ? null : parseQuantity(workersParam, WORKERS_FIELD);
  const pool = new FitPool(workers?.ok ? workers.value : undefined);
  let busy = false;
  let last: Outcome | null = null;
  let figures: Promise<typeof import('./figure.ts')> | undefined;

  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
  const say = (text: string) => (status.textContent = text);
  const fail = (text: string) => {
    error.textContent = text;
    error.hidden = false;
  };
  const clearError = () => {
    error.textContent = '';
    error.hidden = true;
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    for (const el of form.querySelectorAll('.kit-field .field-error')) el.textContent = '';
  };

  function showSource() {
    const src = (form.querySelector<HTMLInputElement>('input[name="src"]:checked')?.value ?? 'epoch') as Settings['src'];
    for (const box of form.querySelectorAll<HTMLElement>('[data-for-src]')) box.hidden = box.dataset.forSrc !== src;
  }

  function writeForm(s: Settings) {
    const radio = form.querySelector<HTMLInputElement>(`input[name="src"][value="${s.src}"]`);
    if (radio) radio.checked = true;
    for (const k of ['method', 'set'] as const) field(k)!.value = s[k];
    for (const k of Object.keys(FIELDS) as NumericSetting[]) field(k)!.value = formatField(FIELD_BY_NAME[k], s[k]);
    showSource();
  }

  /** Settings from the form, or null after putting each bad field's message next to it (kit Field). */
  function readForm(): Settings | null {
    const s: Settings = { ...defaults };
    s.src = (form.querySelector<HTMLInputElement>('input[name="src"]:checked')?.value ?? 'epoch') as Settings['src'];
    s.method = field('method')!.value as Settings['method'];
    s.set = field('set')!.value as SetId;
    let ok = true;
    for (const k of Object.keys(FIELDS) as NumericSetting[]) {
      if (SYNTHETIC_ONLY.includes(k) && s.src !== 'synthetic') continue;
      const el = field(k)!;
      let r = parseQuantity(el.value, FIELDS[k]);
      if (r.ok && k === 'boot' && r.value === 1) r = { ok: false, message: 'Use 0 resamples (no intervals) or at least 2.' };
      if (!r.ok) {
        el.setAttribute('aria-invalid', 'true');
        fieldError(k).textContent = r.message;
        ok = false;
      } else s[k] = r.value;
    }
    return ok ? s : null;
  }
  const fieldError = (name: string) => form.querySelector<HTMLElement>(`#fit-${name}-error`)!;

  /** The runs for the chosen source, or a message. */
  function readRuns(s: Settings): { runs: Run[]; grouped: boolean; notes: string[] } | string {
    if (s.src === 'epoch') return { runs: figure4FitPoints.map((p, i) => ({ N: p.N, D: p.D, loss: p.loss, C: p.C, line: i + 2 })), grouped: false, notes: [] };
    if (s.src === 'synthetic') {
      const truth = published.find((p) => p.id === s.set)!.params;
      return { runs: syntheticRuns(truth, { sigma: s.sigma, seed: s.nseed, perBudget: s.per }), grouped: true, notes: [] };
    }
    const parsed = parseRunsCsv(csv.value);
    if (!parsed.ok) {
      csv.setAttribute('aria-invalid', 'true');
      return parsed.message;
    }
    return { runs: parsed.runs, grouped: parsed.grouped, notes: parsed.notes };
  }

  const setBusy = (on: boolean) => {
    busy = on;
    fitButton.disabled = on;
    cancelButton.disabled = !on;
    cancelButton.hidden = !on;
    progress.hidden = !on;
    form.setAttribute('aria-busy', String(on));
  };

  async function fit(): Promise<void> {
    if (busy) return;
    clearError();
    const s = readForm();
    if (!s) return fail('Some settings need fixing: see the messages next to them.');
    const data = readRuns(s);
    if (typeof data === 'string') return fail(data);
    const { runs, grouped } = data;
    setBusy(true);
    progress.removeAttribute('value');
    const t0 = performance.now();
    performance.mark('fit:start');
    try {
      say(`Fitting ${runs.length} runs in ${pool.size} worker${pool.size === 1 ? '' : 's'}…`);
      let params: ScalingLawParams;
      let start: LogParams;
      let objective: number;
      let converged: boolean;
      const notes = [...data.notes];
      let method: string;
      if (s.method === 'huber') {
        const g = await pool.grid(runs, REFINE);
        params = g.params;
        start = g.logParams;
        objective = g.objective;
        converged = g.optimizer.converged;
        method = `Huber (δ = 1e-3) on log-loss, log-sum-exp form; L-BFGS from the ${REFINE} best of ${g.starts.toLocaleString('en-US')} grid starts`;
        if (!converged) notes.push(`The best L-BFGS run stopped on its ${g.optimizer.reason === 'maxIterations' ? 'iteration' : 'evaluation'} limit, not on a tolerance test: the fit did not converge. Treat the estimates with caution.`);
      } else {
        const v = await pool.varpro(runs);
        params = v.params;
        start = toLogParams(v.params);
        objective = v.rss;
        converged = v.converged && !v.boundHit;
        method = `Variable projection: least squares on the loss; α, β on a ${Math.round(Math.sqrt(v.gridPoints))} × ${Math.round(Math.sqrt(v.gridPoints))} grid, then L-BFGS; E, A, B solved linearly`;
        if (v.boundHit) notes.push('The fit sits on a boundary (α or β at the grid edge, or E, A or B held at 0): the data do not pin down all five constants, and the fit did not converge to an interior optimum.');
        else if (!v.converged) notes.push('The L-BFGS refinement stopped on a limit, not a tolerance test: the fit did not converge.');
      }
      for (const { term, largestShare } of negligibleTerms(runs, params)) {
        const [symbol, exponent, axis] = term === 'A/N^α' ? ['A', 'α', 'N'] : ['B', 'β', 'D'];
        notes.push(`The term ${term} is at most ${fmt(100 * largestShare)} % of the predicted loss at any of your runs: the data show almost no trend in ${axis}, so ${symbol} and ${exponent} (${fmt(exponent === 'α' ? params.alpha : params.beta)}) are not determined, and nor is the allocation.`);
      }
      const tFit = (performance.now() - t0) / 1000;
      let boot: BootstrapResult | null = null;
      const t1 = performance.now();
      if (s.boot >= 2) {
        progress.max = s.boot;
        progress.value = 0;
        say(`Bootstrap: 0 of ${s.boot} refits…`);
        boot = await pool.bootstrap(runs, {
          method: s.method,
          resamples: s.boot,
          seed: s.seed,
          start,
          onProgress: (done, total) => {
            progress.value = done;
            say(`Bootstrap: ${done} of ${total} refits…`);
          },
        });
        if (boot.unconverged > 0) notes.push(`${boot.unconverged} of ${boot.resamples} bootstrap refits stopped on a limit rather than a tolerance test (kept, as Epoch AI kept theirs).`);
        if (boot.failed > 0) notes.push(`${boot.failed} of ${boot.resamples} bootstrap refits failed and were left out.`);
      }
      const tBoot = (performance.now() - t1) / 1000;
      performance.mark('fit:computed');
      const sha256 = await sha256Hex(runsToCsv(runs));
      last = { settings: s, runs, grouped, params, method, objective, converged, notes, boot, sha256, seconds: { fit: tFit, bootstrap: tBoot }, workers: pool.size };
      await render(last);
      await writeUrl(last);
      say(`Done: fit in ${tFit.toFixed(2)} s${boot ? `, ${boot.resamples} bootstrap refits in ${tBoot.toFixed(1)} s` : ''} (${pool.size} worker${pool.size === 1 ? '' : 's'}).`);
      form.dispatchEvent(new CustomEvent('fit:done', { bubbles: true }));
    } catch (e) {
      if (e instanceof Cancelled) say(last ? 'Cancelled. The previous fit is still shown.' : 'Cancelled.');
      else fail(`The fit failed: ${e instanceof Error ? e.message : 'unknown error'}. ${last ? 'The previous fit is still shown.' : ''}`);
    } finally {
      setBusy(false);
    }
  }

  async function render(o: Outcome) {
    const est = summarize(o.params, o.boot?.samples ?? null, o.settings.C);
    const rows = tableRows(est, published, o.settings.C);
    const tbody = results.querySelector('tbody')!;
    tbody.replaceChildren(
      ...rows.map((cells) => {
        const tr = document.createElement('tr');
        cells.forEach((c, i) => {
          const td = document.createElement(i === 0 ? 'th' : 'td');
          if (i === 0) td.setAttribute('scope', 'row');
          td.textContent = c;
          tr.append(td);
        });
        return tr;
      }),
    );
    results.querySelector('[data-budget]')!.textContent = fmt(o.settings.C);
    const srcText = o.settings.src === 'epoch' ? `Epoch AI’s ${o.runs.length} Figure-4 points` : o.settings.src === 'synthetic' ? `${o.runs.length} synthetic runs drawn from ${published.find((p) => p.id === o.settings.set)!.label} with σ = ${o.settings.sigma}` : `your ${o.runs.length} runs`;
    results.querySelector('[data-summary]')!.textContent = `Fitted to ${srcText}. Method: ${o.method}. ${o.boot ? `Intervals: 95 % bootstrap percentiles of ${o.boot.samples.length} refits (seed ${o.settings.seed}).` : 'No bootstrap: no intervals.'}`;
    const notes = results.querySelector('[data-notes]')!;
    notes.replaceChildren(...o.notes.map((n) => Object.assign(document.createElement('li'), { textContent: n })));
    results.querySelector<HTMLElement>('[data-downloads]')!.hidden = false;
    results.querySelector('[data-static-note]')?.remove();
    figures ??= import('./figure.ts');
    const f = await figures;
    const band = frontierBand(o.params, o.boot?.samples ?? null, logBudgets(1e18, Math.max(o.settings.C * 3, 1e22), 40));
    const descriptions = figureDescriptions(o.runs, o.params, o.grouped, est.Nopt, o.settings.C);
    for (const name of ['surface', 'residuals', 'frontier'] as const) {
      const p = document.querySelector(`#fig-fit-${name}-description`);
      if (p) p.textContent = descriptions[name];
    }
    for (const [name, options, caption] of [
      ['surface', f.surfaceOptions(o.runs, o.params, o.grouped, width('surface')), f.SURFACE_CAPTION],
      ['residuals', f.residualOptions(o.runs, o.params, width('residuals')), f.RESIDUAL_CAPTION],
      ['frontier', f.frontierOptions(band, published, o.settings.C, width('frontier')), f.FRONTIER_CAPTION],
    ] as const) {
      // Yield between figures so no single main-thread task grows long.
      await new Promise((r) => setTimeout(r, 0));
      results.querySelector(`[data-plot="fit-${name}"]`)!.replaceChildren(f.draw(document, options, caption));
    }
  }
  const width = (name: string) => Math.min(720, Math.max(300, Math.round(results.querySelector<HTMLElement>(`[data-plot="fit-${name}"]`)!.clientWidth || 640)));

  async function writeUrl(o: Outcome) {
    let hash = '';
    if (o.settings.src === 'csv') {
      if (o.runs.length <= MAX_LINK_ROWS) {
        hash = `#d=${await packText(runsToCsv(o.runs))}`;
        linkNote.textContent = `The link in the address bar holds these settings and your ${o.runs.length} rows, compressed after the # (browsers do not send that part to any server).`;
      } else {
        linkNote.textContent = `The link in the address bar holds the settings only: ${o.runs.length} rows is more than the ${MAX_LINK_ROWS} a link carries. Share the CSV file with it.`;
      }
    } else linkNote.textContent = 'The link in the address bar reproduces this fit.';
    history.replaceState(null, '', `${location.pathname}${settingsToSearch(o.settings)}${hash}`);
  }

  function download(kind: 'json' | 'csv') {
    if (!last) return;
    const o = last;
    const est = summarize(o.params, o.boot?.samples ?? null, o.settings.C);
    const meta = {
      tool: 'Scaling Ledger fit calculator',
      page: location.href.split('#')[0],
      data: { rows: o.runs.length, sha256: o.sha256, sha256Of: 'the data as CSV "N,D,loss[,group]" (runsToCsv)', source: o.settings.src === 'epoch' ? `Hoffmann et al. 2022 Fig. 4 runs, extracted by Epoch AI (${FIGURE4_REPOSITORY}); 5 highest losses dropped` : o.settings.src },
      settings: o.settings,
      method: o.method,
      objective: o.objective,
      converged: o.converged,
      notes: o.notes,
      bootstrap: o.boot ? { resamples: o.boot.resamples, used: o.boot.samples.length, unconverged: o.boot.unconverged, failed: o.boot.failed, seed: o.boot.seed, level: 0.95 } : null,
      timing: { ...o.seconds, workers: o.workers },
    };
    let text: string;
    if (kind === 'json') text = JSON.stringify({ ...meta, estimates: est }, null, 2);
    else {
      const head = [`# ${meta.tool}; data sha256 ${o.sha256}; ${o.runs.length} rows; method: ${o.method}; budget C = ${o.settings.C} FLOP; ${meta.bootstrap ? `${meta.bootstrap.used} bootstrap refits, seed ${o.settings.seed}` : 'no bootstrap'}`];
      const rows = REPORTED.map((k) => [k, LABELS[k].replace(/,/g, ''), est[k].value, est[k].interval?.[0] ?? '', est[k].interval?.[1] ?? ''].join(','));
      text = [...head, 'quantity,label,estimate,low95,high95', ...rows].join('\n');
    }
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type: kind === 'json' ? 'application/json' : 'text/csv' }));
    a.download = `scaling-fit.${kind}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  async function readFile(f: File) {
    clearError();
    if (f.size > MAX_CSV_CHARS) return fail(`The file “${f.name.slice(0, 60)}” is ${(f.size / 1e6).toFixed(1)} MB; this page reads at most ${MAX_CSV_CHARS / 1e6} MB (about 20,000 rows). Nothing was read.`);
    const text = await f.text();
    form.querySelector<HTMLInputElement>('input[name="src"][value="csv"]')!.checked = true;
    showSource();
    const parsed = parseRunsCsv(text);
    // A file that cannot be used does not replace what is in the box.
    if (!parsed.ok) return fail(`“${f.name.slice(0, 60)}”: ${parsed.message}`);
    csv.value = text;
    say(`Read ${parsed.runs.length} runs from “${f.name.slice(0, 60)}”. Press Fit.`);
  }

  // Wire up.
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void fit();
  });
  cancelButton.addEventListener('click', () => pool.cancel());
  form.addEventListener('change', (e) => {
    if ((e.target as HTMLInputElement).name === 'src') showSource();
  });
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (f) void readFile(f);
  });
  csv.addEventListener('dragover', (e) => e.preventDefault());
  csv.addEventListener('drop', (e) => {
    const f = e.dataTransfer?.files[0];
    if (!f) return;
    e.preventDefault();
    void readFile(f);
  });
  for (const kind of ['json', 'csv'] as const) results.querySelector(`button[data-download="${kind}"]`)!.addEventListener('click', () => download(kind));

  // State from the link.
  const { settings, errors } = settingsFromSearch(location.search, defaults);
  writeForm(settings);
  const fromLink = location.search.length > 1 || location.hash.startsWith('#d=');
  void (async () => {
    if (location.hash.startsWith('#d=')) {
      const text = await unpackText(location.hash.slice(3));
      if (text === null) errors.push('The data in this link are damaged (the part after #d= could not be read); nothing was loaded.');
      else {
        csv.value = text;
        writeForm({ ...settings, src: 'csv' });
      }
    }
    if (errors.length) fail(errors.join(' '));
    else if (fromLink) await fit();
    else if (file.files?.[0]) await readFile(file.files[0]); // chosen before this module loaded
  })();
  return { fit };
}
