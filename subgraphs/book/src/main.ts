import "reflect-metadata";
import { runUntilSignal } from "@kooperacja/service-kit";
import { bookConfig } from "./config";
import { startBookService } from "./service";

// `npm run start:book`: the recommendation book subgraph on its own.
runUntilSignal(
  () => startBookService(bookConfig()),
  (service) => `Book subgraph ready at ${service.url}`,
);
