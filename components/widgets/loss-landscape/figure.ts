/**
 * Loss landscape figure: contours of L̂(N, D) on log axes with IsoFLOP lines, the chosen set's
 * compute-optimal frontier and Kaplan's Table 6 allocation, and the reader's point. The heavy part
 * (contour lines, segments, their Plot SVG) is built once per constant set and width and cached; a
 * point move redraws only the marker (a handful of marks, in a group of the cached SVG). Colours come
 * from the page's CSS (currentColor + classes), so both themes read.
 */
import * as Plot from '@observablehq/plot';
import { contourLevels, contourLine, frontierOffset, frontierSegment, isoFlopSegment, kaplanAllocationAt, kaplanSegment, type NDPoint } from '../../../src/lib/landscape.ts';
import { formatNumber } from '../../../src/lib/units.ts';
import { labelPlotAsImage } from '../../../src/render/plot-aria.ts';
import { BOX, heightFor, MARGIN, toPixel } from './layout.ts';
import { ISOFLOP_BUDGETS, setOf, type LandscapeConstants, type LandscapeSet, type LandscapeState } from './state.ts';

export const FIGURE_CAPTION =
  'Contours of the predicted loss L̂(N, D) (nats/token) over parameters N and training tokens D, log scales, with IsoFLOP lines C = 6ND (dashed), the chosen set’s compute-optimal frontier (solid) and Kaplan’s Table 6 allocation (long dashes; Kaplan’s N is non-embedding). The ringed dot is your point, the open circle the optimum at its compute, the square Kaplan’s choice at that compute.';

/** Contour colour classes, low loss to high (CSS custom properties --loss-1 … --loss-5). */
const LOSS_CLASSES = ['loss-1', 'loss-2', 'loss-3', 'loss-4', 'loss-5'] as const;

/** What one constant set's landscape is made of, in data space (independent of the width). */
interface Geometry {
  contours: { level: number; cls: string; points: NDPoint[] }[];
  frontier: NDPoint[];
}

const geometryCache = new Map<string, Geometry>();

function geometry(set: LandscapeSet): Geometry {
  let g = geometryCache.get(set.id);
  if (!g) {
    const levels = contourLevels(set, BOX);
    g = {
      contours: levels.map((level, i) => ({
        level,
        cls: LOSS_CLASSES[Math.min(LOSS_CLASSES.length - 1, Math.floor((i * LOSS_CLASSES.length) / levels.length))]!,
        points: contourLine(level, set, BOX, 96),
      })),
      frontier: frontierSegment(set, BOX),
    };
    geometryCache.set(set.id, g);
  }
  return g;
}

/** A point a fraction t of the way along a two-point segment, in log space. */
function along(seg: readonly NDPoint[], t: number): NDPoint {
  const [a, b] = seg as [NDPoint, NDPoint];
  return { N: a.N * (b.N / a.N) ** t, D: a.D * (b.D / a.D) ** t };
}

const sci = (x: number) => formatNumber(x, { sig: 1, style: 'sci' });

/** Powers of ten from lo to hi, every `every` decades (tick marks without the log axis's minor ticks). */
function decades(lo: number, hi: number, every: number): number[] {
  const a = Math.ceil(Math.log10(lo));
  const b = Math.floor(Math.log10(hi));
  return Array.from({ length: Math.floor((b - a) / every) + 1 }, (_, i) => 10 ** (a + i * every));
}

function frame(width: number): Plot.PlotOptions {
  return {
    width,
    height: heightFor(width),
    marginTop: MARGIN.top,
    marginRight: MARGIN.right,
    marginBottom: MARGIN.bottom,
    marginLeft: MARGIN.left,
    style: { fontSize: '12px', background: 'transparent', overflow: 'visible' },
    x: { type: 'log', domain: [BOX.Nmin, BOX.Nmax], label: 'Parameters N →', ticks: decades(BOX.Nmin, BOX.Nmax, width < 480 ? 2 : 1), tickFormat: (d: number) => formatNumber(d, { sig: 3, style: 'suffix' }) },
    y: { type: 'log', domain: [BOX.Dmin, BOX.Dmax], label: '↑ Training tokens D', ticks: decades(BOX.Dmin, BOX.Dmax, 1), tickFormat: (d: number) => formatNumber(d, { sig: 3, style: 'suffix' }) },
  };
}

