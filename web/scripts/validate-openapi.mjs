// Validates an OpenAPI file the way partners' tools read it: @apidevtools/swagger-parser
// (the OpenAPI 3.0 schema, $refs resolved), plus one YAML trap the schema cannot always see.
//
//   node scripts/validate-openapi.mjs [FILE]        (default ../api/openapi.yaml)
//
// The trap: in a flow mapping `{ type: string, description: Chinese, for the person … }` a
// plain (unquoted) value ends at the first comma, so the rest becomes a key of its own with
// a null value. Inside a schema object the validator reports the stray key, but inside an
// example or a map of names it would pass silently. So every mapping key that contains
// whitespace and every null value is refused too (the contract has no legitimate one):
// quote such a value ("…, …") or write the mapping in block style. Exit 0 when valid, 1 not.
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import SwaggerParser from '@apidevtools/swagger-parser'

const file = resolve(process.argv[2] ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../api/openapi.yaml'))

/** "/a/b" JSON pointers of the keys a comma split off a flow-mapping value. */
export function strayKeys(doc) {
  const found = []
  const walk = (node, path) => {
    if (Array.isArray(node)) return node.forEach((v, i) => walk(v, `${path}/${i}`))
    if (node === null || typeof node !== 'object') return
    for (const [k, v] of Object.entries(node)) {
      const here = `${path}/${k.replaceAll('~', '~0').replaceAll('/', '~1')}`
      if (/\s/.test(k) || v === null) found.push(here)
      walk(v, here)
    }
  }
  walk(doc, '')
  return found
}

let failed = false
try {
  // parse() reads the YAML without resolving; validate() needs a fresh copy (it dereferences).
  const stray = strayKeys(await SwaggerParser.parse(file))
  for (const p of stray) {
    console.error(`${file}: #${p}: a key with a space or a null value — an unquoted comma in a ` +
      'flow mapping? Quote the value or use block style.')
  }
  failed = stray.length > 0
  const api = await SwaggerParser.validate(file)
  if (!failed) console.log(`${file}: valid OpenAPI ${api.openapi} (${Object.keys(api.paths).length} paths)`)
} catch (e) {
  console.error(`${file}: ${e.message}`)
  failed = true
}
process.exit(failed ? 1 : 0)
