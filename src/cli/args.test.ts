import { describe, expect, it } from 'vitest';
import { parseIexArgs } from './args.ts';

describe('iex flags', () => {
  it('takes --sname and --cookie', () => {
    expect(parseIexArgs(['--sname', 'one', '--cookie', 'chocolate-chip-1'], 'vm')).toEqual({ node: 'one@vm', cookie: 'chocolate-chip-1' });
  });
  it('is unnamed without flags', () => {
    expect(parseIexArgs([], 'vm')).toEqual({ node: null, cookie: null });
  });
  it('takes --name with a host', () => {
    expect(parseIexArgs(['--name', 'wibble@light-boy.local'], 'vm').node).toBe('wibble@light-boy.local');
  });
  it('takes --hidden', () => {
    expect(parseIexArgs(['--sname', 'h', '--hidden'], 'vm')).toEqual({ node: 'h@vm', cookie: null, hidden: true });
  });
  it('rejects unknown flags', () => {
    expect(() => parseIexArgs(['--snam', 'x'], 'vm')).toThrow('unknown option --snam');
    expect(() => parseIexArgs(['--sname'], 'vm')).toThrow('--sname : missing argument');
  });
});
