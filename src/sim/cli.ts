// Standalone simulator: `node out/src/sim/cli.js --port 4000` (npm run sim -- …).
// Prints `listening on http://127.0.0.1:<port>/v1` when ready, logs one line per request
// with --verbose, and on SIGINT/SIGTERM saves the state (with --state) and exits 0.
// Bad arguments: a message on stderr and exit code 2.

import { startSimulator } from './simulator';
import type { SimulatorOptions } from './types';

export const USAGE = `Usage: npm run sim -- [options]

Runs a local Hetzner Cloud API simulator.

Options:
  --port <port>        port to listen on; 0 picks a free one (default 0)
  --host <host>        address to bind (default 127.0.0.1)
  --token <token>      the accepted Bearer token (default demo)
  --readonly-token <token>
                       also accept this token, read-only: reads work, writes answer 403 token_readonly
  --seed demo|empty    initial project: the demo project or only the catalog (default demo)
  --servers <n>        add n more servers scale-0001… (default 0)
  --action-ms <ms>     how long each action runs (default 3000)
  --rate-limit <n>     requests per hour (default 3600)
  --state <file.json>  load the state from and save it to this file
  --api 2026|2018      which API to speak: today's (default) or exactly the 2018 contract
  --console-lifetime-ms <ms>
                       how long a request_console URL stays valid (default 60000)
  --verbose            log one line per request (method, path, status; never the token)
  --help               show this help
`;

export class UsageError extends Error {}

type Flag = 'port' | 'host' | 'token' | 'readonly-token' | 'seed' | 'servers' | 'action-ms' | 'rate-limit' | 'state' | 'api' | 'console-lifetime-ms';
const VALUE_FLAGS = new Set<Flag>(['port', 'host', 'token', 'readonly-token', 'seed', 'servers', 'action-ms', 'rate-limit', 'state', 'api', 'console-lifetime-ms']);

export interface CliOptions {
  help: boolean;
  verbose: boolean;
  sim: SimulatorOptions;
}

function integer(flag: string, text: string, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d+$/.test(text) || Number(text) > max) throw new UsageError(`--${flag} needs a whole number${max < Number.MAX_SAFE_INTEGER ? ` up to ${max}` : ''}, got '${text}'`);
  return Number(text);
}

/** Reads `--flag value` and `--flag=value` pairs into flag -> value. */
function readFlags(argv: string[]): { values: Map<Flag, string>; switches: Set<string> } {
  const values = new Map<Flag, string>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match) throw new UsageError(`unexpected argument '${argv[i]}'`);
    const [, name, inline] = match;
    if (name === 'help' || name === 'verbose') {
      switches.add(name);
      continue;
    }
    if (!VALUE_FLAGS.has(name as Flag)) throw new UsageError(`unknown option --${name}`);
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
    values.set(name as Flag, value);
  }
  return { values, switches };
}

export function parseArgs(argv: string[]): CliOptions {
  const { values, switches } = readFlags(argv);
  const seed = values.get('seed') ?? 'demo';
  if (seed !== 'demo' && seed !== 'empty') throw new UsageError(`--seed must be demo or empty, got '${seed}'`);
  const api = values.get('api') ?? '2026';
  if (api !== '2026' && api !== '2018') throw new UsageError(`--api must be 2026 or 2018, got '${api}'`);
  const token = values.get('token') ?? 'demo';
  if (!/^[\x21-\x7e]+$/.test(token)) throw new UsageError('--token must be printable ASCII without spaces');
  const readOnlyToken = values.get('readonly-token');
  if (readOnlyToken !== undefined && !/^[\x21-\x7e]+$/.test(readOnlyToken)) throw new UsageError('--readonly-token must be printable ASCII without spaces');
  if (readOnlyToken === token) throw new UsageError('--readonly-token must differ from --token');
  const num = (flag: Flag, fallback: number, max?: number) => (values.has(flag) ? integer(flag, values.get(flag) as string, max) : fallback);
  return {
    help: switches.has('help'),
    verbose: switches.has('verbose'),
    sim: {
      port: num('port', 0, 65535),
      host: values.get('host') ?? '127.0.0.1',
      token,
      ...(readOnlyToken !== undefined ? { readOnlyToken } : {}),
      seed,
      extraServers: num('servers', 0, 100_000),
      actionMs: num('action-ms', 3000),
      rateLimit: values.has('rate-limit') ? Math.max(1, num('rate-limit', 3600)) : 3600,
      statePath: values.get('state'),
      api,
      // Absent: the simulator's own default (60 s, like the API's console URL).
      ...(values.has('console-lifetime-ms') ? { consoleLifetimeMs: Math.max(1, num('console-lifetime-ms', 60_000)) } : {}),
    },
  };
}

export async function main(argv: string[]): Promise<void> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`sim: ${e.message}\nRun with --help for the options.\n`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  const onRequest = !options.verbose
    ? undefined
    : (r: { method: string; path: string; status: number }) => process.stdout.write(`${new Date().toISOString()} ${r.method} /v1${r.path} ${r.status}\n`);
  let sim;
  try {
    sim = await startSimulator({ ...options.sim, onRequest });
  } catch (e) {
    process.stderr.write(`sim: ${(e as Error).message}\n`);
    process.exit(1);
  }
  process.stdout.write(`listening on ${sim.url}\n`);
  const stop = () => {
    sim.close().then(
      () => process.exit(0),
      (e: Error) => {
        process.stderr.write(`sim: ${e.message}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) void main(process.argv.slice(2));
