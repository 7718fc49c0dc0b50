import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import "graphiql/graphiql.css";
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import "./explorer.css";

/**
 * The hub's API explorer: GraphiQL, bundled at build time from npm and
 * served by the gateway itself, so it works on a network without the
 * internet (Apollo Sandbox loads from Apollo's servers). It posts to the
 * gateway it was served by.
 */
const endpoint = new URL("/", window.location.href).href;
const params = new URLSearchParams(window.location.search);

const EXAMPLE = `# The three models, with their money and lead partners. Press ▶ (Ctrl-Enter) to run.
{
  partnerships {
    key name macroregion
    totalValue { formatted }
    euSharePercent
    leadPartner { disputed claims { institution { shortName } provenance { source { code } } } }
  }
}
`;

const HEADERS = `{
  "Authorization": "Bearer <paste a token: npm run -s token -- --role analyst>"
}`;

function notes(): HTMLElement {
  const aside = document.createElement("header");
  aside.className = "explorer-notes";
  aside.innerHTML = `
    <strong>Kooperacja Hub — API explorer</strong>
    <span>Without a token you are the public. For more, add <code>Authorization: Bearer &lt;token&gt;</code> under <em>Headers</em>
    (locally: <code>npm run -s token -- --role analyst</code>). Every request carries <code>apollo-require-preflight</code>, which the
    hub's CSRF guard asks of anything that is not a persisted query. Dashboards send reviewed operations by hash (persisted queries);
    here you may send any query your role allows. The schema's descriptions are under <em>Docs</em>.</span>
    <a href="/dashboard/">Dashboard</a>`;
  return aside;
}

const root = document.getElementById("explorer")!;
root.replaceChildren(notes());
const mount = document.createElement("div");
mount.className = "explorer-graphiql";
root.append(mount);

const fetcher = createGraphiQLFetcher({ url: endpoint, headers: { "apollo-require-preflight": "true" } });
createRoot(mount).render(
  createElement(GraphiQL, {
    fetcher,
    defaultQuery: EXAMPLE,
    // `q`, not `query`: a GET of / with `query` is a GraphQL request, not this page.
    query: params.get("q") ?? undefined,
    defaultHeaders: HEADERS,
    headers: params.get("headers") ?? undefined,
    shouldPersistHeaders: false,
  }),
);
