// The rules of the service prompts without prompts (unit-tested in plain Node): default ports, the
// ports a Load Balancer's services take, the health check's numbers and status codes, and what
// the default health check is.
import type { HealthCheckParams, LoadBalancer, LoadBalancerService } from '../../api/types';
import { portProblem } from './createModel';

export type Protocol = 'tcp' | 'http' | 'https';

/** The listen port a new service of the protocol proposes (tcp: none). */
export function defaultListenPort(protocol: Protocol): number | undefined {
  return protocol === 'https' ? 443 : protocol === 'http' ? 80 : undefined;
}

/** The ports the services take (an https service that redirects http takes 80 too), but the one on `except`. */
export function takenPorts(lb: Pick<LoadBalancer, 'services'>, except?: number): number[] {
  const others = lb.services.filter((s) => s.listenPort !== except);
  return [...new Set(others.flatMap((s) => (s.http?.redirectHttp ? [s.listenPort, 80] : [s.listenPort])))].sort((a, b) => a - b);
}

/** A listen port typed by the user: a port, and not one another service takes. */
export function listenPortProblem(text: string, taken: readonly number[]): string | undefined {
  const problem = portProblem(text);
  if (problem) return problem;
  return taken.includes(Number(text.trim())) ? `Port ${text.trim()} is used by another service of this Load Balancer.` : undefined;
}

/** A whole number of seconds (or retries) in [min, max]. */
export function numberProblem(text: string, min: number, max: number, unit: string): string | undefined {
  const t = text.trim();
  if (!/^\d+$/.test(t) || Number(t) < min || Number(t) > max) return `A whole number of ${unit} from ${min} to ${max}.`;
  return undefined;
}

/** `2??, 3??` -> ['2??', '3??']. */
export function parseStatusCodes(text: string): string[] {
  return [...new Set(text.split(/[,\s]+/).map((c) => c.trim()).filter(Boolean))];
}

/** Status codes a health check accepts: 3 characters each of digits, `?` (one) or `*` (several). */
export function statusCodesProblem(text: string): string | undefined {
  const codes = parseStatusCodes(text);
  if (!codes.length) return 'Give at least one status code, e.g. 200 or 2??, 3??.';
  const bad = codes.find((c) => !/^[1-5][0-9?*]{0,2}$|^\*$/.test(c));
  return bad ? `"${bad}" is not a status code pattern (digits, ? for one, * for several: 200, 2??, 3*).` : undefined;
}

/** A health check path: starts with `/`, no spaces (percent-encode them). */
export function healthPathProblem(text: string): string | undefined {
  const t = text.trim();
  if (!t.startsWith('/')) return 'A path starts with "/", e.g. /healthz.';
  return /\s|\\/.test(t) ? 'No spaces or backslashes: percent-encode them (%20).' : undefined;
}

/** The health check the API gives a service that names none (see the simulator's defaultHealthCheck). */
export function defaultHealthCheck(protocol: Protocol, destinationPort: number): HealthCheckParams {
  const check: HealthCheckParams = { protocol: protocol === 'tcp' ? 'tcp' : 'http', port: destinationPort, interval: 15, timeout: 10, retries: 3 };
  if (check.protocol === 'http') check.http = { path: '/', statusCodes: ['2??', '3??'] };
  return check;
}

/** `http GET / on port 80 · every 15 s · timeout 10 s · 3 retries` */
export function healthCheckSummary(h: HealthCheckParams | LoadBalancerService['healthCheck']): string {
  const how = h.protocol === 'http' ? `http GET ${h.http?.path ?? '/'}` : 'tcp connect';
  return `${how} on port ${h.port} · every ${h.interval} s · timeout ${h.timeout} s · ${h.retries} retries`;
}
