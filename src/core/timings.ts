/**
 * What one analysis run of a page costs, as the page session measures it and
 * the content script reports it to the popup and the benchmark (a plain type,
 * shared by the page layer and the message contract).
 */

/** Milliseconds of one run. */
export interface SessionTimings {
  /** The cheap first check. */
  gate: number;
  /** Main-thread work before highlighting: extraction, sending the text, finishing the analysis (all slices). */
  analysis: number;
  /** The part of `analysis` done before the page's first DOM change. */
  beforeFirstChange: number;
  /** Main-thread work wrapping the marks. */
  highlight: number;
  /** The longest uninterrupted slice of our main-thread work. */
  longestSlice: number;
  /** The analysis off the main thread (in the background). */
  remote: number;
  /** Wall-clock time from the start of the run to the last mark; -1 until the run has finished. */
  total: number;
  /** When the run started (performance.now() of the page). */
  started: number;
}

/** The figures of a run that starts now: nothing done yet (-1: not reached). */
export function newTimings(gate: number, started: number): SessionTimings {
  return { gate, analysis: 0, beforeFirstChange: -1, highlight: 0, longestSlice: 0, remote: 0, total: -1, started };
}