/** The marks that do not depend on the point: contours, IsoFLOP lines, both frontiers, their labels. */
function landscapeMarks(set: LandscapeSet, c: LandscapeConstants, width: number): Plot.Markish[] {
  const g = geometry(set);
  const kaplan = kaplanSegment(c.kaplan, BOX);
  const isos = ISOFLOP_BUDGETS.map((C) => ({ C, seg: isoFlopSegment(C, BOX) })).filter((x) => x.seg.length === 2);
  // IsoFLOP lines have slope −1 in decades; on screen their angle depends on the frame's aspect.
  const h = heightFor(width);
  const perDecadeX = (width - MARGIN.left - MARGIN.right) / Math.log10(BOX.Nmax / BOX.Nmin);
  const perDecadeY = (h - MARGIN.top - MARGIN.bottom) / Math.log10(BOX.Dmax / BOX.Dmin);
  const isoAngle = (Math.atan2(perDecadeY, perDecadeX) * 180) / Math.PI;
  // Each contour is labelled where it enters the frame; a label that would touch the previous one is left out.
  const contourLabels: (NDPoint & { text: string; cls: string })[] = [];
  let last: { x: number; y: number } | undefined;
  for (const k of g.contours) {
    if (k.points.length === 0) continue;
    const at = toPixel(k.points[0]!, width);
    if (last && Math.abs(at.x - last.x) < 26 && Math.abs(at.y - last.y) < 14) continue;
    contourLabels.push({ ...k.points[0]!, text: formatNumber(k.level, { sig: 4 }), cls: k.cls });
    last = at;
  }
  return [
    Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.3 }),
    ...isos.map((x) => Plot.line(x.seg, { x: 'N', y: 'D', stroke: 'currentColor', strokeOpacity: 0.7, strokeWidth: 1, strokeDasharray: '3,3', className: 'muted' })),
    Plot.text(
      isos.map((x) => ({ ...along(x.seg, 0.9), text: `C = ${sci(x.C)}` })),
      { x: 'N', y: 'D', text: 'text', rotate: isoAngle, dy: -5, fill: 'currentColor', className: 'muted landscape-halo' },
    ),
    ...g.contours.map((k) => Plot.line(k.points, { x: 'N', y: 'D', stroke: 'currentColor', strokeWidth: 1.6, className: k.cls })),
    ...LOSS_CLASSES.map((cls) =>
      Plot.text(
        contourLabels.filter((d) => d.cls === cls),
        { x: 'N', y: 'D', text: 'text', textAnchor: 'start', dx: 3, dy: 9, fill: 'currentColor', fontWeight: 600, className: `${cls} landscape-halo` },
      ),
    ),
    ...(kaplan.length === 2
      ? [
          Plot.line(kaplan, { x: 'N', y: 'D', stroke: 'currentColor', strokeWidth: 2.5, strokeDasharray: '9,4', className: 'series-4' }),
          Plot.text([along(kaplan, 0.6)], { x: 'N', y: 'D', text: () => 'Kaplan Table 6 (non-embedding N)', textAnchor: 'middle', dy: 14, fill: 'currentColor', className: 'series-4 landscape-halo' }),
        ]
      : []),
    ...(g.frontier.length === 2
      ? [
          Plot.line(g.frontier, { x: 'N', y: 'D', stroke: 'currentColor', strokeWidth: 2.5, className: 'accent' }),
          Plot.text([along(g.frontier, 0.1)], { x: 'N', y: 'D', text: () => 'compute-optimal frontier', textAnchor: 'start', dx: 8, dy: 6, fill: 'currentColor', fontWeight: 600, className: 'accent landscape-halo' }),
        ]
      : []),
  ];
}

const inBox = (p: NDPoint) => p.N >= BOX.Nmin && p.N <= BOX.Nmax && p.D >= BOX.Dmin && p.D <= BOX.Dmax;

/** The marks of the point: its IsoFLOP line, the optimum and Kaplan's choice at its compute, the point itself. */
function markerMarks(s: LandscapeState, set: LandscapeSet, c: LandscapeConstants): Plot.Markish[] {
  const off = frontierOffset(s.N, s.D, set);
  const iso = isoFlopSegment(off.C, BOX);
  const opt = [{ N: off.Nopt, D: off.Dopt }].filter(inBox);
  const kaplan = [kaplanAllocationAt(off.C, c.kaplan)].filter(inBox);
  const point = [{ N: s.N, D: s.D }];
  return [
    Plot.line(iso, { x: 'N', y: 'D', stroke: 'currentColor', strokeWidth: 1.5, strokeDasharray: '5,3', className: 'accent-2' }),
    Plot.dot(kaplan, { x: 'N', y: 'D', symbol: 'square', r: 5, fill: 'currentColor', className: 'series-4' }),
    Plot.dot(opt, { x: 'N', y: 'D', r: 6, stroke: 'currentColor', strokeWidth: 2, fill: 'none', className: 'accent' }),
    Plot.dot(point, { x: 'N', y: 'D', r: 9, stroke: 'currentColor', strokeWidth: 1.5, fill: 'none', className: 'accent-2' }),
    Plot.dot(point, { x: 'N', y: 'D', r: 4.5, fill: 'currentColor', className: 'accent-2' }),
  ];
}

