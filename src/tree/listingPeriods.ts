// How often each folder of a project is listed in full so that together they stay within the
// project's pages per interval: the arithmetic RefreshPolicy (./refreshPolicy.ts) runs per project,
// apart so it reads (and is tested) on its own. Pure functions.

/** A folder's wish for full listings: it costs `pages` requests and would like to come every `desiredMs`. */
export interface ListingDemand {
  pages: number;
  desiredMs: number;
}

/**
 * The period (ms) of each folder's full listing so that together they cost at most `pagesPerMs`:
 * - every folder at its desired period when that fits;
 * - otherwise each at least every `maxMs` (the floor), and what the budget leaves above the floors
 *   shared out evenly, in pages per ms (a cheap folder reaches its desired period first);
 * - when even the floors do not fit: the folders whose floor is within an even share keep it, and
 *   the larger ones share the rest evenly (each period then stretches with its pages).
 */
export function listingPeriods(demands: readonly ListingDemand[], pagesPerMs: number, maxMs: number): number[] {
  const hi = demands.map((d) => d.pages / d.desiredMs);
  const lo = demands.map((d, i) => Math.min(hi[i], d.pages / maxMs));
  if (sum(hi) <= pagesPerMs) return demands.map((d) => d.desiredMs);
  const rates = sum(lo) <= pagesPerMs ? evenShare(lo, hi, pagesPerMs) : evenShare(lo.map(() => 0), lo, pagesPerMs);
  return rates.map((r, i) => demands[i].pages / r);
}

/**
 * Rates between `floor` and `cap` (each i), the same `share` for all where the bounds allow, so
 * that they sum to at most `total` (the share is found by bisection; its lower end is kept).
 */
function evenShare(floor: readonly number[], cap: readonly number[], total: number): number[] {
  const rates = (share: number) => cap.map((c, i) => Math.min(c, Math.max(floor[i], share)));
  let low = 0;
  let high = Math.max(...cap);
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (sum(rates(mid)) <= total) low = mid;
    else high = mid;
  }
  return rates(low);
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
