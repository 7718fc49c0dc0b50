import "./style.css";
import { disposeCharts } from "./charts";
import { h } from "./dom";
import { t } from "./i18n";
import { accessForm, banner, header, problemList } from "./page";
import { comparison } from "./sections/comparison";
import { coverage } from "./sections/coverage";
import { map } from "./sections/map";
import { overview } from "./sections/overview";
import { series } from "./sections/series";
import { voivodeships } from "./sections/voivodeships";
import { ALL, load, onChange, state } from "./state";

const root = document.getElementById("app")!;

/** Draws the whole page from the state: small enough to redraw on every change. */
function render(): void {
  const lang = state.lang;
  document.documentElement.lang = lang;
  document.title = `${t(lang, "title")} · Kooperacja Hub`;
  // The page is drawn anew as answers arrive: what the reader is typing, and where the focus is, carry over.
  const focused = document.activeElement instanceof HTMLElement && document.activeElement.id ? document.activeElement.id : null;
  const typed = (document.getElementById("token") as HTMLInputElement | null)?.value ?? "";
  disposeCharts();
  const charted = [overview(lang), comparison(lang), map(lang), series(lang)];
  root.replaceChildren(
    header(lang),
    h(
      "main",
      { id: "main", tabindex: "-1", "aria-busy": String(state.loading) },
      banner(lang),
      problemList(lang),
      accessForm(lang),
      charted[0]!.element,
      voivodeships(lang),
      charted[1]!.element,
      charted[2]!.element,
      charted[3]!.element,
      coverage(lang),
    ),
  );
  // ECharts measures its container, so the charts are drawn once the markup is in the document.
  for (const part of charted) part.draw?.();
  (document.getElementById("token") as HTMLInputElement).value = typed;
  if (focused) document.getElementById(focused)?.focus();
}

onChange(render);
void load(ALL);
