/**
 * The charting library the report inlines. The report must open with no network, so the
 * library's UMD build is read from node_modules at render time and embedded in the page rather
 * than referenced from a CDN.
 */

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The library's source, ready to inline, and its version (named in the page). */
export interface ChartLibrary {
  name: string;
  version: string;
  source: string;
}

/**
 * Reads Chart.js's minified UMD build (which defines `window.Chart`). The package's `exports`
 * map does not expose the UMD file, so it is found next to the package's resolved entry point.
 * The trailing source-map comment is dropped: the map is not shipped, and DevTools would try to
 * fetch it.
 */
export async function readChartLibrary(): Promise<ChartLibrary> {
  const require = createRequire(import.meta.url);
  const dist = dirname(require.resolve('chart.js'));
  const [source, pkg] = await Promise.all([
    readFile(join(dist, 'chart.umd.min.js'), 'utf8'),
    readFile(join(dist, '..', 'package.json'), 'utf8'),
  ]);
  return {
    name: 'Chart.js',
    version: String((JSON.parse(pkg) as { version?: string }).version ?? 'unknown'),
    source: source.replace(/\n?\/\/# sourceMappingURL=\S*\s*$/, '\n'),
  };
}
