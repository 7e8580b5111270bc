/**
 * The host parts the gateway serves, as BEAM spells them: a short name's is `hostname -s` (the
 * machine's name up to its first dot), a long name's the `--host` name or address (or the whole
 * host name when --host is a loopback or wildcard address, which no other machine can use).
 */
export interface BeamHosts {
  /** `one@vm` for `?sname=one` on a machine called vm. */
  readonly short: string;
  /** `one@vm.lan` (or `one@192.168.1.10`) for `?name=one`. */
  readonly long: string;
}

const NOT_A_NAME = new Set(['localhost', '0.0.0.0', '::', '::1', '127.0.0.1']);

export function beamHosts(listenHost: string, machineHostname: string): BeamHosts {
  const short = machineHostname.split('.')[0] || machineHostname;
  return { short, long: NOT_A_NAME.has(listenHost) ? machineHostname : listenHost };
}

/** The `<meta>` a page served in --beam mode carries: the tab takes its default host part from it (ui/beam-page.ts). */
export function beamMeta(hosts: BeamHosts): string {
  return `<meta name="playground-beam" content="${escapeAttr(hosts.short)}" data-long="${escapeAttr(hosts.long)}">`;
}

/** index.html with the beam `<meta>` in its head. */
export function withBeamMeta(html: string, hosts: BeamHosts): string {
  const at = /<head[^>]*>/i.exec(html) ?? /<!doctype[^>]*>/i.exec(html);
  const end = at === null ? 0 : at.index + at[0].length;
  return `${html.slice(0, end)}${beamMeta(hosts)}${html.slice(end)}`;
}

function escapeAttr(s: string): string {
  return s.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}
