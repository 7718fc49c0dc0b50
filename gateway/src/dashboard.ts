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
      res
        .status(503)
        .type("text/plain")
        .send(`The dashboard is not built (no ${join(dashboardDir, "index.html")}). Run \`npm run build\` and restart the gateway.\n`);
    });
    return router;
  }
  router.use("/assets", express.static(join(dashboardDir, "assets"), { immutable: true, maxAge: "365d", fallthrough: false, index: false }));
  router.use(
    express.static(dashboardDir, {
      index: "index.html",
      setHeaders: (res) => res.setHeader("cache-control", "no-cache"),
    }),
  );
  return router;
}

/**
 * The landing page at /: the API explorer (GraphiQL, from the dashboard's
 * build), for a browser that asks for HTML. Everything it loads comes from
 * the hub, so it works without the internet. With introspection off
 * (production) there is no schema to explore: a short page says so.
 */
export function explorerPage(dashboardDir: string, introspection: boolean): RequestHandler {
  const page = join(dashboardDir, "explorer.html");
  return (req, res, next) => {
    const browser =
      req.method === "GET" &&
      req.path === "/" &&
      (req.headers.accept ?? "").includes("text/html") &&
      req.query.query === undefined &&
      req.query.extensions === undefined;
    if (!browser) return next();
    res.setHeader("cache-control", "no-cache");
    if (introspection && existsSync(page)) return res.sendFile(page);
    res
      .type("html")
      .send(
        `<!doctype html><html lang="en"><meta charset="utf-8"><title>Kooperacja Hub</title><p>This is the Kooperacja Hub GraphQL API: POST GraphQL to this address.` +
          (introspection
            ? ` The explorer is not built: run <code>npm run build</code>.`
            : ` The explorer is off here because schema introspection is (set INTROSPECTION=true to explore).`) +
          `</p></html>`,
      );
  };
}
