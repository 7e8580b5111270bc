/**
 * What a call runs, for the machine (vm.ts): the code of a fun (`f.(args)`), of a remote call
 * site (`Mod.f(args)`, resolved against the node's module table and cached on the site for the
 * table's generation), and a one-instruction shim that lets a process start at a BIF.
 */
import { Fun, Tuple, atom, list, type Atom, type Term } from '../term/types.ts';
import type { Bif } from './builtins.ts';
import { ElixirThrow, exception } from './errors.ts';
import { undefinedFunction, type ModuleRegistry } from './modules.ts';
import { FnCode, FnTemplate, Instr, OP_CALL_BIF, type RemoteSite } from './vm-code.ts';
import { VmError } from './vm-errors.ts';
import type { Machine } from './vm.ts';

const BADFUN = atom('badfun');
const BADARITY = atom('badarity');
/** Where a local call that is not a function of the module goes, in order. */
const IMPORTS: readonly Atom[] = [atom('Elixir.Kernel'), atom('Elixir.IEx.Helpers')];

/** The code to run for `fun.(args)`: an FnCode (closure or module function) or a BIF. */
export function funTarget(modules: ModuleRegistry, f: Term, args: readonly Term[]): FnCode | Bif {
  if (!(f instanceof Fun)) throw new VmError('error', new Tuple([BADFUN, f]), null);
  if (f.arity !== args.length) throw new VmError('error', new Tuple([BADARITY, new Tuple([f, list(args)])]), null);
  const code = f.code;
  if (code instanceof FnTemplate) return code.code;
  if (f.info.type === 'export') return modules.resolve(f.info.module, f.info.name, f.arity, args);
  throw new VmError('error', new Tuple([BADFUN, f]), null);
}

/** The code a remote call site runs now (its module may be an expression of the frame at `bp`). */
export function remoteTarget(m: Machine, site: RemoteSite, r: Term[], bp: number): FnCode | Bif | Atom {
  const reg = m.node.modules;
  let module = site.module;
  if (module === null && site.modEv !== null) {
    const mv = site.modEv(r, bp, m);
    if (typeof mv !== 'object' || mv.kind !== 'atom') throw new VmError('error', atom('badarg'), null);
    module = mv;
  }
  if (site.cacheGen === reg.generation && site.cacheModule === module) {
    return (site.cacheFn ?? site.cacheBif) as FnCode | Bif;
  }
  let found: FnCode | Bif | undefined;
  if (module === null) {
    for (const im of IMPORTS) {
      found = reg.find(im, site.name, site.arity);
      if (found !== undefined) break;
    }
    if (found === undefined) {
      throw new ElixirThrow('error', exception('CompileError', `undefined function ${site.name.name}/${site.arity} (there is no such import)`));
    }
  } else {
    found = reg.find(module, site.name, site.arity);
    // Raised by the caller once the arguments are known: BEAM's `{Mod, :f, args, []}` tops the trace.
    if (found === undefined) return module;
  }
  site.cacheGen = reg.generation;
  site.cacheModule = module;
  if (found instanceof FnCode) {
    site.cacheFn = found;
    site.cacheBif = null;
  } else {
    site.cacheFn = null;
    site.cacheBif = found;
  }
  return found;
}

/** The UndefinedFunctionError of a remote call remoteTarget found no function for. */
export function undefinedRemote(m: Machine, module: Atom, site: RemoteSite, args: readonly Term[]): never {
  undefinedFunction(module, site.name, site.arity, args);
}

/** A one-instruction function that calls a BIF: lets a process start directly at a BIF. */
export function bifShim(bif: Bif): FnCode {
  const code = new FnCode(bif.module, bif.name, bif.arity);
  code.nslots = bif.arity;
  const evs = [];
  for (let i = 0; i < bif.arity; i++) {
    const k = i;
    evs.push((r: Term[], b: number) => r[b + k] as Term);
  }
  const call = new Instr(OP_CALL_BIF, null);
  call.c = 1;
  call.evs = evs;
  call.x = bif;
  code.instrs.push(call);
  return code;
}
