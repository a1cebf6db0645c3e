// Fault injection: which /v1 requests get added latency and which fault, from FaultConfig.
// `failNext` faults the next n matching requests; `rate` faults a share of them, drawn from a
// seeded PRNG so a run repeats. The kinds are carried out by the pipeline (pipeline.ts).

import type { FaultConfig, FaultKind } from './types';
import { mulberry32 } from './random';

export interface FaultDecision {
  kind: FaultKind;
  /** For kind `status`. */
  status: number;
}

export class Faults {
  private config: FaultConfig = {};
  private remaining = 0;
  private turn = 0;
  private random = mulberry32(1);

  set(config: FaultConfig): void {
    this.config = { ...config };
    this.remaining = config.failNext ?? 0;
    this.turn = 0;
    this.random = mulberry32(config.seed ?? 1);
  }

  get current(): FaultConfig {
    return this.config;
  }

  private matches(method: string, path: string): boolean {
    const match = this.config.match;
    if (match?.method && match.method.toUpperCase() !== method) return false;
    return !match?.path || match.path.test(path);
  }

  latencyFor(method: string, path: string): number {
    return this.config.latencyMs && this.matches(method, path) ? this.config.latencyMs : 0;
  }

  /** The fault for this request, if any (consumes `failNext` and PRNG draws). */
  pick(method: string, path: string): FaultDecision | undefined {
    if (!this.matches(method, path)) return undefined;
    let hit = false;
    if (this.remaining > 0) {
      this.remaining--;
      hit = true;
    } else if (this.config.rate) {
      hit = this.random() < this.config.rate;
    }
    if (!hit) return undefined;
    const statuses = this.config.statuses?.length ? this.config.statuses : [503];
    return { kind: this.config.kind ?? 'status', status: statuses[this.turn++ % statuses.length] };
  }
}

/** Error codes the API pairs with a status; everything else is a `service_error`. */
export function codeForStatus(status: number): string {
  const codes: Record<number, string> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 423: 'locked', 429: 'rate_limit_exceeded' };
  return codes[status] ?? 'service_error';
}

export const MALFORMED_BODY =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
