/**
 * Command-line flags of `npm start`: --host and --port as `vite` takes them, --cors,
 * --max-per-address (README: the signalling server), and --beam (the gateway for real BEAM nodes:
 * README, "A real node joins the class").
 */
import { DEFAULT_MAX_PER_ADDRESS } from './names.ts';

export interface ServerArgs {
  host: string;
  port: number;
  /** Let pages of other origins use the signalling server (off: only pages this server served). */
  cors: boolean;
  /** Signalling connections one remote address may hold. */
  maxPerAddress: number;
  /** Play EPMD for the tabs on this machine's host name and relay real nodes' TCP to them (beam-gateway.ts). */
  beam: boolean;
}

const KNOWN = '--host, --port, --cors, --max-per-address, --beam';

export function parseServerArgs(argv: readonly string[]): ServerArgs {
  const args: ServerArgs = { host: 'localhost', port: 5173, cors: false, maxPerAddress: DEFAULT_MAX_PER_ADDRESS, beam: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    if (flag === '--cors' || flag === '--beam') {
      args[flag === '--cors' ? 'cors' : 'beam'] = true;
      continue;
    }
    if (flag !== '--host' && flag !== '--port' && flag !== '--max-per-address') throw new Error(`unknown flag: ${flag} (known: ${KNOWN})`);
    const value = argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--host') args.host = value;
    else if (flag === '--port') args.port = integer(flag, value, 0, 65535);
    else args.maxPerAddress = integer(flag, value, 1, Number.MAX_SAFE_INTEGER);
  }
  return args;
}

function integer(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new Error(`bad ${flag}: ${value}`);
  return n;
}
