// Handler: the API's clock as seen from here. Every answer's `Date` header (whole seconds) gives
// the API's time when it answered; `onOffset` gets the API's clock minus ours, in ms (the header's
// second taken at its middle). A lost write is matched to the action it started by start time
// (../resources/base.ts): in the API's time, so a clock skew needs no wide slack.

import type { Handler } from './chain';

export function apiClockHandler(next: Handler, onOffset: (offsetMs: number) => void): Handler {
  return async (call) => {
    const outcome = await next(call);
    const date = outcome.headers?.get('date');
    const api = date ? Date.parse(date) : NaN;
    if (Number.isFinite(api)) onOffset(api + 500 - Date.now());
    return outcome;
  };
}
