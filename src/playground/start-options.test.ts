import { describe, expect, it } from 'vitest';
import { distributionStart, startOptionsFromArgs, startOptionsFromUrl } from './start-options.ts';

const url = (search: string) => startOptionsFromUrl(new URLSearchParams(search), 'vm');
const argv = (line: string) => startOptionsFromArgs(line === '' ? [] : line.split(' '), 'vm');

describe('start options: the terminal\'s flags and the tab\'s URL give the same options', () => {
  const same: [string, string, ReturnType<typeof url>][] = [
    ['', '', { node: null, cookie: null, hidden: false }],
    ['--sname one', '?sname=one', { node: 'one@vm', cookie: null, hidden: false }],
    ['--sname one --cookie chocolate-chip-1', '?sname=one&cookie=chocolate-chip-1', { node: 'one@vm', cookie: 'chocolate-chip-1', hidden: false }],
    ['--name wibble@light-boy.local', '?name=wibble@light-boy.local', { node: 'wibble@light-boy.local', cookie: null, hidden: false }],
    ['--sname h --hidden', '?sname=h&hidden', { node: 'h@vm', cookie: null, hidden: true }],
    ['--sname two@lab', '?sname=two@lab', { node: 'two@lab', cookie: null, hidden: false }],
    ['--sname s --connect-all false', '?sname=s&connect_all=false', { node: 's@vm', cookie: null, hidden: false, connectAll: false }],
    ['--sname s --connect_all false', '?connect_all=false&sname=s', { node: 's@vm', cookie: null, hidden: false, connectAll: false }],
    ['--sname s --connect-all true', '?sname=s&connect_all=true', { node: 's@vm', cookie: null, hidden: false }],
  ];
  for (const [flags, search, expected] of same) {
    it(`${flags || '(no flags)'} = ${search || '(no query)'}`, () => {
      expect(argv(flags)).toEqual(expected);
      expect(url(search)).toEqual(expected);
    });
  }
});

describe('start options from a URL', () => {
  it('takes the host from host= (the tab plays a machine), else the profile\'s', () => {
    expect(url('?sname=one&host=lab').node).toBe('one@lab');
    expect(startOptionsFromUrl(new URLSearchParams('?sname=two'), 'amber-fox').node).toBe('two@amber-fox');
  });
  it('prefers name= to sname=, and ignores empty values and the page\'s own parameters', () => {
    expect(url('?name=a@x&sname=b').node).toBe('a@x');
    expect(url('?sname=b&name=a@x').node).toBe('a@x');
    expect(url('?sname=&cookie=&cluster&ticktime=4&connect_all=')).toEqual({ node: null, cookie: null, hidden: false });
  });
});

describe('start options from iex\'s flags', () => {
  it('rejects unknown flags and a flag without its value', () => {
    expect(() => argv('--snam x')).toThrow('unknown option --snam');
    expect(() => argv('one')).toThrow('unknown option one');
    expect(() => argv('--sname')).toThrow('--sname : missing argument');
    expect(() => argv('--sname x --connect-all')).toThrow('--connect-all : missing argument');
  });
  it('reads -connect_all as global.erl does: only `false` turns it off, and the first one given counts', () => {
    // Checked on OTP 25: `erl -connect_all foo` meshes; `-connect_all false -connect_all true` does not.
    expect(argv('--sname x --connect-all no')).toEqual(argv('--sname x'));
    expect(argv('--sname x --connect-all false --connect-all true').connectAll).toBe(false);
    expect(argv('--sname x --connect-all true --connect-all false')).toEqual(argv('--sname x'));
  });
  it('gives goAlive the options it asks of distribution, nothing when defaults', () => {
    expect(distributionStart(argv('--sname x'))).toEqual({});
    expect(distributionStart(argv('--sname x --hidden --connect-all false'))).toEqual({ hidden: true, connectAll: false });
  });
  it('takes a long host part for ?name= without one (a --beam server\'s --host), and ?host= for both', () => {
    expect(startOptionsFromUrl(new URLSearchParams('?name=one'), 'vm', 'vm.lan').node).toBe('one@vm.lan');
    expect(startOptionsFromUrl(new URLSearchParams('?sname=one'), 'vm', 'vm.lan').node).toBe('one@vm');
    expect(startOptionsFromUrl(new URLSearchParams('?name=one&host=lab'), 'vm', 'vm.lan').node).toBe('one@lab');
  });
});
