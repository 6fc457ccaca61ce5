// Writes a gzip copy (x.js.gz) beside every built JS, CSS, SVG and JSON file above 1 KiB in
// dist/, so that `anju serve` can send it to browsers that accept gzip without compressing
// on every request (src/http/static_files.h). Uses only Node's own zlib.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync, constants } from 'node:zlib'

const dist = new URL('../dist/', import.meta.url).pathname
let files = 0
let raw = 0
let packed = 0
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) { walk(path); continue }
    if (!/\.(js|css|svg|json)$/.test(name)) continue
    const body = readFileSync(path)
    if (body.length < 1024) continue
    const gz = gzipSync(body, { level: constants.Z_BEST_COMPRESSION })
    writeFileSync(path + '.gz', gz)
    files += 1
    raw += body.length
    packed += gz.length
  }
}
walk(dist)
console.log(`compress: ${files} files, ${(raw / 1024).toFixed(1)} KiB → ${(packed / 1024).toFixed(1)} KiB gzip`)
