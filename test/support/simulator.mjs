// The API simulator for e2e scenarios: started in the runner's process from the transpiled
// sources in `outDir` (the runner builds them), closed when the process exits.
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** @param {string} outDir @param {import('../../src/sim/types').SimulatorOptions} options */
export async function startSpecSimulator(outDir, options) {
  const { startSimulator } = createRequire(import.meta.url)(join(outDir, 'src', 'sim', 'simulator.js'));
  const sim = await startSimulator(options);
  process.once('exit', () => void sim.close());
  return sim;
}
