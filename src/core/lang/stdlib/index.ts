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
import { EXCEPTIONS_PRELUDE, structBifs } from './structs.ts';
import { protocolBifs } from './protocols.ts';
import { INSPECT_PRELUDE, inspectProtocolBifs } from './inspect-protocol.ts';
import { COLLECTABLE_PRELUDE, collectableBifs, ENUMERABLE_PRELUDE, enumerableProtocolBifs, intoStructs } from './enumerable-protocol.ts';
import { binaryBifs, erlangBitsBifs } from './binary.ts';
import { REGEX_PRELUDE, regexBifs, regexControlBifs, regexMatchBifs } from './regex.ts';
import { ENUM_PRELUDE } from './prelude/enum.ts';
import { COLLECTIONS_PRELUDE } from './prelude/collections.ts';
import { STREAM_PRELUDE } from './prelude/stream.ts';
import { TIMER_PRELUDE } from './prelude/timer.ts';
import { acceptingStreams, streamBifs } from './lazy.ts';
import { integerMoreBifs, stringMoreBifs, stringWalkBifs } from './string-more.ts';
import { floatMoreBifs } from './float-more.ts';
import { md5Bifs } from './md5.ts';
import { ioDataBifs } from './io-data.ts';
import { bitwiseBifs, erlangBitwiseBifs } from './bitwise.ts';
import { systemTimeBifs } from './system-time.ts';
import { CALENDAR_PRELUDE, calendarBifs } from './calendar.ts';
import { MAP_SET_PRELUDE } from './prelude/map-set.ts';
import { myersBifs } from './myers-difference.ts';
import { systemInfoBifs } from './system-info.ts';

export const stdlibModules: readonly BuiltinModule[] = [
  { name: 'enum', bifs: acceptingStreams(enumBifs), prelude: ENUM_PRELUDE },
  { name: 'stdlib_native', bifs: nativeBifs },
  { name: 'lists', bifs: [...listsBifs, ...listsHigherOrderBifs] },
  { name: 'maps', bifs: mapsBifs },
  { name: 'list', bifs: listBifs },
  { name: 'map', bifs: [...mapBifs, ...acceptingStreams(mapWalkBifs, ['new/1'])] },
  { name: 'tuple', bifs: tupleBifs },
  { name: 'atom', bifs: atomBifs },
  { name: 'keyword', bifs: keywordBifs },
  { name: 'string', bifs: [...stringBifs, ...stringMoreBifs, ...stringWalkBifs, ...stringControlBifs] },
  { name: 'integer', bifs: [...integerBifs, ...integerMoreBifs] },
  { name: 'float', bifs: [...floatBifs, ...floatMoreBifs] },
  { name: 'erlang', bifs: erlangBifs },
  { name: 'md5', bifs: md5Bifs },
  { name: 'io_data', bifs: ioDataBifs },
  { name: 'bitwise', bifs: [...erlangBitwiseBifs, ...bitwiseBifs] },
  { name: 'system_time', bifs: systemTimeBifs },
  { name: 'system_info', bifs: systemInfoBifs },
  { name: 'kernel', bifs: [...kernelBifs, ...thenBifs] },
  { name: 'access', bifs: accessBifs },
  { name: 'range', bifs: rangeBifs },
  { name: 'exception', bifs: exceptionBifs },
  { name: 'structs', bifs: structBifs, prelude: EXCEPTIONS_PRELUDE },
  { name: 'protocols', bifs: protocolBifs },
  { name: 'inspect_protocol', bifs: inspectProtocolBifs, prelude: INSPECT_PRELUDE },
  // Enum.into/2 again, collecting into a struct through its Collectable implementation.
  { name: 'enumerable_protocol', bifs: [...intoStructs(acceptingStreams(enumBifs)), ...enumerableProtocolBifs], prelude: ENUMERABLE_PRELUDE },
  { name: 'collectable_protocol', bifs: collectableBifs, prelude: COLLECTABLE_PRELUDE },
  { name: 'binary', bifs: [...binaryBifs, ...erlangBitsBifs] },
  { name: 'regex', bifs: [...regexBifs, ...regexControlBifs, ...regexMatchBifs], prelude: REGEX_PRELUDE },
  // Map, List and Keyword functions that take funs (they call the BIFs above).
  { name: 'collections', bifs: [], prelude: COLLECTIONS_PRELUDE },
  // Lazy enumerables; Enum's BIFs hand streams to Stream.__enum__/3 (lazy.ts).
  { name: 'stream', bifs: streamBifs, prelude: STREAM_PRELUDE },
  { name: 'timer', bifs: [], prelude: TIMER_PRELUDE },
  { name: 'calendar', bifs: calendarBifs, prelude: CALENDAR_PRELUDE },
  { name: 'map_set', bifs: [], prelude: MAP_SET_PRELUDE },
  { name: 'myers_difference', bifs: myersBifs },
];
