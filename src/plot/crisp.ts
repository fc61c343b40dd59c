/**
 * Pixel snapping for crisp hairlines. A line `width` CSS px wide is width x dpr device
 * pixels wide; it covers whole device pixels when its centre sits on a pixel boundary
 * (even device width) or a pixel centre (odd device width). `crisp` moves a CSS
 * coordinate to the nearest such position.
 */
export function crisp(v: number, dpr: number, width: number): number {
  const deviceWidth = Math.max(1, Math.round(width * dpr));
  const shift = deviceWidth % 2 === 1 ? 0.5 : 0;
  return (Math.round(v * dpr - shift) + shift) / dpr;
}
