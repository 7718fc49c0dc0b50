import express, { type RequestHandler } from "express";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Logger } from "pino";

/**
 * The dashboard's build at /dashboard. Its hashed assets never change under
 * their names, so browsers keep them for a year; index.html is revalidated
 * on every visit, so a new build shows at once. Without a build the page
 * says how to make one, and the API goes on working.
 */
export function dashboardRouter(dashboardDir: string, logger: Logger): RequestHandler {
  const router = express.Router();
  if (!existsSync(join(dashboardDir, "index.html"))) {
    logger.warn({ dashboardDir }, "the dashboard is not built: /dashboard answers 503 until `npm run build` (the API is unaffected)");
    router.use((_req, res) => {
      res.status(503).type("text/plain").send(`The dashboard is not built (no ${join(dashboardDir, "index.html")}). Run \`npm run build\` and restart the gateway.\n`);
    });
    return router;
  }
  router.use(
    "/assets",
    express.static(join(dashboardDir, "assets"), { immutable: true, maxAge: "365d", fallthrough: false, index: false }),
  );
  router.use(
    express.static(dashboardDir, {
      index: "index.html",
      setHeaders: (res) => res.setHeader("cache-control", "no-cache"),
    }),
  );
  return router;
}
