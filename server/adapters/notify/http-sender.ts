// The one place notifications leave over HTTP: a JSON POST with a time limit, answering the
// status and the parsed JSON body (when there is one). Judging the answer is the domain's
// (server/domain/notifications/robots.ts); a network error or a timeout is a failed attempt.
export interface HttpAnswer {
  status: number;
  body: unknown;
}

export type PostJson = (url: string, body: unknown) => Promise<HttpAnswer>;

export function createHttpSender(opts: { timeoutMs: number; userAgent?: string }): PostJson {
  return async (url, body) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': opts.userAgent ?? 'kitchen-cold-watch/notify' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(opts.timeoutMs),
      redirect: 'manual', // a robot does not redirect; following one could post the alert elsewhere
    });
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null; // a plain webhook may answer anything; the status then decides
    }
    return { status: res.status, body: parsed };
  };
}
