// Bundles the portal's ECharts build (echarts.portal.js) with esbuild: one minified script that sets the global
// `echarts`. Run by the build (EcoMonitor.Web.csproj, target BundleFrontEnd): node FrontEnd/build.mjs <outfile>.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const outfile = process.argv[2];
if (!outfile) {
  console.error('usage: node FrontEnd/build.mjs <outfile>');
  process.exit(2);
}

const version = JSON.parse(readFileSync(new URL('../node_modules/echarts/package.json', import.meta.url), 'utf8')).version;
await build({
  entryPoints: [new URL('./echarts.portal.js', import.meta.url).pathname],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  legalComments: 'eof',
  banner: { js: `/*! Apache ECharts ${version} (Apache-2.0, https://echarts.apache.org; NOTICE in node_modules/echarts), EcoMonitor build: core + scatter, line, bar; geo, grid, tooltip; canvas */` },
  outfile,
  logLevel: 'warning',
});
