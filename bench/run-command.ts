/**
 * Runs a reference program (a real BEAM node, its controller) and resolves with its stdout. A
 * program that cannot reach its nodes (epmd, a name in use...) must not hang the run: it is
 * killed after `timeoutMs`.
 */
import { spawn } from 'node:child_process';

export function runCommand(cmd: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const timer = setTimeout(() => {
      p.kill();
      reject(new Error(`${cmd} took longer than ${timeoutMs / 1000} s`));
    }, timeoutMs);
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${cmd} exited with ${code}: ${out}`));
    });
  });
}
