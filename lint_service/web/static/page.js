/* blamelint web form: upgrades the server-rendered page in the browser.
 *
 * Without this script the form posts to the server, which renders the same
 * results. With it, checks go through the JSON API (POST /v1/lint), re-checks
 * after an edit are debounced, and rewrites are applied in the text area.
 *
 * Safety: user text only ever reaches the DOM through textContent and
 * setAttribute (never parsed as markup), and the CSP forbids inline script.
 * Offsets from the API are Python code-point indices; JS strings are UTF-16,
 * so every offset goes through unitOffsets() before slicing.
 */
(function () {
  "use strict";

  const config = JSON.parse(document.getElementById("blamelint-config").textContent);
  const form = document.getElementById("draft-form");
  const draft = document.getElementById("draft");
  const format = document.getElementById("format");
  const fileInput = document.getElementById("file");
  const statusEl = document.getElementById("status");
  const errorEl = document.getElementById("error");
  const results = document.getElementById("results");

  const DEBOUNCE_MS = 700;
  const CATEGORY_ORDER = config.categories.map((c) => c.id);
  const CATEGORY = Object.fromEntries(config.categories.map((c) => [c.id, c]));

  let checkedText = null; // the exact text the current findings refer to
  let findings = [];
  let sequence = 0; // answers to older requests are dropped
  let timer = null;
  const history = []; // drafts before each rewrite, for Undo

  // ---- small helpers -------------------------------------------------------

  function el(tag, attrs, ...children) {
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
  function unitOffsets(text) {
    const map = [0];
    let unit = 0;
    for (const ch of text) {
      unit += ch.length;
      map.push(unit);
    }
    return map;
  }

  function cssClass(category) {
    return CATEGORY[category] ? category : "other";
  }

  function categoryInfo(category) {
    if (CATEGORY[category]) return CATEGORY[category];
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

  function setStatus(message) {
    statusEl.textContent = message;
  }

  function showError(message) {
    errorEl.textContent = message;
    errorEl.hidden = false;
  }

  function hideError() {
    errorEl.hidden = true;
    errorEl.textContent = "";
  }

  function save() {
    try {
      localStorage.setItem(config.storageKey, draft.value);
    } catch (e) {
      /* storage full or disabled: the text area still holds the draft */
    }
  }

  // ---- the same wording and layout as page_model.py ------------------------

  function verdict(list) {
    if (!list.length) return config.cleanVerdict;
    const counts = new Map();
    for (const f of list) {
      const key = config.rulePhrases[f.rule] ? f.rule : "category:" + f.category;
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
  function grouped(list) {
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
  function segments(text, numbered) {
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

  // ---- rendering -----------------------------------------------------------

  function render(text, list, notice) {
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
        el("button", { type: "button", class: "btn", id: "undo", hidden: !history.length }, "Undo last rewrite")),
      notice ? el("p", { class: "notice", id: "notice" }, notice) : null);

    const legend = el("ul", { class: "legend", "aria-label": "Highlight colours" },
      ...counts(list).filter(([c, n]) => n || CATEGORY[c]).map(([category]) => {
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
        ...f.suggestions.map((s, i) => el("li", { class: "suggestion" },
          el("span", { class: "suggestion-text" }, s),
          el("button", { type: "submit", form: "draft-form", class: "btn btn-small btn-apply", name: "apply", value: f.start + ":" + f.end + ":" + i + ":" + f.rule },
            "Apply", el("span", { class: "visually-hidden" }, " rewrite: " + s))))));
    }
    return item;
  }

  // ---- checking and rewriting ----------------------------------------------

  async function check(options) {
    const opts = options || {};
    const text = draft.value;
    const mine = ++sequence;
    clearTimeout(timer);
    if (!text.trim()) {
      showError("The draft is empty: paste a postmortem or load a file, then press Check.");
      return;
    }
    setStatus("Checking…");
    results.setAttribute("aria-busy", "true");
    const payload = { text: text };
    if (format.value) payload.format = format.value;
    let response, body;
    try {
      response = await fetch(config.apiUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(payload),
      });
      body = await response.json().catch(() => null);
    } catch (err) {
      if (mine === sequence) failed("The server could not be reached, so the draft was not checked. It is still here and saved in this browser; try again.");
      return;
    }
    if (mine !== sequence) return;
    if (!response.ok || !body || !Array.isArray(body.findings)) {
      const reason = body && body.error && body.error.message ? body.error.message : "HTTP " + response.status;
      failed("The draft could not be checked (" + reason + "). It is still here and saved in this browser.");
      return;
    }
    hideError();
    checkedText = text;
    findings = body.findings;
    render(text, findings, opts.notice);
    setStatus("Checked: " + findings.length + " finding" + (findings.length === 1 ? "" : "s") + ".");
    if (opts.focus) results.focus();
  }

  function failed(message) {
    results.removeAttribute("aria-busy");
    setStatus("");
    showError(message);
  }

  /* edits: [{start, end, text}] in code points of checkedText. */
  function applyEdits(edits, notice) {
    if (draft.value !== checkedText) {
      setStatus("The draft changed since the last check; checking again. Apply the rewrite after that.");
      check({ focus: true });
      return;
    }
    const map = unitOffsets(checkedText);
    let text = checkedText;
    let floor = Infinity;
    let applied = 0;
    // Later spans first so earlier offsets stay valid; overlapping spans are skipped.
    for (const e of edits.slice().sort((a, b) => b.start - a.start)) {
      if (e.end > floor) continue;
      text = text.slice(0, map[e.start]) + e.text + text.slice(map[e.end]);
      floor = e.start;
      applied += 1;
    }
    if (!applied) return;
    history.push(checkedText);
    draft.value = text;
    save();
    check({ focus: true, notice: notice(applied) });
  }

  function applyOne(value) {
    const match = /^(\d+):(\d+):(\d+):(.+)$/.exec(value);
    const f = match && findings.find((x) => x.start === +match[1] && x.end === +match[2] && x.rule === match[4]);
    const replacement = f && f.suggestions[+match[3]];
    if (replacement === undefined) {
      check({ focus: true, notice: "That finding is no longer in the draft. The results below are current." });
      return;
    }
    applyEdits([{ start: f.start, end: f.end, text: replacement }], () => "Applied: “" + replacement + "”.");
  }

  function applyAllBlame() {
    const edits = findings
      .filter((f) => f.category === "blame" && f.suggestions.length)
      .map((f) => ({ start: f.start, end: f.end, text: f.suggestions[0] }));
    applyEdits(edits, (n) => "Applied " + n + " blame rewrite" + (n === 1 ? "" : "s") + ".");
  }

  async function copyText() {
    try {
      await navigator.clipboard.writeText(draft.value);
    } catch (err) {
      // The async clipboard needs a secure context; plain http on a LAN is not one.
      draft.select();
      if (!document.execCommand("copy")) {
        setStatus("Copying is blocked here: the draft is selected, press Ctrl+C.");
        return;
      }
    }
    setStatus("Copied the draft to the clipboard.");
  }

  function undo() {
    if (!history.length) return;
    draft.value = history.pop();
    save();
    check({ focus: true, notice: "Undid the last rewrite." });
  }

  function formatForFile(name) {
    const lower = name.toLowerCase();
    for (const [ext, fmt] of Object.entries(config.extensions)) if (lower.endsWith(ext)) return fmt;
    return null;
  }

  function loadFile() {
    const file = fileInput.files && fileInput.files[0];
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      draft.value = String(reader.result).replace(/^\uFEFF/, "").replace(/\r\n/g, "\n");
      fileInput.value = ""; // the text is in the text area now; never post it twice
      const fmt = formatForFile(file.name);
      if (!format.value && fmt) format.value = fmt;
      save();
      check({ focus: true, notice: "Loaded " + file.name + "." });
    };
    reader.onerror = () => showError("Could not read " + file.name + ". Your current draft is unchanged.");
    reader.readAsText(file, "utf-8");
  }

  // ---- wiring --------------------------------------------------------------

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const by = event.submitter;
    if (by && by.name === "apply") applyOne(by.value);
    else if (by && by.name === "apply_all") applyAllBlame();
    else check({ focus: true });
  });

  results.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    if (button.id === "copy") copyText();
    else if (button.id === "undo") undo();
  });

  draft.addEventListener("input", () => {
    save();
    if (checkedText === null) return;
    for (const b of results.querySelectorAll(".btn-apply, #apply-all")) b.disabled = true;
    setStatus("Draft changed; checking again shortly…");
    clearTimeout(timer);
    timer = setTimeout(() => check({ focus: false }), DEBOUNCE_MS);
  });

  draft.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      check({ focus: true });
    }
  });

  format.addEventListener("change", () => {
    if (checkedText !== null) check({ focus: false });
  });
  fileInput.addEventListener("change", loadFile);

  // The server-rendered draft wins; otherwise bring back this browser's last one.
  let restored = false;
  if (!draft.value.trim()) {
    let stored = null;
    try {
      stored = localStorage.getItem(config.storageKey);
    } catch (e) {
      stored = null;
    }
    if (stored && stored.trim()) {
      draft.value = stored;
      restored = true;
    }
  }
  if (draft.value.trim()) {
    check({ focus: !results.hidden, notice: restored ? "Restored your last draft from this browser." : undefined });
  }
})();
