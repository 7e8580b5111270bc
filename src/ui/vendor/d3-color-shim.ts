/**
 * Stands in for `d3-color` in the app's bundle (vite.config.ts aliases it here). React Flow pulls
 * it in through d3-zoom → d3-transition and d3-interpolate, where it serves only to interpolate
 * colours: a transition's `attr`/`style` towards a colour string, `interpolateRgb` and kin. React
 * Flow only ever interpolates its viewport, numbers (`interpolateZoom`, or `interpolate` of
 * `[x, y, k]` for a linear one), so d3-color's ~4 KB gzipped (its parser and the CSS colour
 * names table) were first-load weight for nothing (issue 11).
 *
 * `color` parses nothing: d3 then interpolates a string as a string (numbers inside it), which is
 * what it does for any non-colour. It is also what `value instanceof color` is tested against; no
 * value ever is one. The colour spaces throw if anything ever asks for them, saying why.
 */
export function color(_specifier: string): null {
  return null;
}

function notBundled(space: string): never {
  throw new Error(`d3-color's ${space} is not in the playground's bundle (src/ui/vendor/d3-color-shim.ts)`);
}

export const rgb = (): never => notBundled('rgb');
export const hsl = (): never => notBundled('hsl');
export const lab = (): never => notBundled('lab');
export const hcl = (): never => notBundled('hcl');
export const lch = (): never => notBundled('lch');
export const gray = (): never => notBundled('gray');
export const cubehelix = (): never => notBundled('cubehelix');
