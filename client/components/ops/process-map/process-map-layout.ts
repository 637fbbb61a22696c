import type { ProcessEdge, ProcessMap } from '../../../../shared/api/ops-analytics';
import { isOrderStep, type OrderStep } from '../../../../shared/analytics/order-path';
import type { TrackingStatus } from '../../../../shared/tracking/statuses';

/**
 * Where the process map draws each status, and the path of each transition. The layout is
 * fixed, not computed from the data, so the map looks the same every day and a manager learns
 * it once: the way a parcel should go runs along the middle (Pending → … → Delivered), the
 * detours sit beside the step they leave from (a failed attempt beside out-for-delivery, an
 * exception beside in-transit), and the ends (delivered, expired) on the far side.
 * On a phone the same grid is turned a quarter, so the main path runs top to bottom.
 * The order's steps before the parcel (placed → paid → picked → packed → handed over, or
 * cancelled) come first: on a phone above the parcel's path, on a wide screen as a row of
 * their own above it.
 */
export type MapOrientation = 'landscape' | 'portrait';

/** A box on the map: a parcel's status or an order's step. */
export type MapStatus = TrackingStatus | OrderStep;

interface Cell {
  step: number;
  lane: number;
}

/** Column along the main path, and the lane: 0 above it, 1 on it, 2 below it. */
const GRID: Record<TrackingStatus, Cell> = {
  Pending: { step: 0, lane: 1 },
  InfoReceived: { step: 1, lane: 1 },
  InTransit: { step: 2, lane: 1 },
  OutForDelivery: { step: 3, lane: 1 },
  Delivered: { step: 4, lane: 1 },
  AttemptFail: { step: 3, lane: 0 },
  AvailableForPickup: { step: 4, lane: 0 },
  Exception: { step: 2, lane: 2 },
  Expired: { step: 4, lane: 2 },
};

const ORDER_GRID: Record<MapOrientation, Record<OrderStep, Cell>> = {
  landscape: {
    OrderPlaced: { step: 0, lane: -1 },
    Paid: { step: 1, lane: -1 },
    Picked: { step: 2, lane: -1 },
    Packed: { step: 3, lane: -1 },
    HandedOver: { step: 4, lane: -1 },
    Cancelled: { step: 1, lane: -2 },
  },
  portrait: {
    OrderPlaced: { step: -5, lane: 1 },
    Paid: { step: -4, lane: 1 },
    Picked: { step: -3, lane: 1 },
    Packed: { step: -2, lane: 1 },
    HandedOver: { step: -1, lane: 1 },
    Cancelled: { step: -4, lane: 0 },
  },
};

/** Box size, and the distance between box centres along the main path and across it. */
const SIZES: Record<MapOrientation, { nodeW: number; nodeH: number; along: number; across: number; margin: number }> = {
  landscape: { nodeW: 164, nodeH: 58, along: 270, across: 170, margin: 46 },
  portrait: { nodeW: 124, nodeH: 60, along: 175, across: 172, margin: 28 },
};

export interface PlacedNode {
  status: MapStatus;
  count: number;
  /** Top-left corner and size, in the map's own units (its viewBox). */
  x: number;
  y: number;
  w: number;
  h: number;
  onMainPath: boolean;
}

export interface PlacedEdge extends ProcessEdge {
  from: MapStatus;
  to: MapStatus;
  /** SVG path data of the line, ending where the arrowhead starts. */
  path: string;
  /** The arrowhead's three corners (SVG polygon points). */
  arrow: string;
  strokeWidth: number;
  labelX: number;
  labelY: number;
  /** Rare steps carry no label on the picture (the table beside it has every step). */
  labelled: boolean;
  selfLoop: boolean;
}

