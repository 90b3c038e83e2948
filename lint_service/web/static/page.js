/* blamelint web form: upgrades the server-rendered page in the browser.
 *
 * Without this script the form posts to the server, which renders the same
 * results. With it, checks go through the JSON API (POST /v1/lint), re-checks
 * after an edit are debounced, and rewrites are applied in the text area.
 * The results markup is built by view.js; user text only ever reaches the
 * DOM as text, and the page's CSP forbids inline script.
 */
import { configure, render, unitOffsets } from "./view.js";
import { loadIncident } from "./incident.js";

const config = JSON.parse(document.getElementById("blamelint-config").textContent);
const form = document.getElementById("draft-form");
const draft = document.getElementById("draft");
const format = document.getElementById("format");
const fileInput = document.getElementById("file");
const statusEl = document.getElementById("status");
const errorEl = document.getElementById("error");
const results = document.getElementById("results");

const DEBOUNCE_MS = 700;
configure(config);

let checkedText = null; // the exact text the current findings refer to
let findings = [];
let sequence = 0; // answers to older requests are dropped
let timer = null;
const undoStack = []; // drafts before each rewrite, for Undo

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
  render(results, text, findings, { notice: opts.notice, canUndo: undoStack.length > 0 });
  loadIncident(config.incidentUrl, results.querySelector(".summary"), payload, () => mine === sequence);
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
  undoStack.push(checkedText);
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
  applyEdits([{ start: f.start, end: f.end, text: replacement }],
    () => replacement ? "Applied: “" + replacement + "”." : "Removed: “" + f.text.trim() + "”.");
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
  if (!undoStack.length) return;
  draft.value = undoStack.pop();
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
