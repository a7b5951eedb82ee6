/**
 * "Edit and run" for one `<Example>`, loaded on demand by `loader.ts`: a labelled textarea with the
 * example's code, Run (in a fresh Web Worker per run, stopped after a time limit), Reset, and Copy
 * link (the code compressed into the fragment). Code from a link is shown and never runs until the
 * reader presses Run. Everything printed is inserted as text, never as HTML.
 */
import { OUTPUT_LIMITS } from '../../src/examples/limits.ts';
import { isWorkerReply, type WorkerReply } from './protocol.ts';
import { decodeCode, encodeCode, parseShareFragment, shareFragment } from './share.ts';

/** A run still going after this long (ms, from when the code starts) is stopped. */
export const TIME_LIMIT_MS = 3000;
/** Loading the worker (first Run: transpiler and API) may take this long (ms). */
export const LOAD_LIMIT_MS = 20_000;

interface Editor {
  textarea: HTMLTextAreaElement;
  status: HTMLElement;
  output: HTMLElement;
  outputLabel: HTMLElement;
  run: HTMLButtonElement;
  original: string;
  worker?: Worker | undefined;
}

const editors = new WeakMap<HTMLElement, Editor>();
const figures = new WeakMap<Editor, HTMLElement>();
function figureOf(editor: Editor): HTMLElement | undefined {
  return figures.get(editor);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  if (text !== undefined) node.textContent = text;
  return node;
}

function say(editor: Editor, text: string, tone: 'info' | 'error' = 'info'): void {
  editor.status.textContent = text;
  editor.status.dataset.tone = tone;
}

/** Turn the example into an editor (once); returns it. */
export function openEditor(figure: HTMLElement, { focus = false } = {}): Editor {
  const existing = editors.get(figure);
  if (existing) {
    if (focus) existing.textarea.focus();
    return existing;
  }
  const id = figure.id;
  const codeBlock = figure.querySelector<HTMLElement>('[data-code]');
  const controls = figure.querySelector<HTMLElement>('[data-controls]');
  const outputPre = figure.querySelector<HTMLElement>('[data-output]');
  const outputLabel = figure.querySelector<HTMLElement>('.example-output-label');
  if (!codeBlock || !controls || !outputPre || !outputLabel) throw new Error(`Example ${id} is missing a part`);
  const original = (codeBlock.querySelector('pre')?.textContent ?? '').replace(/\n$/, '');

  const label = el('label', { htmlFor: `${id}-editor`, className: 'example-editor-label' }, 'Code (editable; Run executes it in your browser)');
  const textarea = el('textarea', {
    id: `${id}-editor`,
    className: 'example-editor',
    value: original,
    spellcheck: false,
    rows: Math.min(30, original.split('\n').length + 1),
  });
  textarea.setAttribute('autocapitalize', 'off');
  textarea.setAttribute('autocomplete', 'off');
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void run(editor);
    }
  });
  const runButton = el('button', { type: 'button', className: 'example-run' }, 'Run');
  const reset = el('button', { type: 'button' }, 'Reset');
  const copy = el('button', { type: 'button' }, 'Copy link');
  const status = el('p', { className: 'example-status', id: `${id}-status` });
  status.setAttribute('role', 'status');
  textarea.setAttribute('aria-describedby', status.id);

  controls.replaceChildren(runButton, reset, copy);
  codeBlock.hidden = true;
  codeBlock.before(label, textarea, status);

  const output = outputPre.querySelector('samp') ?? outputPre;
  const editor: Editor = { textarea, status, output, outputLabel, run: runButton, original };
  editors.set(figure, editor);
  figures.set(editor, figure);
  runButton.addEventListener('click', () => void run(editor));
  reset.addEventListener('click', () => {
    stop(editor);
    textarea.value = original;
    if (location.hash.startsWith(`#${id}~`)) history.replaceState(null, '', `#${id}`);
    say(editor, 'Reset to the original example.');
  });
  copy.addEventListener('click', () => void copyLink(figure, editor));
  if (focus) textarea.focus();
  return editor;
}

function newWorker(): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'example' });
}

/**
 * A worker started in advance after the first run, so later runs skip its start-up (loading and
 * compiling the transpiler and the API). Each worker runs one example only: fresh globals every run.
 */
let spare: Worker | undefined;
function takeWorker(): Worker {
  const w = spare ?? newWorker();
  spare = undefined;
  return w;
}
function prepareSpare(): void {
  spare ??= newWorker();
}

