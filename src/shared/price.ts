// The one price format of the extension: a price is shown as the gross monthly amount with the
// currency's sign and two decimals, `€3.52/mo`. Tooltips and summaries add the net amount and the
// hourly price (`€0.0056/h`, four decimals). Per-unit rates (per GB, per TB) use the same
// spelling. No vscode: the tree, the commands and their unit tests use these functions.

import type { Money } from './apiTypes';

export const NO_PRICE = 'price unknown';

/** `€3.52` for EUR, `3.52 USD` for any other currency; `decimals` digits (default two). */
export function formatAmount(amount: number, currency: string, decimals = 2): string {
  const value = amount.toFixed(decimals);
  return currency === 'EUR' ? `€${value}` : `${value} ${currency}`;
}

/** The gross monthly price, `€3.52/mo`; `price unknown` when the API sent none. */
export function formatMonthly(price: Money | undefined): string {
  return price ? `${formatAmount(price.gross, price.currency)}/mo` : NO_PRICE;
}

/** The net monthly price, `€2.96/mo net`. */
export function formatMonthlyNet(price: Money | undefined): string {
  return price ? `${formatAmount(price.net, price.currency)}/mo net` : NO_PRICE;
}

/** The gross hourly price with four decimals, `€0.0056/h`. */
export function formatHourly(price: Money | undefined): string {
  return price ? `${formatAmount(price.gross, price.currency, 4)}/h` : NO_PRICE;
}

/**
 * The whole price for a tooltip or a summary: `€3.52/mo (€2.96/mo net, €0.0056/h)`; the hourly
 * part only when the API sent an hourly price.
 */
export function formatPriceDetail(monthly: Money | undefined, hourly?: Money): string {
  if (!monthly) return hourly ? formatHourly(hourly) : NO_PRICE;
  const extra = [formatMonthlyNet(monthly), hourly ? formatHourly(hourly) : undefined].filter(Boolean).join(', ');
  return `${formatMonthly(monthly)} (${extra})`;
}

/**
 * A gross rate per unit: `€1.19 per TB`, `€0.0119 per GB/mo`. Amounts below one unit of the
 * currency keep four decimals (a per-GB price would round to nothing at two).
 */
export function formatRate(price: Money | undefined, unit: string): string {
  if (!price) return NO_PRICE;
  return `${formatAmount(price.gross, price.currency, price.gross !== 0 && Math.abs(price.gross) < 1 ? 4 : 2)} per ${unit}`;
}

/** A volume's monthly price: the API's price per GB and month times its size; undefined when the API sent none. */
export function volumeMonthly(perGbMonth: Money | undefined, sizeGb: number): Money | undefined {
  return perGbMonth && { net: perGbMonth.net * sizeGb, gross: perGbMonth.gross * sizeGb, currency: perGbMonth.currency };
}
