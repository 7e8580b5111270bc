import { describe, expect, it } from 'vitest';
import { atom, str } from '../term/types.ts';
import { mapFromPairs } from '../term/map.ts';
import { astToTerm, termToAst } from './ast-terms.ts';

describe('code received as a term (a fun from a peer)', () => {
  it('keeps a :__proto__ key as a plain field: the object keeps its prototype', () => {
    const payload = mapFromPairs([
      [atom('kind'), str('atom')],
      [atom('__proto__'), mapFromPairs([[atom('polluted'), atom('true')]])],
      [atom('constructor'), str('x')],
    ]);
    const ast = termToAst(payload) as Record<string, unknown>;
    expect(Object.getPrototypeOf(ast)).toBe(Object.prototype);
    expect(Object.hasOwn(ast, '__proto__')).toBe(true);
    expect(ast.constructor).toBe('x');
    expect((ast as { polluted?: unknown }).polluted).toBeUndefined();
    expect(astToTerm(ast)).toEqual(payload); // and it round-trips
  });
});
