// Writes a Brotli (.br, quality 11) and a gzip (.gz, level 9) copy beside every page, script, style sheet and JSON
// file under the given folder, so that the host serves them compressed without compressing per request
// (Hosting/PrecompressedStaticFiles.cs). Run by the build (EcoMonitor.Web.csproj, target PrecompressFrontEnd):
//   node FrontEnd/precompress.mjs wwwroot
// A copy is rewritten only when its file is newer; copies of files that no longer exist are deleted.
import { readdirSync, readFileSync, statSync, unlinkSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = process.argv[2];
if (!root) {
  console.error('usage: node FrontEnd/precompress.mjs <folder>');
  process.exit(2);
}

const compressible = /\.(html|js|css|json|svg)$/;
const copies = [
  ['.br', data => brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } })],
  ['.gz', data => gzipSync(data, { level: 9 })],
];
let written = 0;

function visit(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      visit(path);
    } else if (compressible.test(entry.name)) {
      const modified = statSync(path).mtimeMs;
      let data = null;
      for (const [suffix, compress] of copies) {
        const copy = path + suffix;
        if (existsSync(copy) && statSync(copy).mtimeMs >= modified) { continue; }
        data ??= readFileSync(path);
        writeFileSync(copy, compress(data));
        written++;
      }
    } else if (/\.(br|gz)$/.test(entry.name) && !existsSync(path.slice(0, -3))) {
      unlinkSync(path);
    }
  }
}

visit(root);
if (written > 0) { console.log(`precompress: ${written} files written under ${root}`); }
