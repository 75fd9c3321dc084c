/**
 * Look of the annual report charts: fonts, colours and sizes shared by every chart.
 */

/** Font stack for chart text: the CJK sans fonts found on Linux servers and Windows clients. */
export const CHART_FONT_FAMILY = 'Noto Sans CJK SC, Microsoft YaHei, sans-serif';

export const DEFAULT_CHART_WIDTH = 640;
export const DEFAULT_CHART_HEIGHT = 320;
/** Height of the "暂无数据" placeholder: a full-size empty frame would only waste the page. */
export const EMPTY_CHART_HEIGHT = 120;

/** Chart background. Explicit, so a chart shown as an image keeps its contrast on any page. */
export const BACKGROUND_COLOR = '#ffffff';
/** Titles, legend, axis labels and labels above bars: 12.6:1 on white. */
export const TEXT_COLOR = '#333333';
/** Axis lines and grid lines: decoration only, so they need no contrast minimum. */
export const AXIS_LINE_COLOR = '#8c8c8c';
export const SPLIT_LINE_COLOR = '#e5e5e5';
/** Labels printed inside stacked segments. */
export const INSIDE_LABEL_COLOR = '#ffffff';

/**
 * Series colours. Each is at least 4.5:1 against white (WCAG 1.4.3), so white labels inside a
 * bar stay readable and every bar stands out from the white background (WCAG 1.4.11 asks 3:1).
 * Neighbouring colours differ in hue, and stacked segments are separated by a white border, so
 * the segments do not rely on lightness alone.
 */
export const CHART_PALETTE = [
  '#1f5fa8', // blue
  '#b4511a', // burnt orange
  '#2e7d32', // green
  '#8e3b9e', // purple
  '#b02a37', // red
  '#00695c', // teal
  '#8a6a00', // ochre
  '#3949ab', // indigo
  '#ad1457', // magenta
  '#5c6470', // slate
  '#6d4c41', // brown
  '#0277bd', // sky blue
] as const;

/** The colour of the i-th series; the palette repeats past its end. */
export function paletteColor(index: number): string {
  return CHART_PALETTE[index % CHART_PALETTE.length] ?? CHART_PALETTE[0];
}
