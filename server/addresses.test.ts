import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { isLoopback, limitKey, urlsToOpen } from './addresses.ts';

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

describe('what the per-address limits count by', () => {
  it('an IPv4 address, or loopback, by itself', () => {
    expect([limitKey('192.168.1.20'), limitKey('127.0.0.1'), limitKey('::1')]).toEqual(['192.168.1.20', '127.0.0.1', '::1']);
  });
  it('an IPv6 address by its /64, however it is written', () => {
    const one = ['2001:db8:1:2::5', '2001:0DB8:0001:0002:ffff:1:2:3', '2001:db8:1:2:a::', 'fe80::1%eth0'.replace('fe80::', '2001:db8:1:2::')];
    expect(new Set(one.map(limitKey))).toEqual(new Set(['2001:db8:1:2::/64']));
    expect(limitKey('2001:db8:1:3::5')).toBe('2001:db8:1:3::/64');
    expect(limitKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(limitKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
  });
});
