// A request body checked against its contract schema (TypeBox, compiled once per schema):
// the value typed as the schema says, or 400 invalid_body naming the first problem.
import type { Static, TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { fail } from './errors.ts';

const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>();

function checkerOf<T extends TSchema>(schema: T): TypeCheck<T> {
  let checker = compiled.get(schema);
  if (!checker) compiled.set(schema, (checker = TypeCompiler.Compile(schema)));
  return checker as TypeCheck<T>;
}

export function checkedBody<T extends TSchema>(schema: T, body: unknown): Static<T> {
  const checker = checkerOf(schema);
  if (checker.Check(body)) return body;
  for (const e of checker.Errors(body)) return fail('invalid_body', `${e.path || 'body'}: ${e.message}`);
  return fail('invalid_body', 'malformed body');
}
