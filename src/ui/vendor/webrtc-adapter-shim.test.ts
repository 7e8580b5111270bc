import { describe, expect, it } from 'vitest';
import { detectBrowser } from './webrtc-adapter-shim.ts';

// User agents as the browsers send them; what webrtc-adapter 9's detectBrowser answers for each.
const CHROME_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const FIREFOX_UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const SAFARI_UA = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';

describe('the webrtc-adapter stand-in', () => {
  it('names Chromium by its userAgentData brand', () => {
    const win = { navigator: { userAgent: CHROME_UA, userAgentData: { brands: [{ brand: 'Not A Brand', version: '8' }, { brand: 'Chromium', version: '131' }] } } };
    expect(detectBrowser(win)).toEqual({ browser: 'chrome', version: 131 });
  });

  it('falls back to the user agent for Chrome without userAgentData', () => {
    expect(detectBrowser({ navigator: { userAgent: CHROME_UA, webkitGetUserMedia: () => undefined } })).toEqual({ browser: 'chrome', version: 131 });
    expect(detectBrowser({ navigator: { userAgent: CHROME_UA }, isSecureContext: false, webkitRTCPeerConnection: class {} })).toEqual({ browser: 'chrome', version: 131 });
  });

  it('names Firefox and Safari with their versions', () => {
    expect(detectBrowser({ navigator: { userAgent: FIREFOX_UA, mozGetUserMedia: () => undefined } })).toEqual({ browser: 'firefox', version: 128 });
    expect(detectBrowser({ navigator: { userAgent: SAFARI_UA }, RTCPeerConnection: class {} })).toEqual({ browser: 'safari', version: 605 });
  });

  it('says when it is not a browser, or not one WebRTC is known in', () => {
    expect(detectBrowser(undefined).browser).toBe('Not a browser.');
    expect(detectBrowser({ navigator: { userAgent: 'curl/8.0' } }).browser).toBe('Not a supported browser.');
  });
});
