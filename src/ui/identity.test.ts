import { describe, expect, it } from 'vitest';
import { identityFromUrl, machineDefaults } from './identity.ts';

const machine = { host: 'amber-fox', cookie: 'ABCDEFGHIJKLMNOPQRST' };

describe('identity from the URL', () => {
  it('takes sname and host like iex --sname', () => {
    expect(identityFromUrl('?sname=one&host=lab', machine)).toMatchObject({ node: 'one@lab', alive: true, cookie: machine.cookie, hidden: false });
  });
  it('uses the profile host when the URL has none', () => {
    expect(identityFromUrl('?sname=two', machine).node).toBe('two@amber-fox');
  });
  it('is nonode@nohost without a name', () => {
    expect(identityFromUrl('', machine)).toMatchObject({ node: 'nonode@nohost', alive: false, cookie: machine.cookie });
    expect(identityFromUrl('', machine).start).toEqual({ node: null, cookie: null, hidden: false });
  });
  it('takes name= (long names) and a cookie', () => {
    expect(identityFromUrl('?name=wibble@light-boy.local&cookie=chocolate-chip-1', machine)).toMatchObject({
      node: 'wibble@light-boy.local',
      alive: true,
      cookie: 'chocolate-chip-1',
    });
  });
  it('takes hidden like iex --hidden', () => {
    expect(identityFromUrl('?sname=h&hidden', machine)).toMatchObject({ node: 'h@amber-fox', alive: true, hidden: true });
  });
});

describe('machine defaults', () => {
  it('are made once and kept', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const first = machineDefaults(storage, () => 0.5);
    expect(first.host).toMatch(/^[a-z]+-[a-z]+$/);
    expect(first.cookie).toMatch(/^[A-Z]{20}$/);
    expect(machineDefaults(storage, () => 0.1)).toEqual(first);
  });
});
