/**
 * The speaker palette's default: Okabe–Ito colours, distinguishable with the
 * common colour-vision deficiencies. The summary numbers speakers by slot
 * (summary.ts); the page's style sheet (src/content/highlight.css) gives these
 * colours by slot (a unit test keeps the two equal), so marks in the default
 * palette need no inline style.
 */
export const DEFAULT_PALETTE = ['#E69F00', '#56B4E9', '#009E73', '#CC79A7', '#0072B2', '#D55E00', '#F0E442', '#999999'];
