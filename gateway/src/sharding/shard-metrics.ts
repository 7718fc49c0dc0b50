import { Counter, Histogram, type Registry } from "prom-client";

export type ShardOutcome = "ok" | "errors" | "unavailable" | "timeout";

/** Prometheus figures of the gateway's calls to each region: how many, how they ended, how long they took. */
export class ShardMetrics {
  private readonly calls: Counter<"shard" | "outcome">;
  private readonly duration: Histogram<"shard">;

  constructor(registry: Registry) {
    this.calls = new Counter({
      name: "hub_shard_requests_total",
      help: "Calls from the gateway to a regional shard, by shard and outcome (ok, errors, unavailable, timeout).",
      labelNames: ["shard", "outcome"],
      registers: [registry],
    });
    this.duration = new Histogram({
      name: "hub_shard_request_duration_seconds",
      help: "Time a regional shard took to answer the gateway, by shard.",
      labelNames: ["shard"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    });
  }

  record(shard: string, outcome: ShardOutcome, seconds: number): void {
    this.calls.inc({ shard, outcome });
    this.duration.observe({ shard }, seconds);
  }
}
