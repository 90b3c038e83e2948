/* The draft's incident times and open action items in the review summary: the same
 * markup as templates/page_incident.html, from POST /v1/incident. Text only ever
 * reaches the DOM as text. */
import { el } from "./view.js";

function minutes(t) {
  return t.minutes === null ? "unknown" : t.minutes + " min";
}

function source(t) {
  const from = t.from ? "from line " + t.from.line : "no impact start";
  return t.to ? from + " to line " + t.to.line + " (" + t.to.source + ")" : from;
}

function item(i) {
  const meta = (i.owner || "no owner") + ", " + (i.deadline ? "due " + i.deadline : "no deadline")
    + (i.overdue ? ", overdue" : "") + ", line " + i.line;
  return el("li", { class: "open-item" + (i.overdue ? " open-item-overdue" : "") },
    el("span", { class: "open-item-text" }, i.description), " ", el("span", { class: "open-item-meta" }, meta));
}

export function renderIncident(summaryCard, incident) {
  const old = summaryCard.querySelector("#incident-summary");
  if (old) old.remove();
  if (!incident) return;
  const times = incident.times.map((t) => el("div", { class: "incident-time", "data-key": t.key },
    el("dt", {}, t.label), el("dd", { class: "incident-minutes" }, minutes(t)),
    el("dd", { class: "incident-source" }, source(t))));
  const parts = [el("h3", { class: "incident-title" }, "Incident times"), el("dl", { class: "incident-times" }, ...times)];
  if (incident.reasons.length) parts.push(el("p", { class: "incident-reason" }, incident.reasons.join("; ") + "."));
  parts.push(el("h3", { class: "incident-title" },
    "Open action items (" + incident.open_items.length + " of " + incident.action_items.total + ")"));
  parts.push(incident.open_items.length
    ? el("ul", { class: "open-items" }, ...incident.open_items.map(item))
    : el("p", { class: "incident-reason" }, "None open."));
  summaryCard.append(el("div", { class: "incident-summary", id: "incident-summary" }, ...parts));
}

export async function loadIncident(url, summaryCard, payload, stillCurrent) {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(payload),
    });
    const body = await response.json().catch(() => null);
    if (response.ok && body && body.incident && stillCurrent()) renderIncident(summaryCard, body.incident);
  } catch (err) {
    /* the summary is a bonus; the findings are already shown */
  }
}
