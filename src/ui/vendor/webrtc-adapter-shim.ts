/**
 * Stands in for `webrtc-adapter` in the app's bundle (vite.config.ts aliases it here). PeerJS
 * imports the adapter only to read `browserDetails` (its `util.browser`, `supports.browser`): the
 * adapter's shims patch browsers older than the ones the playground needs (Chrome > 102 and Firefox
 * ≥ 113 get no patch from it), and it costs the first load ~12 KB gzipped with `sdp`.
 * The detection is webrtc-adapter 9's `detectBrowser`, in the same order.
 */
export interface BrowserDetails {
  browser: string;
  version: number | null;
}

interface NavigatorLike {
  userAgent: string;
  userAgentData?: { brands?: { brand: string; version: string }[] };
  mozGetUserMedia?: unknown;
  webkitGetUserMedia?: unknown;
}

interface WindowLike {
  navigator?: NavigatorLike;
  isSecureContext?: boolean;
  webkitRTCPeerConnection?: unknown;
  RTCPeerConnection?: unknown;
}

const versionIn = (ua: string, pattern: RegExp, group: number): number | null => {
  const found = ua.match(pattern)?.[group];
  return found === undefined ? null : parseInt(found, 10);
};

export function detectBrowser(win: WindowLike | undefined): BrowserDetails {
  const nav = win?.navigator;
  if (nav === undefined || !nav.userAgent) return { browser: 'Not a browser.', version: null };
  const chromium = nav.userAgentData?.brands?.find((b) => b.brand === 'Chromium');
  // navigator.userAgentData came with Chromium 90: a lower version there is not to be trusted.
  if (chromium !== undefined && parseInt(chromium.version, 10) >= 90) return { browser: 'chrome', version: parseInt(chromium.version, 10) };
  const ua = nav.userAgent;
  if (nav.mozGetUserMedia) return { browser: 'firefox', version: versionIn(ua, /Firefox\/(\d+)\./, 1) };
  if (nav.webkitGetUserMedia || (win?.isSecureContext === false && win.webkitRTCPeerConnection)) {
    return { browser: 'chrome', version: versionIn(ua, /Chrom(e|ium)\/(\d+)\./, 2) };
  }
  if (win?.RTCPeerConnection && /AppleWebKit\/(\d+)\./.test(ua)) return { browser: 'safari', version: versionIn(ua, /AppleWebKit\/(\d+)\./, 1) };
  return { browser: 'Not a supported browser.', version: null };
}

const browserDetails = detectBrowser(typeof window === 'undefined' ? undefined : (window as unknown as WindowLike));

export default { browserDetails };
