import type { RequestLogEntry } from '../api/transport';

/**
 * One line of the "Hetzner Cloud" log for an HTTP exchange: project, method, path, status and
 * duration. The entry never carries the token (the transport does not pass it), nor a body.
 */
export function formatRequest(project: string, e: RequestLogEntry): string {
  const retry = e.attempt > 1 ? ` (try ${e.attempt})` : '';
  const status = e.status === 0 ? e.errorCode ?? 'no answer' : String(e.status);
  return `[${project}] ${e.method} ${e.path} → ${status} in ${Math.round(e.durationMs)} ms${retry}`;
}
