// The bodies of the alert acts (contracts/alert-workflow.ts), checked for shape by their
// schema and then for what the schema cannot say: what a disposition must carry.
import { TypeCompiler } from '@sinclair/typebox/compiler';
import {
  CloseRequest, CommentRequest, ResolveRequest, type Disposition,
} from '../../../contracts/alert-workflow.ts';

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const resolveShape = TypeCompiler.Compile(ResolveRequest);
const closeShape = TypeCompiler.Compile(CloseRequest);
const commentShape = TypeCompiler.Compile(CommentRequest);

function shapeError(checker: { Errors(v: unknown): Iterable<{ path: string; message: string }> }, body: unknown): string {
  for (const e of checker.Errors(body)) return `${e.path || 'body'}: ${e.message}`;
  return 'malformed body';
}

/** Rule book section 6: discarded or moved food is counted; kept food needs a reason. */
export function dispositionProblem(d: Disposition): string | undefined {
  if ((d.kind === 'discarded' || d.kind === 'moved') && !d.quantity?.trim()) {
    return `disposition ${d.kind} needs a quantity (e.g. "3 kg")`;
  }
  if (d.kind === 'kept' && !d.reason?.trim()) return 'disposition kept needs a reason (why the food is still safe)';
  return undefined;
}

export function checkResolveRequest(body: unknown): Checked<ResolveRequest> {
  if (!resolveShape.Check(body)) {
    return { ok: false, message: `expected {"cause", "correctiveAction", "disposition": {"kind", "quantity"?, "reason"?}}; ${shapeError(resolveShape, body)}` };
  }
  if (!body.correctiveAction.trim()) return { ok: false, message: 'correctiveAction must say what was done' };
  const problem = dispositionProblem(body.disposition);
  return problem ? { ok: false, message: problem } : { ok: true, value: body };
}

/** An empty or absent body is a close without a note. */
export function checkCloseRequest(body: unknown): Checked<CloseRequest> {
  const value = body === undefined || body === null ? {} : body;
  return closeShape.Check(value) ? { ok: true, value } : { ok: false, message: `expected {"note"?}; ${shapeError(closeShape, value)}` };
}

export function checkCommentRequest(body: unknown): Checked<CommentRequest> {
  if (!commentShape.Check(body)) return { ok: false, message: `expected {"text"}; ${shapeError(commentShape, body)}` };
  return body.text.trim() ? { ok: true, value: body } : { ok: false, message: 'text must not be blank' };
}
