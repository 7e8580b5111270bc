import { describe, expect, it } from 'vitest';
import { startOptionsFromArgs, startOptionsFromUrl } from './start-options.ts';

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
    expect(url('?sname=&cookie=&cluster&ticktime=4')).toEqual({ node: null, cookie: null, hidden: false });
  });
});

describe('start options from iex\'s flags', () => {
  it('rejects unknown flags and a flag without its value', () => {
    expect(() => argv('--snam x')).toThrow('unknown option --snam');
    expect(() => argv('one')).toThrow('unknown option one');
    expect(() => argv('--sname')).toThrow('--sname : missing argument');
  });
});
