import { Agent, request, type Dispatcher } from "undici";

/**
 * The gateway's HTTP client to its subgraphs: undici's `request` over the
 * gateway's keep-alive connection pool (`shardPool`), answering in the shape of a fetch Response that
 * @apollo/gateway's data sources read (ok, status, headers, text, json).
 * `request` skips the WHATWG stream machinery of `fetch`, which on a
 * cross-region page cost the gateway about a millisecond per shard call
 * (docs/scaling.md). Bodies other than a JSON string (multipart imports) go
 * by Node's fetch.
 */
/**
 * One per gateway, closed when it stops: a pool shared by every gateway of a process (the one-process hub, the tests)
 * kept idle connections to stopped services for 30 s.
 */
export function shardPool(): Agent {
  return new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 120_000 });
}

export async function shardFetch(pool: Dispatcher, url: string, init: RequestInit): Promise<Response> {
  if (typeof init.body !== "string") return fetch(url, init);
  const reply = await request(url, {
    method: (init.method ?? "POST") as "POST",
    headers: init.headers as Record<string, string>,
    body: init.body,
    signal: init.signal ?? undefined,
    dispatcher: pool,
  });
  const text = await reply.body.text();
  const headers = new Headers();
  for (const [name, value] of Object.entries(reply.headers)) {
    if (Array.isArray(value)) value.forEach((item) => headers.append(name, item));
    else if (value !== undefined) headers.set(name, value);
  }
  return new Response(text, { status: reply.statusCode, headers });
}
