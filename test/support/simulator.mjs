// The API simulator for e2e tests and benchmarks: started in the calling process (the Playwright
// worker) from the transpiled sources in `outDir` (`node scripts/build.mjs --tests` writes them to
// out/), closed when the process exits.
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** @param {string} outDir @param {import('../../src/sim/types').SimulatorOptions} options */
export async function startSpecSimulator(outDir, options) {
  const { startSimulator } = createRequire(import.meta.url)(join(outDir, 'src', 'sim', 'simulator.js'));
  const sim = await startSimulator(options);
  process.once('exit', () => void sim.close());
  return sim;
}

/** `api(method, path, body)`: a call to the simulator's API with `token`, resolving with the JSON answer. */
export function simulatorApi(sim, token) {
  return async (method, path, body) => {
    const res = await fetch(`${sim.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
}

/** Creates servers `names` (cx11, Ubuntu, fsn1) through the API and waits until all of them run. */
export async function createRunningServers(api, names) {
  for (const name of names) await api('POST', '/servers', { name, server_type: 'cx11', image: 'ubuntu-22.04', location: 'fsn1' });
  const deadline = Date.now() + 20_000;
  while ((await api('GET', '/servers')).servers.some((s) => s.status !== 'running')) {
    if (Date.now() > deadline) throw new Error(`the servers ${names.join(', ')} did not start`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
