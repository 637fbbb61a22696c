/**
 * A QR code's dark modules as one SVG path, a rectangle per horizontal run, in module units:
 * one element instead of hundreds, and no HTML string to inject (uqr's own renderSVG would
 * need v-html). `modules[y][x]` is true for dark, as uqr's `encode` gives it.
 */
export function qrPath(modules: readonly (readonly boolean[])[]): string {
  const parts: string[] = [];
  modules.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      parts.push(`M${start} ${y}h${x - start}v1h-${x - start}z`);
    }
  });
  return parts.join('');
}
