/**
 * OTP for Elixir code: GenServer, :sys, Supervisor, DynamicSupervisor, Agent, Task,
 * Task.Supervisor and Registry, written in Elixir as OTP and Elixir write them (the preludes
 * here), over a few TS BIFs (native.ts). `use GenServer` and friends: compiler-use.ts.
 */
import type { BuiltinModule } from '../builtins.ts';
import { otpNativeBifs } from './native.ts';
import { genRequestBifs } from './gen-request.ts';
import { GEN_SERVER_PRELUDE } from './gen-server.ts';
import { AGENT_TASK_PRELUDE } from './agent-task.ts';
import { SUPERVISOR_PRELUDE } from './supervisor.ts';
import { REGISTRY_PRELUDE } from './registry.ts';
import { CRASH_TEXT_PRELUDE } from '../user-exception.ts';
import { LOGGER_PRELUDE } from './logger.ts';

export const otpModules: readonly BuiltinModule[] = [
  { name: 'otp', bifs: [...otpNativeBifs, ...genRequestBifs], prelude: GEN_SERVER_PRELUDE },
  { name: 'agent_task', bifs: [], prelude: AGENT_TASK_PRELUDE },
  { name: 'supervisor', bifs: [], prelude: SUPERVISOR_PRELUDE },
  { name: 'registry', bifs: [], prelude: REGISTRY_PRELUDE },
  { name: 'crash_text', bifs: [], prelude: CRASH_TEXT_PRELUDE },
  { name: 'logger', bifs: [], prelude: LOGGER_PRELUDE },
];
