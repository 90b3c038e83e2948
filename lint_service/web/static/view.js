/* blamelint web form: the results view, built from the JSON API's findings.
 *
 * The same markup, numbering and wording as the server-rendered results
 * (templates/page_results.html and page_model.py); every word comes from the
 * JSON config block the template embeds, passed to configure().
 *
 * Safety: user text only reaches the DOM as text nodes and attribute values,
 * never parsed as markup. Offsets from the API are Python code-point indices
 * and JS strings are UTF-16, so every offset goes through unitOffsets().
 */

let config = { categories: [], rulePhrases: {}, cleanVerdict: "" };
let CATEGORY = new Map(); // a Map: a category named "constructor" must not hit Object.prototype
let CATEGORY_ORDER = [];

export function configure(value) {
  config = value;
  CATEGORY = new Map(config.categories.map((c) => [c.id, c]));
  CATEGORY_ORDER = config.categories.map((c) => c.id);
}

export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" || typeof child === "number" ? String(child) : child);
  }
  return node;
}

/* unitOffsets(text)[i] is the UTF-16 index of code point i (length: code points + 1). */
export function unitOffsets(text) {
  const map = [0];
  let unit = 0;
  for (const ch of text) {
    unit += ch.length;
    map.push(unit);
  }
  return map;
}

function cssClass(category) {
  return CATEGORY.has(category) ? category : "other";
}

function categoryInfo(category) {
  if (CATEGORY.has(category)) return CATEGORY.get(category);
  const label = category.replace(/-/g, " ");
  const cap = label.charAt(0).toUpperCase() + label.slice(1);
  return { id: category, label: cap, legend: label + " finding", one: category + " finding", many: category + " findings" };
}

function order(category) {
  const i = CATEGORY_ORDER.indexOf(category);
  return i >= 0 ? [i, ""] : [CATEGORY_ORDER.length, category];
}

function compareOrder(a, b) {
  const x = order(a), y = order(b);
  return x[0] - y[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0);
}

// ---- the same wording and layout as page_model.py ---------------------------

