/**
 * The standard modules: importing this file registers every stdlib BIF and prelude source
 * (side effects of each module below). The VM imports it once.
 */
import './enum.ts';
import './native.ts';
import './lists.ts';
import './prelude/enum.ts';
