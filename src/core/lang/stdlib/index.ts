/**
 * The standard modules (Enum, Map, List, String, :lists, :erlang...): their TS BIFs and the
 * Elixir prelude that completes them, as modules a node is assembled from (builtins.ts).
 * Importing this file registers nothing.
 */
import type { BuiltinModule } from '../builtins.ts';
import { enumBifs } from './enum.ts';
import { nativeBifs } from './native.ts';
import { listsBifs, listsHigherOrderBifs, mapsBifs } from './lists.ts';
import { listBifs } from './list.ts';
import { mapBifs, mapWalkBifs } from './map.ts';
import { atomBifs, tupleBifs } from './tuple.ts';
import { keywordBifs } from './keyword.ts';
import { stringBifs, stringControlBifs } from './string.ts';
import { floatBifs, integerBifs } from './numbers.ts';
import { erlangBifs } from './erlang.ts';
import { accessBifs, kernelBifs, rangeBifs, thenBifs } from './kernel.ts';
import { exceptionBifs } from './exception.ts';
import { binaryBifs, erlangBitsBifs } from './binary.ts';
import { REGEX_PRELUDE, regexBifs, regexControlBifs } from './regex.ts';
import { ENUM_PRELUDE } from './prelude/enum.ts';
import { COLLECTIONS_PRELUDE } from './prelude/collections.ts';

export const stdlibModules: readonly BuiltinModule[] = [
  { name: 'enum', bifs: enumBifs, prelude: ENUM_PRELUDE },
  { name: 'stdlib_native', bifs: nativeBifs },
  { name: 'lists', bifs: [...listsBifs, ...listsHigherOrderBifs] },
  { name: 'maps', bifs: mapsBifs },
  { name: 'list', bifs: listBifs },
  { name: 'map', bifs: [...mapBifs, ...mapWalkBifs] },
  { name: 'tuple', bifs: tupleBifs },
  { name: 'atom', bifs: atomBifs },
  { name: 'keyword', bifs: keywordBifs },
  { name: 'string', bifs: [...stringBifs, ...stringControlBifs] },
  { name: 'integer', bifs: integerBifs },
  { name: 'float', bifs: floatBifs },
  { name: 'erlang', bifs: erlangBifs },
  { name: 'kernel', bifs: [...kernelBifs, ...thenBifs] },
  { name: 'access', bifs: accessBifs },
  { name: 'range', bifs: rangeBifs },
  { name: 'exception', bifs: exceptionBifs },
  { name: 'binary', bifs: [...binaryBifs, ...erlangBitsBifs] },
  { name: 'regex', bifs: [...regexBifs, ...regexControlBifs], prelude: REGEX_PRELUDE },
  // Map, List and Keyword functions that take funs (they call the BIFs above).
  { name: 'collections', bifs: [], prelude: COLLECTIONS_PRELUDE },
];