export function verdict(list) {
  if (!list.length) return config.cleanVerdict;
  const counts = new Map();
  for (const f of list) {
    const key = Object.hasOwn(config.rulePhrases, f.rule) ? f.rule : "category:" + f.category;
    const entry = counts.get(key) || { category: f.category, key: key, n: 0 };
    entry.n += 1;
    counts.set(key, entry);
  }
  const parts = Array.from(counts.values())
    .sort((a, b) => compareOrder(a.category, b.category) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((e) => {
      const words = e.key.startsWith("category:") ? categoryInfo(e.category) : config.rulePhrases[e.key];
      return e.n + " " + (e.n === 1 ? words.one : words.many);
    });
  const text = parts.join("; ");
  return text.charAt(0).toUpperCase() + text.slice(1) + ".";
}

/* Findings by category in display order, numbered 1..N in that order
 * (see grouped in page_model.py). */
export function grouped(list) {
  const groups = new Map();
  for (const f of list) {
    if (!groups.has(f.category)) groups.set(f.category, []);
    groups.get(f.category).push(f);
  }
  let n = 0;
  return Array.from(groups.keys()).sort(compareOrder).map((category) => ({
    category: category,
    items: groups.get(category).map((f) => ({ n: ++n, f: f })),
  }));
}

/* Runs of the text covered by the same findings, then the badges of the
 * findings that end there (see highlight_segments in page_model.py). */
export function segments(text, numbered) {
  const length = Array.from(text).length;
  const spans = numbered
    .filter((s) => 0 <= s.f.start && s.f.start <= s.f.end && s.f.end <= length)
    .sort((a, b) => a.n - b.n);
  const cuts = Array.from(new Set([0, length].concat(spans.map((s) => s.f.start), spans.map((s) => s.f.end)))).sort((a, b) => a - b);
  const out = [];
  let previous = 0;
  for (const point of cuts) {
    const covering = spans.filter((s) => s.f.start <= previous && point <= s.f.end && s.f.start < s.f.end);
    let inner = null;
    if (point > previous) {
      for (const s of covering) if (!inner || s.f.end - s.f.start < inner.f.end - inner.f.start) inner = s;
    }
    const badges = spans.filter((s) => s.f.end === point);
    if (point > previous || badges.length) {
      out.push({ start: previous, end: point, css: inner ? cssClass(inner.f.category) : null, numbers: inner ? covering.map((s) => s.n) : [], badges: badges });
    }
    previous = point;
  }
  return out;
}

function counts(list) {
  const byCategory = new Map(CATEGORY_ORDER.map((c) => [c, 0]));
  for (const f of list) byCategory.set(f.category, (byCategory.get(f.category) || 0) + 1);
  return Array.from(byCategory.entries()).sort((a, b) => compareOrder(a[0], b[0]));
}

// ---- rendering -------------------------------------------------------------

export function render(results, text, list, options) {
  const notice = options.notice;
  const groups = grouped(list);
  const numbered = [].concat(...groups.map((g) => g.items));
  const hasBlameRewrites = list.some((f) => f.category === "blame" && f.suggestions.length);

  const countItems = counts(list).map(([category, n]) => {
    const css = cssClass(category);
    return el("li", { class: "count count-" + css + (n ? "" : " count-zero") },
      el("span", { class: "swatch swatch-" + css, "aria-hidden": "true" }),
      el("span", { class: "count-n" }, n), " " + categoryInfo(category).label);
  });
  const summary = el("div", { class: "card summary" },
    el("h2", { id: "results-title", class: "results-title" }, "Review summary"),
    el("p", { id: "verdict", class: "verdict " + (list.length ? "verdict-problems" : "verdict-clean") }, verdict(list)),
    el("ul", { class: "counts", "aria-label": "Findings per category" }, ...countItems),
    el("div", { class: "actions" },
      el("button", { type: "submit", form: "draft-form", class: "btn", id: "apply-all", name: "apply_all", value: "blame", disabled: !hasBlameRewrites }, "Apply all blame rewrites"),
      el("button", { type: "button", class: "btn", id: "copy" }, "Copy text"),
      el("button", { type: "button", class: "btn", id: "undo", hidden: !options.canUndo }, "Undo last rewrite")),
    notice ? el("p", { class: "notice", id: "notice" }, notice) : null);

  const legend = el("ul", { class: "legend", "aria-label": "Highlight colours" },
    ...counts(list).filter(([c, n]) => n || CATEGORY.has(c)).map(([category]) => {
      const info = categoryInfo(category);
      return el("li", {}, el("span", { class: "hl hl-" + cssClass(category) + " legend-sample" }, info.label), " " + info.legend);
    }));

  const map = unitOffsets(text);
  const highlighted = el("div", { id: "highlighted", class: "highlighted" });
  for (const seg of segments(text, numbered)) {
    const piece = text.slice(map[seg.start], map[seg.end]);
    if (piece) {
      highlighted.append(seg.css ? el("mark", { class: "hl hl-" + seg.css, "data-findings": seg.numbers.join(" ") }, piece) : piece);
    }
    for (const b of seg.badges) {
      const css = cssClass(b.f.category);
      highlighted.append(el("a", { class: "badge badge-" + css, id: "hl-" + b.n, href: "#finding-" + b.n, "aria-label": "Finding " + b.n + " (" + categoryInfo(b.f.category).label + ")" }, b.n));
    }
  }

  const findingsSection = el("section", { class: "card findings", "aria-labelledby": "findings-title" },
    el("h3", { id: "findings-title" }, "Findings (" + list.length + ")"));
  if (!list.length) {
    findingsSection.append(el("p", { class: "empty" }, "Nothing to fix. Read it once more aloud in the meeting: the linter cannot judge everything."));
  }
  for (const { category, items } of groups) {
    const css = cssClass(category);
    findingsSection.append(
      el("h4", { class: "group-title" }, el("span", { class: "swatch swatch-" + css, "aria-hidden": "true" }), categoryInfo(category).label + " ",
        el("span", { class: "group-n" }, "(" + items.length + ")")),
      el("ul", { class: "finding-list" }, ...items.map((item) => renderFinding(item.n, item.f, css))));
  }

  results.replaceChildren(summary,
    el("div", { class: "results-grid" },
      el("section", { class: "card draft-view", "aria-labelledby": "highlighted-title" },
        el("h3", { id: "highlighted-title" }, "Draft with highlights"), legend, highlighted),
      findingsSection));
  results.hidden = false;
  results.removeAttribute("aria-busy");
  document.title = verdict(list) + " · blamelint · postmortem review";
}

function renderFinding(n, f, css) {
  const item = el("li", { class: "finding finding-" + css, id: "finding-" + n },
    el("div", { class: "finding-head" },
      el("a", { class: "badge badge-" + css, href: "#hl-" + n, "aria-label": "Finding " + n + ": show in the draft" }, n),
      el("span", { class: "sev sev-" + f.severity }, f.severity),
      el("span", { class: "loc" }, "line " + f.line),
      el("code", { class: "rule" }, f.rule)),
    el("p", { class: "message" }, f.message),
    f.text ? el("p", { class: "quote" }, el("span", { class: "visually-hidden" }, "Flagged text: "), f.text) : null);
  if (f.suggestions.length) {
    item.append(el("ul", { class: "suggestions", "aria-label": "Suggested rewrites" },
      ...f.suggestions.map((s, i) => s ? el("li", { class: "suggestion" },
        el("span", { class: "suggestion-text" }, s),
        el("button", { type: "submit", form: "draft-form", class: "btn btn-small btn-apply", name: "apply", value: f.start + ":" + f.end + ":" + i + ":" + f.rule },
          "Apply", el("span", { class: "visually-hidden" }, " rewrite: " + s)))
        // an empty suggestion removes the sentence (it only said whose fault it was)
        : el("li", { class: "suggestion suggestion-removal" },
          el("span", { class: "suggestion-text" }, "(the sentence goes: nothing in it says what happened)"),
          el("button", { type: "submit", form: "draft-form", class: "btn btn-small btn-apply", name: "apply", value: f.start + ":" + f.end + ":" + i + ":" + f.rule },
            "Remove this sentence")))));
  }
  return item;
}
