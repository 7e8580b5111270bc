/**
 * The standard modules: importing this file registers every stdlib BIF and prelude source
 * (side effects of each module below). The VM imports it once.
 */
import './enum.ts';
import './native.ts';
import './lists.ts';
import './list.ts';
import './map.ts';
import './tuple.ts';
import './keyword.ts';
import './string.ts';
import './numbers.ts';
import './erlang.ts';
import './kernel.ts';
import './exception.ts';
import './prelude/enum.ts';
import './prelude/collections.ts';
