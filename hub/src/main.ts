import "reflect-metadata";
import { PARTNERSHIPS, PARTNERSHIP_KEYS } from "@kooperacja/contract";
import { localKeyDir, runUntilSignal } from "@kooperacja/service-kit";
import { startHub } from "./hub";

// `npm start`: the whole hub in one process on the embedded SQLite default.
runUntilSignal(startHub, (hub) =>
  [
    ...PARTNERSHIP_KEYS.map((key) => `  region ${PARTNERSHIPS[key].macroregion.padEnd(3)} ${key.padEnd(13)} ${hub.regions[key].url}`),
    `  book                  ${hub.book.url}`,
    "",
    `Kooperacja Hub gateway ready at ${hub.gateway.url}`,
    "Open it in a browser for the API explorer (GraphiQL, served by the hub), or POST GraphQL to it. Ctrl-C stops the hub.",
    `The dashboard (the three models compared): ${new URL("dashboard/", hub.gateway.url)}`,
    `The book as a web page: ${new URL("export/book.html", hub.gateway.url)} (adopted recommendations; with a token, more).`,
    `Service keys (the gateway's and the book's, generated on first start): ${localKeyDir(process.env.DATA_DIR || "data")}`,
    "",
    "Without a token you are the public. For a development token, in another terminal:",
    "  npm run -s token -- --role analyst                          (national analyst)",
    "  npm run -s token -- --role owner --partnership kooperacja   (regional owner; also: dashboard, admin)",
    "and send it as the header  Authorization: Bearer <token>",
  ].join("\n"),
);
