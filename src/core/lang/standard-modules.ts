/**
 * The built-in modules every Elixir node has: Kernel and :erlang basics, processes, IO, and the
 * standard library. A node is assembled from these plus whatever its front end adds (the shell's
 * IEx.Helpers, distribution's Node and :global: see playground/node.ts). Later modules in a list
 * replace earlier BIFs of the same name, so keep this order.
 */
import type { BuiltinModule } from './builtins.ts';
import { kernelModule } from './bifs-kernel.ts';
import { listOpsModule } from './stdlib/list-ops.ts';
import { processModule } from './bifs-process.ts';
import { ioModule } from './bifs-io.ts';
import { stdlibModules } from './stdlib/index.ts';
import { otpModules } from './otp/index.ts';

export const standardModules: readonly BuiltinModule[] = [kernelModule, listOpsModule, processModule, ioModule, ...stdlibModules, ...otpModules];
