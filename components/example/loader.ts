/**
 * The only example code a page loads up front: reveal "Edit and run" and, on a click (or when the
 * address carries a shared example, `#ex-…~<code>`), load the editor (`controller.ts`). Keep tiny:
 * it counts against the ≤ 2 KB gzip budget of pages without widgets.
 */
const SHARED = /^#(ex-[a-z0-9-]+)~/;

function controller(): Promise<typeof import('./controller.ts')> {
  return import('./controller.ts');
}

export function mountExampleLoaders(): void {
  const figures = document.querySelectorAll<HTMLElement>('figure[data-example]');
  for (const figure of figures) {
    const controls = figure.querySelector<HTMLElement>('[data-controls]');
    if (!controls) continue;
    controls.hidden = false;
    controls.addEventListener('click', (event) => {
      const button = event.target instanceof Element ? event.target.closest('button[data-action="edit"]') : null;
      if (button) void controller().then((c) => c.openEditor(figure, { focus: true }));
    });
  }
  const shared = SHARED.exec(location.hash.slice(0, 64));
  if (shared) {
    const figure = document.getElementById(shared[1] ?? '');
    if (figure?.matches('figure[data-example]')) void controller().then((c) => c.openShared(figure, location.hash));
  }
}
