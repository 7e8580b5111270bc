/**
 * Starting the machine's EPMD when none runs, as `erl -sname` does (erlexec runs `epmd -daemon`):
 * the daemon outlives this process and serves every node of the machine. False when Erlang's
 * `epmd` is not installed.
 */
import { execFile } from 'node:child_process';

export function startEpmd(port?: number): Promise<boolean> {
  const args = ['-daemon', ...(port !== undefined ? ['-port', String(port)] : [])];
  return new Promise((resolve) => execFile('epmd', args, { timeout: 10_000 }, (err) => resolve(err === null)));
}