export interface MapGeometry {
  /** The picture's box in map units (its viewBox): room for every box and every label. */
  x: number;
  y: number;
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

interface Point {
  x: number;
  y: number;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const labelBox = (p: Point, width: number): Box => ({ x: p.x - width / 2, y: p.y - LABEL_HEIGHT / 2, w: width, h: LABEL_HEIGHT });
const overlapArea = (a: Box, b: Box) => Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
/** How much of a label a spot would hide (or have hidden): 0 is a free spot. */
const clash = (box: Box, nodes: readonly Box[], labels: readonly Box[]) =>
  nodes.reduce((sum, n) => sum + overlapArea(box, n), 0) + labels.reduce((sum, l) => sum + overlapArea(box, l), 0);

const MIN_STROKE = 1.5;
const MAX_STROKE = 11;
/** A status followed by itself (hub to hub) is drawn as a small loop, never as the widest line. */
const MAX_LOOP_STROKE = 5;
const LABEL_HEIGHT = 18;

/** Line width by count: by the square root, so a 100× busier edge is 10× wider, not off the page. */
export function strokeWidthFor(count: number, maxCount: number): number {
  if (maxCount <= 0 || count <= 0) return MIN_STROKE;
  return MIN_STROKE + (MAX_STROKE - MIN_STROKE) * Math.sqrt(count / maxCount);
}

// The grid names all nine (it is a Record over them). Not TRACKING_STATUSES: importing it would
// add an export to the customer's first-load chunk, which has no room left.
const STATUSES = Object.keys(GRID) as TrackingStatus[];
const ORDER_BOXES = Object.keys(ORDER_GRID.landscape) as OrderStep[];

/**
 * `labelWidth` says how wide an edge's label is, in map units (the caller knows its words);
 * labels are placed along their line where they hide no box and no other label.
 */
export function layoutProcessMap(
  map: Pick<ProcessMap, 'nodes' | 'edges'>,
  orientation: MapOrientation,
  labelWidth: (edge: ProcessEdge) => number = () => 90,
): MapGeometry {
  const size = SIZES[orientation];
  const counts = new Map(map.nodes.map((n) => [n.status, n.count]));
  // The order's steps are drawn when the map has them (not when filtered by courier).
  const withOrders = map.nodes.some((n) => isOrderStep(n.status));
  const grid: Partial<Record<MapStatus, Cell>> = withOrders ? { ...GRID, ...ORDER_GRID[orientation] } : GRID;
  const isDrawn = (value: string): value is MapStatus => Object.hasOwn(grid, value);
  // Counted from the first column and lane in use, so the picture starts at its margin.
  const cells = Object.values(grid);
  const firstStep = Math.min(...cells.map((c) => c.step));
  const firstLane = Math.min(...cells.map((c) => c.lane));
  const centre = (status: MapStatus): Point => {
    const step = grid[status]!.step - firstStep;
    const lane = grid[status]!.lane - firstLane;
    return orientation === 'landscape'
      ? { x: size.margin + step * size.along + size.nodeW / 2, y: size.margin + lane * size.across + size.nodeH / 2 }
      : { x: size.margin + lane * size.across + size.nodeW / 2, y: size.margin + step * size.along + size.nodeH / 2 };
  };
  const nodes: PlacedNode[] = [...(withOrders ? ORDER_BOXES : []), ...STATUSES].map((status) => {
    const c = centre(status);
    return { status, count: counts.get(status) ?? 0, x: c.x - size.nodeW / 2, y: c.y - size.nodeH / 2, w: size.nodeW, h: size.nodeH, onMainPath: grid[status]!.lane === 1 };
  });
  const byStatus = new Map(nodes.map((n) => [n.status, n]));
  const known = map.edges.filter((e): e is ProcessEdge & { from: MapStatus; to: MapStatus } => isDrawn(e.from) && isDrawn(e.to));
  // Widths are relative to the busiest step between two different statuses: hub-to-hub scans
  // outnumber everything and would otherwise make the main path look thin.
  const maxCount = known.reduce((m, e) => (e.from === e.to ? m : Math.max(m, e.count)), 0);
  const total = known.reduce((n, e) => n + e.count, 0);
  const pairs = new Set(known.map((e) => `${e.from}>${e.to}`));
  const placedLabels: Box[] = [];
  const nodeBoxes: Box[] = nodes.map((n) => ({ x: n.x - 4, y: n.y - 4, w: n.w + 8, h: n.h + 8 }));

  // Important labels choose their place first: the slowest step, steps back, then by count.
  const order = [...known].sort((x, y) => Number(y.slowest) - Number(x.slowest) || Number(y.rework) - Number(x.rework) || y.count - x.count);
  const placed = new Map<string, PlacedEdge>();
  for (const edge of order) {
    const a = byStatus.get(edge.from)!;
    const b = byStatus.get(edge.to)!;
    const selfLoopEdge = a === b;
    const strokeWidth = selfLoopEdge ? Math.min(MAX_LOOP_STROKE, strokeWidthFor(edge.count, maxCount)) : strokeWidthFor(edge.count, maxCount);
    const width = labelWidth(edge);
    const shape = selfLoopEdge ? selfLoop(a, strokeWidth) : curve(a, b, nodes.filter((n) => n !== a && n !== b), pairs.has(`${edge.to}>${edge.from}`), strokeWidth, width);
    const labelled = edge.slowest || edge.rework || edge.count >= Math.max(3, total / 100);
    // The first free spot, best first; on a crowded map the one that hides least.
    let spot = shape.labelSpots[0]!;
    let least = Infinity;
    for (const p of shape.labelSpots) {
      const hidden = clash(labelBox(p, width), nodeBoxes, placedLabels);
      if (hidden < least) [spot, least] = [p, hidden];
      if (hidden === 0) break;
    }
    if (labelled) placedLabels.push(labelBox(spot, width));
    placed.set(`${edge.from}>${edge.to}`, {
      ...edge,
      path: shape.path,
      arrow: shape.arrow,
      strokeWidth,
      labelX: round(spot.x),
      labelY: round(spot.y),
      labelled,
      selfLoop: selfLoopEdge,
    });
  }
  // Back in the server's order (most frequent first).
  const edges = known.map((e) => placed.get(`${e.from}>${e.to}`)!);

  // The picture reaches as far as its boxes and its labels, whichever sticks out more, so a
  // label beside an outer box is never cut off at the edge.
  const drawn = [...nodes, ...placedLabels];
  const left = Math.min(0, ...drawn.map((b) => b.x - 4));
  const top = Math.min(0, ...drawn.map((b) => b.y - 4));
  const right = Math.max(...nodes.map((n) => n.x + n.w + size.margin), ...placedLabels.map((b) => b.x + b.w + 4));
  const bottom = Math.max(...nodes.map((n) => n.y + n.h + size.margin), ...placedLabels.map((b) => b.y + b.h + 4));
  return { x: round(left), y: round(top), width: round(right - left), height: round(bottom - top), nodes, edges };
}

const centreOf = (n: PlacedNode): Point => ({ x: n.x + n.w / 2, y: n.y + n.h / 2 });

/** Where the ray from a box's centre towards `toward` leaves the box. */
function borderPoint(n: PlacedNode, toward: Point): Point {
  const c = centreOf(n);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const scale = Math.min(dx === 0 ? Infinity : n.w / 2 / Math.abs(dx), dy === 0 ? Infinity : n.h / 2 / Math.abs(dy));
  return { x: c.x + dx * scale, y: c.y + dy * scale };
}

const quad = (p0: Point, c: Point, p2: Point, t: number): Point => ({
  x: (1 - t) ** 2 * p0.x + 2 * (1 - t) * t * c.x + t ** 2 * p2.x,
  y: (1 - t) ** 2 * p0.y + 2 * (1 - t) * t * c.y + t ** 2 * p2.y,
});

function crossesAny(p0: Point, c: Point, p2: Point, others: PlacedNode[]): boolean {
  const pad = 10;
  for (let i = 1; i < 20; i++) {
    const p = quad(p0, c, p2, i / 20);
    if (others.some((n) => p.x > n.x - pad && p.x < n.x + n.w + pad && p.y > n.y - pad && p.y < n.y + n.h + pad)) return true;
  }
  return false;
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * A line from box to box, bowed to one side when the opposite transition exists (so the two
 * are told apart), and bowed further until it clears every other box.
 */
function curve(a: PlacedNode, b: PlacedNode, others: PlacedNode[], hasReverse: boolean, strokeWidth: number, labelW: number) {
  const ca = centreOf(a);
  const cb = centreOf(b);
  const length = Math.hypot(cb.x - ca.x, cb.y - ca.y);
  // The left-hand normal of the direction a → b: the reverse edge's is the other side.
  const normal = { x: -(cb.y - ca.y) / length, y: (cb.x - ca.x) / length };
  const mid = { x: (ca.x + cb.x) / 2, y: (ca.y + cb.y) / 2 };
  const bows = hasReverse ? [26, 60, 95, 130] : [0, 45, -45, 80, -80, 120, -120];
  let control = mid;
  for (const bow of bows) {
    control = { x: mid.x + normal.x * bow, y: mid.y + normal.y * bow };
    const p0 = borderPoint(a, control);
    const p2 = borderPoint(b, control);
    if (!crossesAny(p0, control, p2, others)) break;
  }
  const start = borderPoint(a, control);
  const tip = borderPoint(b, control);
  const { base, arrow } = arrowhead(tip, control, strokeWidth);
  return {
    path: `M${round(start.x)},${round(start.y)} Q${round(control.x)},${round(control.y)} ${round(base.x)},${round(base.y)}`,
    arrow,
    // Where its label may sit, best first: beside the line (not on it), about halfway along.
    labelSpots: [0.5, 0.38, 0.62, 0.28, 0.72, 0.2, 0.8].flatMap((t) => {
      const p = quad(start, control, tip, t);
      const d = { x: 2 * (1 - t) * (control.x - start.x) + 2 * t * (tip.x - control.x), y: 2 * (1 - t) * (control.y - start.y) + 2 * t * (tip.y - control.y) };
      const length = Math.hypot(d.x, d.y) || 1;
      // Across a level line the label needs half its height of room, across an upright one half its width.
      const off = strokeWidth / 2 + 4 + (Math.abs(d.x) >= Math.abs(d.y) ? LABEL_HEIGHT / 2 : labelW / 2);
      const n = { x: -d.y / length, y: d.x / length };
      return [-1, 1, -2, 2, -3, 3].map((side) => ({ x: p.x + n.x * off * side, y: p.y + n.y * off * side }));
    }),
  };
}

/** A loop out of a box's top-right corner and back into its top edge: the same status again (hub to hub). */
function selfLoop(n: PlacedNode, strokeWidth: number) {
  const start = { x: n.x + n.w, y: n.y + n.h * 0.3 };
  const tip = { x: n.x + n.w * 0.72, y: n.y };
  const c1 = { x: n.x + n.w + 46, y: n.y + n.h * 0.3 - 8 };
  const c2 = { x: n.x + n.w * 0.72 + 8, y: n.y - 46 };
  const { base, arrow } = arrowhead(tip, c2, strokeWidth);
  return {
    path: `M${round(start.x)},${round(start.y)} C${round(c1.x)},${round(c1.y)} ${round(c2.x)},${round(c2.y)} ${round(base.x)},${round(base.y)}`,
    arrow,
    labelSpots: [
      { x: n.x + n.w + 26, y: n.y - 34 },
      { x: n.x + n.w + 54, y: n.y + 4 },
      { x: n.x + n.w * 0.5, y: n.y - 44 },
    ],
  };
}

/** An arrowhead pointing at `tip` along the direction from `from`, sized to the line it ends. */
function arrowhead(tip: Point, from: Point, strokeWidth: number) {
  const length = Math.hypot(tip.x - from.x, tip.y - from.y) || 1;
  const dir = { x: (tip.x - from.x) / length, y: (tip.y - from.y) / length };
  const size = 7 + strokeWidth * 1.1;
  const base = { x: tip.x - dir.x * size, y: tip.y - dir.y * size };
  const half = Math.max(5, strokeWidth * 0.9 + 3);
  const left = { x: base.x - dir.y * half, y: base.y + dir.x * half };
  const right = { x: base.x + dir.y * half, y: base.y - dir.x * half };
  return { base, arrow: [tip, left, right].map((p) => `${round(p.x)},${round(p.y)}`).join(' ') };
}

/**
 * A status name on one line, or on two when it is wider than its box ("Delivery attempt
 * failed"): split at the space nearest the middle. Chinese names are short and stay whole.
 */
export function nodeNameLines(name: string, boxWidth: number): string[] {
  const fits = [...name].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 14 : 8), 0) <= boxWidth - 12;
  if (fits || !name.includes(' ')) return [name];
  const middle = name.length / 2;
  let cut = -1;
  for (let i = 0; i < name.length; i++) if (name[i] === ' ' && (cut < 0 || Math.abs(i - middle) < Math.abs(cut - middle))) cut = i;
  return [name.slice(0, cut), name.slice(cut + 1)];
}