/** Plot options of the whole figure for a state (the build renders these to the static SVG). */
export function landscapeOptions(s: LandscapeState, c: LandscapeConstants, width = 640): Plot.PlotOptions {
  const set = setOf(s, c);
  return { ...frame(width), marks: [...landscapeMarks(set, c, width), ...markerMarks(s, set, c)] };
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The marker's elements in the browser: the same shapes, classes and strokes as `markerMarks` draws at build time. */
interface Marker {
  iso: Element;
  kaplan: Element;
  opt: Element;
  ring: Element;
  dot: Element;
}

function svgEl(document: Document, name: string, attrs: Readonly<Record<string, string | number>>): Element {
  const el = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

function createMarker(document: Document, parent: Element): Marker {
  const group = svgEl(document, 'g', { 'data-marker': '' });
  const m: Marker = {
    iso: svgEl(document, 'line', { class: 'accent-2', stroke: 'currentColor', 'stroke-width': 1.5, 'stroke-dasharray': '5,3' }),
    kaplan: svgEl(document, 'rect', { class: 'series-4', fill: 'currentColor', width: 8, height: 8 }),
    opt: svgEl(document, 'circle', { class: 'accent', fill: 'none', stroke: 'currentColor', 'stroke-width': 2, r: 6 }),
    ring: svgEl(document, 'circle', { class: 'accent-2', fill: 'none', stroke: 'currentColor', 'stroke-width': 1.5, r: 9 }),
    dot: svgEl(document, 'circle', { class: 'accent-2', fill: 'currentColor', r: 4.5 }),
  };
  group.append(m.iso, m.kaplan, m.opt, m.ring, m.dot);
  parent.append(group);
  return m;
}

/** Move the marker to a state: a few attribute writes, no Plot. */
function placeMarker(m: Marker, s: LandscapeState, set: LandscapeSet, c: LandscapeConstants, width: number): void {
  const off = frontierOffset(s.N, s.D, set);
  const place = (el: Element, p: NDPoint | undefined, at: (x: number, y: number) => Record<string, number>) => {
    if (!p || !inBox(p)) return el.setAttribute('visibility', 'hidden');
    el.removeAttribute('visibility');
    const px = toPixel(p, width);
    for (const [k, v] of Object.entries(at(px.x, px.y))) el.setAttribute(k, v.toFixed(2));
  };
  const iso = isoFlopSegment(off.C, BOX);
  if (iso.length === 2) {
    m.iso.removeAttribute('visibility');
    const [a, b] = iso.map((p) => toPixel(p, width)) as [{ x: number; y: number }, { x: number; y: number }];
    for (const [k, v] of Object.entries({ x1: a.x, y1: a.y, x2: b.x, y2: b.y })) m.iso.setAttribute(k, v.toFixed(2));
  } else m.iso.setAttribute('visibility', 'hidden');
  place(m.kaplan, kaplanAllocationAt(off.C, c.kaplan), (x, y) => ({ x: x - 4, y: y - 4 }));
  place(m.opt, { N: off.Nopt, D: off.Dopt }, (cx, cy) => ({ cx, cy }));
  place(m.ring, s, (cx, cy) => ({ cx, cy }));
  place(m.dot, s, (cx, cy) => ({ cx, cy }));
}

/** The cached landscape SVG of one set at one width, with its marker. */
const svgCache = new Map<string, { svg: Element; marker: Marker }>();

/**
 * The figure for a state: the landscape comes from the cache (drawn by Plot on the first request for
 * this set and width), and a point move only rewrites the marker's attributes — the kit keeps the
 * returned element in place when it is the one already shown.
 */
export function draw(document: Document, s: LandscapeState, c: LandscapeConstants, width: number): Element {
  const set = setOf(s, c);
  const key = `${set.id}|${width}`;
  let cached = svgCache.get(key);
  if (!cached || cached.svg.ownerDocument !== document) {
    const svg = labelPlotAsImage(Plot.plot({ ...frame(width), marks: landscapeMarks(set, c, width), document }), FIGURE_CAPTION);
    cached = { svg, marker: createMarker(document, svg) };
    svgCache.set(key, cached);
  }
  placeMarker(cached.marker, s, set, c, width);
  return cached.svg;
}
