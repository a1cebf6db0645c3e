// The rules of the Load Balancer service prompts: ports a Load Balancer's services take (the https
// redirect takes 80), the health check's numbers, paths and status codes, the default health check.
import assert from 'node:assert/strict';
import type { LoadBalancerService } from '../../../src/api/types';
import {
  defaultHealthCheck,
  defaultListenPort,
  healthCheckSummary,
  healthPathProblem,
  listenPortProblem,
  numberProblem,
  parseStatusCodes,
  statusCodesProblem,
  takenPorts,
} from '../../../src/commands/loadBalancer/serviceModel';

const service = (listenPort: number, redirectHttp = false): LoadBalancerService => ({
  protocol: redirectHttp ? 'https' : 'tcp',
  listenPort,
  destinationPort: 80,
  proxyprotocol: false,
  healthCheck: { protocol: 'tcp', port: 80, interval: 15, timeout: 10, retries: 3 },
  http: redirectHttp ? { cookieName: 'HCLBSTICKY', cookieLifetime: 300, certificates: [1], redirectHttp, stickySessions: false } : undefined,
});

describe('Load Balancer service prompts', () => {
  it('default listen ports by protocol; the ports taken (an https redirect takes 80 too), but the service being changed', () => {
    assert.deepEqual([defaultListenPort('http'), defaultListenPort('https'), defaultListenPort('tcp')], [80, 443, undefined]);
    const lb = { services: [service(443, true), service(5432)] };
    assert.deepEqual(takenPorts(lb), [80, 443, 5432]);
    assert.deepEqual(takenPorts(lb, 443), [5432]);
    assert.equal(listenPortProblem('80', takenPorts(lb)), 'Port 80 is used by another service of this Load Balancer.');
    assert.equal(listenPortProblem('8080', takenPorts(lb)), undefined);
    assert.equal(listenPortProblem('70000', []), 'A port is a whole number from 1 to 65535.');
  });

  it('health check numbers, paths and status code patterns', () => {
    assert.equal(numberProblem('15', 3, 60, 'seconds'), undefined);
    assert.equal(numberProblem('2', 3, 60, 'seconds'), 'A whole number of seconds from 3 to 60.');
    assert.equal(numberProblem('1.5', 0, 5, 'retries'), 'A whole number of retries from 0 to 5.');
    assert.equal(healthPathProblem('/healthz'), undefined);
    assert.equal(healthPathProblem('healthz'), 'A path starts with "/", e.g. /healthz.');
    assert.equal(healthPathProblem('/a b'), 'No spaces or backslashes: percent-encode them (%20).');
    assert.deepEqual(parseStatusCodes('2??, 3??  200,200'), ['2??', '3??', '200']);
    assert.equal(statusCodesProblem('2??, 301'), undefined);
    assert.equal(statusCodesProblem(''), 'Give at least one status code, e.g. 200 or 2??, 3??.');
    assert.equal(statusCodesProblem('ok'), '"ok" is not a status code pattern (digits, ? for one, * for several: 200, 2??, 3*).');
  });

  it('the default health check follows the protocol and the destination port, as the API documents', () => {
    assert.deepEqual(defaultHealthCheck('tcp', 5432), { protocol: 'tcp', port: 5432, interval: 15, timeout: 10, retries: 3 });
    assert.deepEqual(defaultHealthCheck('https', 80), { protocol: 'http', port: 80, interval: 15, timeout: 10, retries: 3, http: { path: '/', statusCodes: ['2??', '3??'] } });
    assert.equal(healthCheckSummary(defaultHealthCheck('http', 8080)), 'http GET / on port 8080 · every 15 s · timeout 10 s · 3 retries');
    assert.equal(healthCheckSummary(defaultHealthCheck('tcp', 22)), 'tcp connect on port 22 · every 15 s · timeout 10 s · 3 retries');
  });
});
