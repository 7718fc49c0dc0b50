import type { Server } from "node:http";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";

/**
 * Starts `server` listening and answers where it can be reached (port 0
 * picks a free one; a service bound to every interface is reached on
 * 127.0.0.1). If it cannot listen, `abandon` undoes what was started for it.
 */
export async function listen(server: Server, host: string, port: number, abandon: () => Promise<void>): Promise<{ url: string; port: number }> {
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen({ host, port }, resolve);
    });
  } catch (error) {
    await abandon();
    throw error;
  }
  const bound = (server.address() as AddressInfo).port;
  const shown = host === "0.0.0.0" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  return { url: `http://${shown}:${bound}/`, port: bound };
}

/** A port that was free a moment ago, for a process that needs a fixed one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}
