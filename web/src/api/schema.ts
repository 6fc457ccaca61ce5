// The API's types come from the contract, api/openapi.yaml, generated into
// src/generated/openapi.ts (`npm run gen`; scripts/check_contract.sh fails when it is stale).
// The api/*.ts files name them: `export type Bill = Schema<'Bill'>`. A type the web writes by
// hand is one the contract does not describe (a query filter, a form's model).
import type { components, operations } from '@/generated/openapi'

export type Schemas = components['schemas']
/** A schema of the contract by name. */
export type Schema<K extends keyof Schemas> = Schemas[K]
/** The JSON body an operation (by operationId) answers with `status`. */
export type ResponseOf<Op extends keyof operations, Status extends number = 200> =
  operations[Op]['responses'] extends Record<Status, { content: { 'application/json': infer B } }> ? B : never
/** The query parameters of an operation. */
export type QueryOf<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>
/** The JSON request body of an operation. */
export type BodyOf<Op extends keyof operations> =
  operations[Op] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never
/**
 * The body a form sends: the contract's field names (a misspelt one fails the type check), any
 * of them missing and their values as the form holds them; the server checks the values and
 * answers field errors that land next to the inputs.
 */
export type Fields<T> = { [K in keyof T]?: unknown }
