import { h } from "./dom";
import { t, type Lang } from "./i18n";
import { missingRegions, problems, setLang, setToken, SHORT_NAMES, state, type MissingRegion } from "./state";

export function header(lang: Lang): HTMLElement {
  const languageButton = (code: Lang, label: string) => {
    const button = h("button", { type: "button", lang: code, "aria-pressed": String(lang === code) }, label);
    button.addEventListener("click", () => setLang(code));
    return button;
  };
  return h(
    "header",
    {},
    h("a", { class: "skip", href: "#main" }, t(lang, "skip")),
    h("div", { class: "titles" }, h("h1", {}, t(lang, "title")), h("p", {}, t(lang, "subtitle"))),
    h("div", { class: "languages", role: "group", "aria-label": t(lang, "language") }, languageButton("pl", "Polski"), languageButton("en", "English")),
  );
}

/** The token form: a token stays in this browser tab only. */
export function accessForm(lang: Lang): HTMLElement {
  const input = h("input", { id: "token", name: "token", type: "password", autocomplete: "off", spellcheck: "false" });
  const status = state.notice ? `${state.notice}. ${t(lang, "tokenNone")}` : t(lang, state.token ? "tokenActive" : "tokenNone");
  const row = h("div", { class: "row" }, input, h("button", { type: "submit" }, t(lang, "tokenUse")));
  if (state.token) {
    const forget = h("button", { type: "button" }, t(lang, "tokenForget"));
    forget.addEventListener("click", () => void setToken(null));
    row.append(forget);
  }
  const form = h(
    "form",
    { class: "access", "aria-labelledby": "access-legend" },
    h("h2", { id: "access-legend", class: "small" }, t(lang, "tokenLegend")),
    h("label", { for: "token" }, t(lang, "tokenLabel")),
    row,
    h("p", { id: "token-status", role: "status" }, status),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const token = input.value.trim();
    // Used, not kept in the field: the page redraws it empty.
    input.value = "";
    if (token) void setToken(token);
  });
  return form;
}

/** Present (and empty) from the start, so assistive technology announces it when a region goes missing. */
export function banner(lang: Lang): HTMLElement {
  const missing = missingRegions();
  const element = h("div", { id: "banner", role: "alert", class: missing.size > 0 ? "banner" : "banner hidden" });
  if (missing.size > 0) {
    const name = ([key, { macroregion }]: [string, MissingRegion]) =>
      `${SHORT_NAMES[key] ?? key}${macroregion ? ` (${t(lang, "macroregion").toLowerCase()} ${macroregion})` : ""}`;
    const down = [...missing].filter(([, region]) => !region.timedOut).map(name);
    const slow = [...missing].filter(([, region]) => region.timedOut).map(name);
    const sentences = [
      down.length > 0 ? `${t(lang, "bannerText")} ${down.join(", ")}.` : "",
      slow.length > 0 ? `${t(lang, "bannerSlow")} ${slow.join(", ")}.` : "",
    ];
    element.append(h("strong", {}, `${t(lang, "bannerTitle")}. `), `${sentences.filter(Boolean).join(" ")} ${t(lang, "bannerHint")}`);
  }
  return element;
}

export function problemList(lang: Lang): HTMLElement | null {
  const all = problems();
  return all.length > 0 ? h("div", { class: "problems", role: "status" }, h("strong", {}, `${t(lang, "error")}: `), all.join(" · ")) : null;
}

export function section(id: string, title: string, ...children: (Node | null | false | undefined)[]): HTMLElement {
  return h("section", { id, "aria-labelledby": `${id}-title` }, h("h2", { id: `${id}-title` }, title), ...children);
}

/** What a section shows before its answer (or when there is none). */
export function placeholder(lang: Lang): HTMLElement {
  return h("p", {}, t(lang, state.loading ? "loading" : "noData"));
}

/** A section of the page: its markup, and the charts to draw once the markup is in the document. */
export interface Drawn {
  element: HTMLElement;
  draw?: () => void;
}
