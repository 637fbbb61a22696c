/**
 * Line and bar colours of the ops charts, in an order where neighbours differ in lightness as
 * well as hue (readable by the colour-blind and in greyscale print), each ≥ 3:1 on white as
 * WCAG asks of graphics. Lines also differ in dash, so colour is never the only cue.
 */
export const CHART_COLORS = ['#1d4ed8', '#c2410c', '#15803d', '#7c3aed', '#0e7490', '#a16207', '#be185d', '#4b5563'] as const;

/** Dash patterns to go with the colours, index for index: solid, dashed, dotted, … */
export const CHART_DASHES: readonly (readonly number[])[] = [[], [6, 4], [2, 3], [10, 3, 2, 3], [], [6, 4], [2, 3], [10, 3, 2, 3]];

export function chartColor(index: number): string {
  return CHART_COLORS[index % CHART_COLORS.length]!;
}

export function chartDash(index: number): number[] {
  return [...CHART_DASHES[index % CHART_DASHES.length]!];
}
