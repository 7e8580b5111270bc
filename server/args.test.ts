import { describe, expect, it } from 'vitest';
import { parseServerArgs } from './args.ts';

describe('npm start flags', () => {
  it('defaults to localhost:5173', () => {
    expect(parseServerArgs([])).toEqual({ host: 'localhost', port: 5173 });
  });
  it('takes --host 0.0.0.0 --port 8080 for a classroom', () => {
    expect(parseServerArgs(['--host', '0.0.0.0', '--port', '8080'])).toEqual({ host: '0.0.0.0', port: 8080 });
  });
  it('rejects bad flags with a clear message', () => {
    expect(() => parseServerArgs(['--port', 'x'])).toThrow('bad --port: x');
    expect(() => parseServerArgs(['--hots', 'a'])).toThrow('unknown flag: --hots');
    expect(() => parseServerArgs(['--host'])).toThrow('--host needs a value');
  });
});
