/** Building the page's markup without a framework: elements, and tables with captions and header cells. */
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

export interface Cell {
  text: string;
  /** Marks a suppressed figure, so it reads (and looks) as withheld rather than as a number. */
  suppressed?: boolean;
  /** Marks a figure protected by the cell key method: close to the exact one, not it. */
  perturbed?: boolean;
  /** What the hub says the figure is computed from (OBSERVED, SYNTHETIC or MIXED). */
  origin?: string;
  /** The field is not stated on the source pages: DERIVED or INFERRED, with the formula or reasoning as `title`. */
  reasoned?: string;
  title?: string;
  numeric?: boolean;
}

/** A data table: a caption, column headers, and a header cell per row. */
export function dataTable(caption: string, headers: string[], rows: Cell[][], className = ""): HTMLTableElement {
  return h(
    "table",
    { class: `data ${className}`.trim() },
    h("caption", {}, caption),
    h("thead", {}, h("tr", {}, ...headers.map((header) => h("th", { scope: "col" }, header)))),
    h(
      "tbody",
      {},
      ...rows.map((row) =>
        h(
          "tr",
          {},
          ...row.map((cell, index) =>
            index === 0
              ? h("th", { scope: "row" }, cell.text)
              : h(
                  "td",
                  {
                    class: [cell.numeric ? "num" : "", cell.suppressed ? "suppressed" : ""].join(" ").trim() || undefined,
                    "data-suppressed": cell.suppressed ? "true" : undefined,
                    "data-perturbed": cell.perturbed ? "true" : undefined,
                    "data-origin": cell.origin,
                    "data-provenance": cell.reasoned,
                    title: cell.title,
                  },
                  cell.text,
                ),
          ),
        ),
      ),
    ),
  );
}

/** A chart with its caption and, beneath, the same figures as a table (for screen readers and keyboards). */
export function figure(
  id: string,
  caption: string,
  table: HTMLTableElement,
  tableLabel: string,
  tall = false,
): { element: HTMLElement; chart: HTMLDivElement } {
  const chart = h("div", { class: tall ? "chart tall" : "chart", id: `${id}-chart`, "data-chart": id });
  const element = h("figure", { id }, h("figcaption", {}, caption), chart, h("details", {}, h("summary", {}, tableLabel), table));
  return { element, chart };
}
