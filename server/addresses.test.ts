import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { isLoopback, urlsToOpen } from './addresses.ts';

const iface = (address: string, family: 'IPv4' | 'IPv6', internal: boolean) => ({ address, family, internal }) as NetworkInterfaceInfo;

describe('the URLs npm start prints', () => {
  const interfaces = {
    lo: [iface('127.0.0.1', 'IPv4', true), iface('::1', 'IPv6', true)],
    eth0: [iface('192.168.1.20', 'IPv4', false), iface('fe80::1', 'IPv6', false)],
    wlan0: [iface('10.0.0.7', 'IPv4', false)],
  };
  it('with --host 0.0.0.0: one per LAN (non-internal IPv4) address', () => {
    expect(urlsToOpen('0.0.0.0', 8080, interfaces)).toEqual(['http://192.168.1.20:8080/', 'http://10.0.0.7:8080/']);
  });
  it('with no LAN address: localhost', () => {
    expect(urlsToOpen('0.0.0.0', 8080, { lo: interfaces.lo })).toEqual(['http://localhost:8080/']);
  });
  it('with a named host: that host', () => {
    expect(urlsToOpen('localhost', 5173, interfaces)).toEqual(['http://localhost:5173/']);
    expect(urlsToOpen('::1', 5173, interfaces)).toEqual(['http://[::1]:5173/']);
  });
  it('knows loopback addresses', () => {
    expect([isLoopback('127.0.0.1'), isLoopback('::1'), isLoopback('192.168.1.20')]).toEqual([true, true, false]);
  });
});