function stop(editor: Editor): void {
  editor.worker?.terminate();
  editor.worker = undefined;
  editor.run.disabled = false;
}

/** Run the editor's code in a fresh worker; resolves when it finished, failed or was stopped. */
function run(editor: Editor): Promise<void> {
  stop(editor);
  const lines: string[] = [];
  let chars = 0;
  let pending = false;
  const render = (): void => {
    pending = false;
    editor.output.textContent = lines.join('\n');
  };
  const schedule = (): void => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(render);
    }
  };
  editor.output.textContent = '';
  editor.outputLabel.firstChild!.textContent = 'Output ';
  editor.outputLabel.querySelector('.meta')!.textContent = '(your run)';
  editor.run.disabled = true;
  say(editor, 'Running…');
  const started = performance.now();
  const worker = takeWorker();
  editor.worker = worker;
  return new Promise<void>((resolve) => {
    let timer = setTimeout(() => finish('error', `Stopped: the example's code did not load within ${LOAD_LIMIT_MS / 1000} s.`), LOAD_LIMIT_MS);
    let messages = 0;
    const finish = (tone: 'info' | 'error', text: string): void => {
      clearTimeout(timer);
      worker.onmessage = null;
      worker.onerror = null;
      if (editor.worker === worker) stop(editor);
      else worker.terminate();
      render();
      say(editor, text, tone);
      prepareSpare();
      figureOf(editor)?.dispatchEvent(new CustomEvent('example:ran', { bubbles: true, detail: { ms: performance.now() - started, tone } }));
      resolve();
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish('error', `The example could not start: ${event.message || 'the worker failed to load'}.`);
    };
    worker.onmessage = (event: MessageEvent<unknown>) => {
      messages += 1;
      const reply: unknown = event.data;
      if (messages > OUTPUT_LIMITS.lines + 3 || !isWorkerReply(reply)) {
        finish('error', 'Stopped: the example sent more output than the page accepts.');
        return;
      }
      handle(reply);
    };
    const handle = (reply: WorkerReply): void => {
      switch (reply.kind) {
        case 'started':
          clearTimeout(timer);
          timer = setTimeout(() => finish('error', `Stopped after ${TIME_LIMIT_MS / 1000} s: the example was still running (an endless loop?).`), TIME_LIMIT_MS);
          break;
        case 'line':
          chars += reply.text.length;
          if (chars > OUTPUT_LIMITS.chars) {
            finish('error', 'Stopped: the example printed more than the page accepts.');
            return;
          }
          lines.push(reply.text);
          schedule();
          break;
        case 'done':
          finish('info', `Ran in ${Math.round(performance.now() - started)} ms.`);
          break;
        case 'error':
          lines.push(reply.line === undefined ? reply.message : `Line ${reply.line}: ${reply.message}`);
          finish('error', reply.line === undefined ? `Error: ${reply.message}` : `Error at line ${reply.line}: ${reply.message}`);
          break;
      }
    };
    worker.postMessage({ code: editor.textarea.value });
  });
}

async function copyLink(figure: HTMLElement, editor: Editor): Promise<void> {
  const encoded = await encodeCode(editor.textarea.value);
  if (!encoded.ok) {
    say(editor, encoded.message, 'error');
    return;
  }
  const hash = shareFragment(figure.id, encoded.payload);
  history.replaceState(null, '', hash);
  const url = location.origin + location.pathname + location.search + hash;
  try {
    await navigator.clipboard.writeText(url);
    say(editor, 'Link copied. Whoever opens it sees this code; it runs only when they press Run.');
  } catch {
    say(editor, 'The link is in the address bar. Whoever opens it sees this code; it runs only when they press Run.');
  }
}

/** Show the code a share link carries in its example, without running it. */
export async function openShared(figure: HTMLElement, hash: string): Promise<void> {
  const editor = openEditor(figure);
  const shared = parseShareFragment(hash);
  if (!shared) return;
  const decoded = await decodeCode(shared.payload);
  if (!decoded.ok) {
    say(editor, decoded.message, 'error');
  } else {
    editor.textarea.value = decoded.code;
    editor.textarea.rows = Math.min(30, decoded.code.split('\n').length + 1);
    say(editor, 'This code came from a link and has not run. Read it, then press Run to run it in your browser; Reset restores the original.');
  }
  figure.scrollIntoView({ block: 'start' });
}
