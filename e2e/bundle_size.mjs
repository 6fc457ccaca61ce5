// Prints the size of the built web bundle (web/dist): total JS and CSS, raw and gzip, and
// the largest files. Usage: node e2e/bundle_size.mjs [dist-dir]
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const dist = process.argv[2] ?? path.join(here, '..', 'web', 'dist')

function walk(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n)
    return statSync(p).isDirectory() ? walk(p) : [p]
  })
}

const totals = { js: { raw: 0, gz: 0, n: 0 }, css: { raw: 0, gz: 0, n: 0 } }
const files = []
for (const f of walk(dist)) {
  const ext = path.extname(f).slice(1)
  if (ext !== 'js' && ext !== 'css') continue
  const buf = readFileSync(f)
  const gz = gzipSync(buf, { level: 9 }).length
  totals[ext].raw += buf.length
  totals[ext].gz += gz
  totals[ext].n += 1
  files.push({ name: path.relative(dist, f), raw: buf.length, gz })
}
const kb = (n) => (n / 1024).toFixed(1)
for (const ext of ['js', 'css']) {
  const x = totals[ext]
  console.log(`BUNDLE total_${ext}: ${x.n} files, ${kb(x.raw)} KiB raw, ${kb(x.gz)} KiB gzip`)
}
files.sort((a, b) => b.raw - a.raw)
for (const f of files.slice(0, 6)) console.log(`BUNDLE largest: ${f.name} ${kb(f.raw)} KiB raw, ${kb(f.gz)} KiB gzip`)
