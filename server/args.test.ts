import { describe, expect, it } from 'vitest';
import { parseServerArgs } from './args.ts';

describe('npm start flags', () => {
  it('defaults to localhost:5173, no CORS, 50 connections per address', () => {
    expect(parseServerArgs([])).toEqual({ host: 'localhost', port: 5173, cors: false, maxPerAddress: 50, beam: false });
  });
  it('takes --host 0.0.0.0 --port 8080 for a classroom, and --cors and --max-per-address', () => {
    expect(parseServerArgs(['--host', '0.0.0.0', '--port', '8080', '--cors', '--max-per-address', '200'])).toEqual({
      host: '0.0.0.0',
      port: 8080,
      cors: true,
      maxPerAddress: 200,
      beam: false,
    });
  });
  it('takes --beam for the gateway to real BEAM nodes', () => {
    expect(parseServerArgs(['--beam']).beam).toBe(true);
  });
  it('rejects bad flags with a clear message', () => {
    expect(() => parseServerArgs(['--port', 'x'])).toThrow('bad --port: x');
    expect(() => parseServerArgs(['--port', '1e3'])).toThrow('bad --port: 1e3');
    expect(() => parseServerArgs(['--max-per-address', '0'])).toThrow('bad --max-per-address: 0');
    expect(() => parseServerArgs(['--hots', 'a'])).toThrow('unknown flag: --hots');
    expect(() => parseServerArgs(['--host'])).toThrow('--host needs a value');
  });
});
