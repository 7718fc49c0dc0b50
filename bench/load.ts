import autocannon from "autocannon";

/** One thing the benchmark sends requests to: a URL and the request that goes there. */
export interface Target {
  name: string;
  url: string;
  /** A GraphQL query (POSTed with the token), or none for a plain GET. */
  query?: string;
  headers?: Record<string, string>;
}

export interface Figures {
  median: number;
  p95: number;
  /** Completed requests per second of load time. */
  rps: number;
  requests: number;
  /** CPU milliseconds each service spent per request of this target (from its /metrics), when asked for. */
  cpuMsPerRequest?: Record<string, number>;
}

/** A metric of a service's /metrics, the first sample of that name whatever its labels. */
export async function metric(serviceUrl: string, name: string): Promise<number> {
  const text = await (await fetch(new URL("/metrics", serviceUrl))).text();
  return Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)`, "m").exec(text)?.[1] ?? NaN);
}

async function cpuSeconds(services: Record<string, string>): Promise<Record<string, number>> {
  const entries = await Promise.all(Object.entries(services).map(async ([name, url]) => [name, await metric(url, "process_cpu_seconds_total")] as const));
  return Object.fromEntries(entries);
}

/** autocannon's run: an event emitter (per-response events) that is also the promise of the result. */
export function cannon(options: autocannon.Options): autocannon.Instance & PromiseLike<autocannon.Result> {
  return autocannon(options) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
}

function request(target: Target, token: string) {
  if (!target.query) return { method: "GET" as const, headers: target.headers ?? {} };
  return {
    method: "POST" as const,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, ...target.headers },
    body: JSON.stringify({ query: target.query }),
  };
}

/** One request by fetch, to check a target answers without errors before it is measured, and to time it. */
export async function probe(target: Target, token: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(target.url, request(target, token));
  const text = await response.text();
  const elapsed = performance.now() - started;
  if (!response.ok || text.includes('"errors"')) throw new Error(`${target.name} (${target.url}) answered ${response.status}: ${text.slice(0, 500)}`);
  return elapsed;
}

/** autocannon against one target: `amount` requests, or for `seconds`; every response time is kept. */
export async function load(
  target: Target,
  token: string,
  options: { connections: number; amount?: number; seconds?: number },
): Promise<{ times: number[]; seconds: number; errors: number }> {
  const times: number[] = [];
  const started = performance.now();
  const instance = cannon({
    url: target.url,
    ...request(target, token),
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 10 }),
  });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  const result = await instance;
  const errors = result.errors + result.timeouts + result.non2xx;
  return { times, seconds: (performance.now() - started) / 1000, errors };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function shuffle<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/**
 * Measures targets side by side: `rounds` rounds, each target once per round
 * in a new random order, one request at a time (latency, not contention), so
 * drift in the machine hits every target alike. A round sends each target
 * about `roundMs` worth of requests (at least 3), sized from a warm-up.
 */
export async function compare(
  targets: Target[],
  token: string,
  options: { rounds: number; roundMs: number; cpuOf?: Record<string, string> },
): Promise<Record<string, Figures>> {
  const amounts = new Map<string, number>();
  for (const target of targets) {
    const warm = [];
    for (let i = 0; i < 3; i++) warm.push(await probe(target, token));
    amounts.set(target.name, Math.max(3, Math.round(options.roundMs / Math.min(...warm))));
  }
  const samples = new Map(targets.map((target) => [target.name, { times: [] as number[], seconds: 0, errors: 0, cpu: {} as Record<string, number> }]));
  for (let round = 0; round < options.rounds; round++) {
    for (const target of shuffle(targets)) {
      const before = options.cpuOf ? await cpuSeconds(options.cpuOf) : {};
      const run = await load(target, token, { connections: 1, amount: amounts.get(target.name)! });
      const sample = samples.get(target.name)!;
      if (options.cpuOf) {
        const after = await cpuSeconds(options.cpuOf);
        for (const service of Object.keys(after)) sample.cpu[service] = (sample.cpu[service] ?? 0) + after[service]! - before[service]!;
      }
      sample.times.push(...run.times);
      sample.seconds += run.seconds;
      sample.errors += run.errors;
    }
  }
  const figures: Record<string, Figures> = {};
  for (const [name, sample] of samples) {
    if (sample.errors > 0) throw new Error(`${name}: ${sample.errors} failed requests`);
    const sorted = [...sample.times].sort((a, b) => a - b);
    const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
    figures[name] = { median: percentile(sorted, 50), p95: percentile(sorted, 95), rps: 1000 / mean, requests: sorted.length };
    if (options.cpuOf)
      figures[name]!.cpuMsPerRequest = Object.fromEntries(Object.entries(sample.cpu).map(([service, seconds]) => [service, (seconds * 1000) / sorted.length]));
  }
  return figures;
}
