/** The atoms every :global message carries: its tag and the name server's registered name. */
import { atom } from '../../core/term/types.ts';

export const GLOBAL = atom('$global');
export const NAME_SERVER = atom('global_name_server');
