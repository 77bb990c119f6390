// Keyturn console: a small single-page app over the REST/JSON API (/v1/...). No framework,
// no third-party code. The principal token lives in sessionStorage only (gone with the
// tab); a new key's plaintext is shown once and never written to any storage. All DOM is
// built with createElement/textContent: nothing the server returns is parsed as HTML.

const TOKEN = "keyturn.token";
const state = { token: sessionStorage.getItem(TOKEN) || "", caller: null, allowed: new Set(), tail: null, eventTypes: null };
const main = document.getElementById("main");

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

class ApiError extends Error {
  constructor(status, body) {
    super(body && body.message ? body.message : `HTTP ${status}`);
    this.status = status;
    const info = ((body && body.details) || []).find((d) => String(d["@type"]).endsWith("ErrorInfo"));
    this.reason = info ? info.reason : "";
  }
}

async function api(method, path, { query, body } = {}) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(query || {})) if (v !== undefined && v !== "") url.searchParams.set(k, v);
  const init = { method, headers: { Authorization: `Bearer ${state.token}` }, cache: "no-store" };
  if (body !== undefined) { init.headers["Content-Type"] = "application/json"; init.body = JSON.stringify(body); }
  const res = await fetch(url, init);
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

const can = (rpc) => state.allowed.has(rpc);
const fmt = (t) => (t ? new Date(t).toLocaleString() : "—");
const strip = (value, prefix) => (value || "").replace(prefix, "");
const mono = (text) => h("span", { class: "mono" }, text);
const keyLink = (id) => h("a", { href: `#/key/${id}`, class: "mono" }, id);
function fmtDuration(d) {
  // google.protobuf.Duration in JSON: "86400s", "1.5s".
  if (!d) return "—";
  let s = Math.round(parseFloat(d));
  const parts = [];
  for (const [unit, size] of [["d", 86400], ["h", 3600], ["min", 60], ["s", 1]]) if (s >= size) { parts.push(`${Math.floor(s / size)} ${unit}`); s %= size; }
  return parts.join(" ") || "0 s";
}
const fmtLimit = (l) => `${l.requests} per ${strip(l.window, "RATE_LIMIT_WINDOW_").toLowerCase()}`;
const fmtRotation = (r) => `${strip(r.mode, "ROTATION_MODE_")} every ${fmtDuration(r.rotation_period)}, grace ${r.grace_period ? fmtDuration(r.grace_period) : "24 h"}`;
function fmtCredits(c) {
  const parts = [`${c.remaining || "0"} remaining`];
  if (c.refill) parts.push(`refilled to ${c.refill.amount} ${c.refill.interval === "CREDIT_REFILL_INTERVAL_MONTHLY" ? `monthly (day ${c.refill.day_of_month || 1})` : "daily"}`);
  if (Number(c.low_threshold || 0) > 0) parts.push(`low at ${c.low_threshold}`);
  return parts.join(", ");
}
function toast(text) { const t = document.getElementById("toast"); t.textContent = text; t.hidden = false; setTimeout(() => { t.hidden = true; }, 2500); }
function errorBox(err) { return h("p", { class: "error", role: "alert" }, `${err.reason || "Error"}: ${err.message}`); }
function show(...nodes) { stopTail(); main.replaceChildren(...nodes); }

// -- sign in ---------------------------------------------------------------------------------

async function signIn(token) {
  state.token = token;
  const [who, roles] = await Promise.all([api("GET", "/v1/callerIdentity"), fetch("/console/roles.json").then((r) => r.json())]);
  state.caller = who.principal;
  state.allowed = new Set((who.principal.roles || []).flatMap((b) => roles[b.role] || []));
  sessionStorage.setItem(TOKEN, token);
  document.getElementById("nav").hidden = false;
  document.getElementById("who").textContent = `${who.principal.name} · ${(who.principal.roles || []).map((b) => b.role.replace("ROLE_", "")).join(", ")}`;
  for (const a of document.querySelectorAll("[data-needs]")) a.hidden = !can(a.dataset.needs);
}

function signOut() {
  sessionStorage.removeItem(TOKEN);
  Object.assign(state, { token: "", caller: null, allowed: new Set() });
  document.getElementById("nav").hidden = true;
  location.hash = "#/signin";
}

function signInPage() {
  const input = h("input", { type: "password", id: "token", name: "token", autocomplete: "off", placeholder: "kta_…", required: true });
  const out = h("div");
  const form = h("form", { class: "signin", onsubmit: async (e) => {
    e.preventDefault();
    try { await signIn(input.value.trim()); location.hash = "#/orgs"; }
    catch (err) { state.token = ""; out.replaceChildren(errorBox(err)); }
  } }, h("section", {}, h("h1", {}, "Sign in"),
    h("p", { class: "muted" }, "Paste a principal token (kta_…). It stays in this tab's session storage only."),
    h("label", {}, "Principal token", input), h("p", {}, h("button", { type: "submit", id: "signin" }, "Sign in")), out));
  show(form);
  input.focus();
}

// -- lists with pages ------------------------------------------------------------------------

function pagedTable({ load, columns, empty, onPage }) {
  const box = h("div");
  const tokens = [""];
  let index = 0;
  async function render() {
    box.replaceChildren(h("p", { class: "muted" }, "Loading…"));
    try {
      const { rows, next } = await load(tokens[index]);
      tokens[index + 1] = next;
      if (onPage) onPage(rows, index);
      const table = h("table", {}, h("thead", {}, h("tr", {}, columns.map((c) => h("th", {}, c.title)))),
        h("tbody", {}, rows.length ? rows.map((r) => h("tr", {}, columns.map((c) => h("td", {}, c.cell(r))))) : h("tr", {}, h("td", { colspan: columns.length, class: "muted" }, empty))));
      const pager = h("div", { class: "pager" },
        h("button", { class: "secondary", type: "button", disabled: index === 0, onclick: () => { index -= 1; render(); } }, "← Previous"),
        h("button", { class: "secondary", type: "button", id: "next-page", disabled: !next, onclick: () => { index += 1; render(); } }, "Next →"));
      box.replaceChildren(table, pager);
    } catch (err) { box.replaceChildren(errorBox(err)); }
  }
  render();
  box.reload = () => { tokens.length = 1; index = 0; render(); };
  return box;
}

function createForm(label, fields, submit) {
  const inputs = fields.map((f) => f.element || h("input", { name: f.name, placeholder: f.placeholder || "", required: f.required }));
  const out = h("div");
  const form = h("form", { class: "inline", onsubmit: async (e) => {
    e.preventDefault();
    try { await submit(Object.fromEntries(fields.map((f, i) => [f.name, inputs[i].value.trim()]))); out.replaceChildren(); form.reset(); }
    catch (err) { out.replaceChildren(errorBox(err)); }
  } }, fields.map((f, i) => h("label", {}, f.label, inputs[i])), h("button", { type: "submit" }, label));
  return h("div", {}, form, out);
}

// -- organizations ---------------------------------------------------------------------------

const KEY_COLUMNS = [
  { title: "Key", cell: (k) => h("a", { href: `#/key/${k.id}` }, k.metadata && k.metadata.name ? k.metadata.name : k.start) },
  { title: "Start", cell: (k) => h("span", { class: "mono" }, k.start) },
  { title: "Status", cell: (k) => h("span", { class: `status ${k.status}` }, (k.status || "").replace("KEY_STATUS_", "")) },
  { title: "Created", cell: (k) => fmt(k.create_time) },
  { title: "Last used", cell: (k) => fmt(k.last_used_time) },
];

function orgsPage() {
  if (!can("KeyService/ListOrganizations")) {
    // A KEY_REVEALER may get and reveal keys but not list them: it opens a key by its id.
    const openKey = can("KeyService/GetKey")
      ? createForm("Open key", [{ name: "key_id", label: "Key id", required: true }], async ({ key_id }) => { location.hash = `#/key/${encodeURIComponent(key_id)}`; })
      : null;
    show(h("h1", {}, openKey ? "Keys" : "Nothing to manage"), h("section", { id: "no-actions" }, h("p", {}, "Your roles offer no management actions in the console. ",
      can("KeyService/ValidateKey") ? "This principal may only validate keys (POST /v1/keys:validate)." : "",
      openKey ? "Open a key by its id to see it (and reveal it, if it is recoverable and your roles allow)." : ""), openKey));
    return;
  }
  const list = pagedTable({
    load: async (token) => { const r = await api("GET", "/v1/organizations", { query: { page_size: 20, page_token: token } }); return { rows: r.organizations || [], next: r.next_page_token || "" }; },
    columns: [
      { title: "Name", cell: (o) => h("a", { href: `#/org/${o.id}` }, o.name) },
      { title: "Id", cell: (o) => h("span", { class: "mono" }, o.id) },
      { title: "Created", cell: (o) => fmt(o.create_time) },
    ],
    empty: "No organizations yet.",
  });
  const create = can("KeyService/CreateOrganization")
    ? createForm("Create organization", [{ name: "name", label: "Name", required: true }], async ({ name }) => { await api("POST", "/v1/organizations", { body: { name } }); toast("Organization created"); list.reload(); })
    : null;
  show(h("h1", {}, "Organizations"), h("section", {}, create, list));
}

async function orgPage(id) {
  show(h("p", { class: "muted" }, "Loading…"));
  let org;
  try { org = await api("GET", `/v1/organizations/${encodeURIComponent(id)}`); } catch (err) { show(errorBox(err)); return; }
  const projects = pagedTable({
    load: async (t) => { const r = await api("GET", `/v1/organizations/${id}/projects`, { query: { page_size: 10, page_token: t } }); return { rows: r.projects || [], next: r.next_page_token || "" }; },
    columns: [{ title: "Project", cell: (p) => p.name }, { title: "Id", cell: (p) => h("span", { class: "mono" }, p.id) }],
    empty: "No projects.",
  });
  const products = pagedTable({
    load: async (t) => { const r = await api("GET", `/v1/organizations/${id}/products`, { query: { page_size: 10, page_token: t } }); return { rows: r.products || [], next: r.next_page_token || "" }; },
    columns: [{ title: "Product", cell: (p) => p.name }, { title: "Id", cell: (p) => h("span", { class: "mono" }, p.id) }],
    empty: "No products.",
  });
  const status = h("select", { name: "status", id: "status-filter" }, ["all", "active", "revoked", "expired"].map((s) => h("option", { value: s }, s)));
  const keys = pagedTable({
    load: async (t) => { const r = await api("GET", "/v1/keys", { query: { organization_id: id, status: status.value, page_size: 10, page_token: t } }); return { rows: r.keys || [], next: r.next_page_token || "" }; },
    columns: KEY_COLUMNS,
    empty: "No keys match.",
  });
  status.addEventListener("change", () => keys.reload());
  const secretBox = h("div", { id: "new-key" });
  const createKey = can("KeyService/CreateKey") ? createForm("Create key", [
    { name: "name", label: "Name" },
    { name: "scopes", label: "Scopes (comma-separated)" },
    { name: "environment", label: "Environment", element: h("select", { name: "environment" }, h("option", { value: "live" }, "live"), h("option", { value: "test" }, "test")) },
  ], async ({ name, scopes, environment }) => {
    const r = await api("POST", "/v1/keys", { body: { organization_id: id, environment, metadata: { name, scopes: scopes ? scopes.split(",").map((s) => s.trim()).filter(Boolean) : [] } } });
    showSecret(secretBox, r.plaintext, "Copy it now: Keyturn keeps only a hash and will never show it again.");
    keys.reload();
  }) : null;
  const sections = [h("h1", {}, org.name), h("p", { class: "muted mono" }, org.id),
    h("section", {}, h("h2", {}, "API keys"), createKey, secretBox, h("label", {}, "Status", status), keys)];
  const tenancy = h("div", { class: "grid" },
    h("section", {}, h("h2", {}, "Projects"), can("KeyService/CreateProject") ? createForm("Create project", [{ name: "name", label: "Name", required: true }], async ({ name }) => { await api("POST", `/v1/organizations/${id}/projects`, { body: { name } }); projects.reload(); }) : null, projects),
    h("section", {}, h("h2", {}, "Products"), can("KeyService/CreateProduct") ? createForm("Create product", [{ name: "name", label: "Name", required: true }], async ({ name }) => { await api("POST", `/v1/organizations/${id}/products`, { body: { name } }); products.reload(); }) : null, products));
  show(...sections, tenancy,
    can("KeyPolicyService/GetKeyPolicy") ? keyPolicySection(id) : null,
    can("WebhookService/ListWebhooks") ? webhooksSection(id) : null);
}

function keyPolicySection(org) {
  const box = h("section", { id: "key-policy", "aria-live": "polite" }, h("h2", {}, "Key policy"), h("p", { class: "muted" }, "Loading…"));
  const render = (p) => {
    const edit = can("KeyPolicyService/UpdateKeyPolicy")
      ? h("button", { type: "button", class: "secondary", id: "edit-policy", onclick: () => box.replaceChildren(h("h2", {}, "Key policy"), policyForm(org, p, render)) }, "Edit policy")
      : null;
    box.replaceChildren(h("h2", {}, "Key policy"), policyView(p), edit);
  };
  api("GET", "/v1/keyPolicy", { query: { organization_id: org } })
    .then(render)
    .catch((err) => box.replaceChildren(h("h2", {}, "Key policy"), errorBox(err)));
  return box;
}

function compactDuration(d) {
  // "2592000s" -> "30d", the form parseDuration reads back.
  let s = Math.round(parseFloat(d || "0"));
  if (!s) return "";
  const parts = [];
  for (const [unit, size] of [["d", 86400], ["h", 3600], ["m", 60], ["s", 1]]) if (s >= size) { parts.push(`${Math.floor(s / size)}${unit}`); s %= size; }
  return parts.join(" ");
}

function parseDuration(text, field) {
  // "30d", "12h 30m", "90s" or plain seconds -> a google.protobuf.Duration in JSON; "" -> unset.
  const t = text.replace(/\s+/g, "").toLowerCase();
  if (!t) return undefined;
  const size = { d: 86400, h: 3600, m: 60, s: 1 };
  if (!/^(?:\d+[dhms])*\d*$/.test(t)) throw Object.assign(new Error(`${field}: write a duration such as 30d, 12h or 90m`), { reason: "INVALID_ARGUMENT" });
  let total = 0;
  for (const [, n, unit] of t.matchAll(/(\d+)([dhms]?)/g)) total += Number(n) * size[unit || "s"];
  return `${total}s`;
}

function policyForm(org, p, done) {
  // Replaces exactly the fields it shows (update_mask); rate limits, CIDRs, environments and
  // token settings are left as they are (UpdateKeyPolicy over the API sets those).
  const text = (name, label, value, hint) => ({ name, label, element: h("input", { name, value: value || "", placeholder: hint || "" }) });
  const choice = (name, label, options, value) => ({ name, label, element: h("select", { name }, options.map(([v, t]) => h("option", { value: v, selected: v === value }, t))) });
  const fields = [
    text("default_ttl", "Default lifetime", compactDuration(p.default_ttl), "e.g. 90d (empty: none)"),
    text("max_ttl", "Longest lifetime", compactDuration(p.max_ttl), "e.g. 365d (empty: none)"),
    text("allowed_scopes", "Allowed scopes (comma-separated)", (p.allowed_scopes || []).join(", "), "empty: any"),
    text("default_scopes", "Default scopes (comma-separated)", (p.default_scopes || []).join(", ")),
    choice("recoverable", "Recoverable keys", [["", "not set"], ["yes", "yes"], ["no", "no"]], p.recoverable === undefined ? "" : p.recoverable ? "yes" : "no"),
    choice("leaked_key_action", "Leaked-key action", [["LEAKED_KEY_ACTION_UNSPECIFIED", "default (revoke)"], ["LEAKED_KEY_ACTION_REVOKE", "revoke"], ["LEAKED_KEY_ACTION_FLAG", "flag"]], p.leaked_key_action || "LEAKED_KEY_ACTION_UNSPECIFIED"),
    choice("rotation_mode", "Rotation", [["", "none"], ["ROTATION_MODE_REMIND", "remind"], ["ROTATION_MODE_AUTOMATIC", "automatic"]], (p.rotation && p.rotation.mode) || ""),
    text("rotation_period", "Rotation period", compactDuration(p.rotation && p.rotation.rotation_period), "e.g. 90d"),
    text("grace_period", "Grace period", compactDuration(p.rotation && p.rotation.grace_period), "default 24h"),
  ];
  const scopes = (v) => v.split(",").map((x) => x.trim()).filter(Boolean);
  const form = createForm("Save policy", fields, async (v) => {
    const policy = {
      default_ttl: parseDuration(v.default_ttl, "Default lifetime"), max_ttl: parseDuration(v.max_ttl, "Longest lifetime"),
      allowed_scopes: scopes(v.allowed_scopes), default_scopes: scopes(v.default_scopes),
      recoverable: v.recoverable === "" ? undefined : v.recoverable === "yes", leaked_key_action: v.leaked_key_action,
      rotation: v.rotation_mode ? { mode: v.rotation_mode, rotation_period: parseDuration(v.rotation_period, "Rotation period"), grace_period: parseDuration(v.grace_period, "Grace period") } : undefined,
    };
    const saved = await api("PATCH", "/v1/keyPolicy", { body: { organization_id: org, policy, update_mask: "defaultTtl,maxTtl,allowedScopes,defaultScopes,recoverable,leakedKeyAction,rotation" } });
    toast("Key policy saved");
    done(saved);
  });
  form.id = "policy-form";
  return h("div", {}, form, h("button", { type: "button", class: "secondary", onclick: () => done(p) }, "Cancel"));
}

function policyView(p) {
  const list = (values) => (values || []).join(", ");
  const token = p.token ? [strip(p.token.type, "ACCESS_TOKEN_TYPE_") || "JWT", p.token.default_ttl && `default ${fmtDuration(p.token.default_ttl)}`,
    p.token.max_ttl && `at most ${fmtDuration(p.token.max_ttl)}`, (p.token.custom_claims || []).length && `claims ${list(p.token.custom_claims)}`].filter(Boolean).join(", ") : "";
  const rows = [
    ["Default lifetime", p.default_ttl && fmtDuration(p.default_ttl)], ["Longest lifetime", p.max_ttl && fmtDuration(p.max_ttl)],
    ["Allowed scopes", list(p.allowed_scopes)], ["Default scopes", list(p.default_scopes)],
    ["Default rate limit", p.default_rate_limit && fmtLimit(p.default_rate_limit)], ["Highest rate limit", p.max_rate_limit && fmtLimit(p.max_rate_limit)],
    ["Default allowed CIDRs", list(p.default_allowed_cidrs)], ["Environments", (p.allowed_environments || []).map((e) => strip(e, "ENVIRONMENT_").toLowerCase()).join(", ")],
    ["Rotation", p.rotation && fmtRotation(p.rotation)], ["Recoverable keys", p.recoverable === undefined ? "" : p.recoverable ? "Yes" : "No"],
    ["Leaked-key action", strip(p.leaked_key_action, "LEAKED_KEY_ACTION_")], ["Access tokens", token],
  ].filter(([, v]) => v);
  if (!rows.length) return h("p", { class: "muted" }, "No key policy set: keys are created with the server's defaults.");
  return h("div", {}, h("table", {}, h("tbody", {}, rows.map(([k, v]) => h("tr", {}, h("th", { scope: "row" }, k), h("td", {}, v))))),
    h("p", { class: "muted" }, `Last changed ${fmt(p.update_time)}. Fields not listed are not set.`));
}

async function webhookEventTypes() {
  // The event types as the contract lists them (docs/openapi.json), not a copy kept here.
  if (!state.eventTypes) {
    const doc = await fetch("/openapi.json").then((r) => r.json());
    state.eventTypes = doc.components.schemas["keyturn.v1.Webhook"].properties.event_types.items.enum.filter((t) => !t.endsWith("_UNSPECIFIED"));
  }
  return state.eventTypes;
}

function webhooksSection(org) {
  const secretBox = h("div", { id: "webhook-secret" });
  const manage = h("div", { id: "webhook-manage", "aria-live": "polite" });
  const deliveries = h("div", { id: "webhook-deliveries", "aria-live": "polite" });
  const list = pagedTable({
    load: async (t) => { const r = await api("GET", "/v1/webhooks", { query: { organization_id: org, page_size: 10, page_token: t } }); return { rows: r.webhooks || [], next: r.next_page_token || "" }; },
    columns: [
      { title: "URL", cell: (w) => mono(w.url) },
      { title: "Description", cell: (w) => w.description || "—" },
      { title: "Events", cell: (w) => (w.event_types || []).map((t) => strip(t, "KEY_EVENT_TYPE_")).join(", ") || "All" },
      { title: "State", cell: (w) => (w.enabled ? h("span", { class: "ok" }, "Enabled") : h("span", { class: "bad" }, w.disabled_reason ? `Disabled: ${w.disabled_reason}` : "Disabled")) },
      { title: "Created", cell: (w) => fmt(w.create_time) },
      { title: "Deliveries", cell: (w) => (can("WebhookService/ListWebhookDeliveries")
        ? h("button", { type: "button", class: "secondary", "aria-label": `Deliveries to ${w.url}`, "aria-controls": "webhook-deliveries", onclick: () => showDeliveries(deliveries, w) }, "Show")
        : "—") },
      { title: "Manage", cell: (w) => webhookActions(w, { list, manage, secretBox, deliveries }) },
    ],
    empty: "No webhooks.",
  });
  return h("section", { id: "webhooks" }, h("h2", {}, "Webhooks"),
    can("WebhookService/CreateWebhook") ? webhookForm(org, secretBox, list) : null, secretBox, list, manage, deliveries);
}

function webhookActions(w, { list, manage, secretBox, deliveries }) {
  // Per webhook: enable/disable, edit, rotate the signing secret, delete. Forms and errors go
  // to the one `manage` box under the list.
  const button = (label, rpc, cls, aria, onclick) => (can(rpc) ? h("button", { type: "button", class: cls, "aria-label": `${aria} ${w.url}`, "aria-controls": "webhook-manage", onclick }, label) : null);
  const run = async (work) => { try { await work(); } catch (err) { manage.replaceChildren(errorBox(err)); } };
  const buttons = [
    button(w.enabled ? "Disable" : "Enable", "WebhookService/UpdateWebhook", "secondary", w.enabled ? "Disable webhook" : "Enable webhook", () => run(async () => {
      await api("PATCH", `/v1/webhooks/${encodeURIComponent(w.id)}`, { query: { update_mask: "enabled" }, body: { enabled: !w.enabled } });
      manage.replaceChildren(); toast(w.enabled ? "Webhook disabled" : "Webhook enabled"); list.reload();
    })),
    button("Edit", "WebhookService/UpdateWebhook", "secondary", "Edit webhook", () => webhookEditForm(w, manage, list)),
    button("Rotate secret", "WebhookService/RotateWebhookSecret", "secondary", "Rotate the signing secret of", () => webhookRotateForm(w, manage, secretBox, list)),
    button("Delete", "WebhookService/DeleteWebhook", "danger", "Delete webhook", () => {
      if (!window.confirm(`Delete the webhook to ${w.url}? Its deliveries stop and go with it.`)) return;
      run(async () => {
        await api("DELETE", `/v1/webhooks/${encodeURIComponent(w.id)}`);
        manage.replaceChildren();
        if (deliveries.dataset.webhook === w.id) { deliveries.replaceChildren(); delete deliveries.dataset.webhook; }
        toast("Webhook deleted"); list.reload();
      });
    }),
  ].filter(Boolean);
  return buttons.length ? h("div", { class: "actions" }, buttons) : "—";
}

function eventTypeBoxes(legend, checked) {
  const types = h("fieldset", { class: "types" }, h("legend", {}, legend));
  webhookEventTypes().then((all) => types.append(...all.map((t) => h("label", { class: "check" },
    h("input", { type: "checkbox", name: "event_types", value: t, checked: checked.includes(t) }), strip(t, "KEY_EVENT_TYPE_").toLowerCase()))))
    .catch((err) => types.append(errorBox(err)));
  return types;
}

function webhookEditForm(w, manage, list) {
  // Sends only the fields that changed (update_mask, a FieldMask: lowerCamel paths in JSON), so a
  // concurrent edit of another field stays.
  const description = h("input", { name: "description", value: w.description || "" });
  const before = [...(w.event_types || [])].sort();
  const types = eventTypeBoxes("Event types (none ticked: every type)", before);
  const out = h("div");
  const form = h("form", { class: "inline", id: "edit-webhook", onsubmit: async (e) => {
    e.preventDefault();
    const body = {};
    const mask = [];
    if (description.value.trim() !== (w.description || "")) { body.description = description.value.trim(); mask.push("description"); }
    const after = [...types.querySelectorAll("input:checked")].map((i) => i.value).sort();
    if (after.join() !== before.join()) { body.event_types = after; mask.push("eventTypes"); }
    if (!mask.length) { manage.replaceChildren(); toast("Nothing changed"); return; }
    try {
      await api("PATCH", `/v1/webhooks/${encodeURIComponent(w.id)}`, { query: { update_mask: mask.join(",") }, body });
      manage.replaceChildren(); toast("Webhook saved"); list.reload();
    } catch (err) { out.replaceChildren(errorBox(err)); }
  } }, h("label", {}, "Description", description), types, h("button", { type: "submit" }, "Save webhook"),
    h("button", { type: "button", class: "secondary", onclick: () => manage.replaceChildren() }, "Cancel"));
  manage.replaceChildren(h("h3", {}, `Edit the webhook to ${w.url}`), form, out);
  description.focus();
}

function webhookRotateForm(w, manage, secretBox, list) {
  const overlap = h("select", { name: "overlap" }, [["", "24 hours (default)"], ["3600s", "1 hour"], ["604800s", "7 days"], ["0s", "none: stop at once"]]
    .map(([v, t]) => h("option", { value: v }, t)));
  const out = h("div");
  const form = h("form", { class: "inline", id: "rotate-webhook-secret", onsubmit: async (e) => {
    e.preventDefault();
    if (!window.confirm(`Rotate the signing secret of the webhook to ${w.url}?`)) return;
    try {
      const r = await api("POST", `/v1/webhooks/${encodeURIComponent(w.id)}:rotateSecret`, { body: overlap.value ? { overlap: overlap.value } : {} });
      manage.replaceChildren();
      const until = r.webhook && r.webhook.previous_secret_expire_time;
      showSecret(secretBox, r.secret, `The new signing secret of the webhook to ${w.url}: Keyturn will never show it again. ${until ? `The previous secret keeps signing alongside until ${fmt(until)}.` : "The previous secret no longer signs."}`,
        { title: "New signing secret — shown once", id: "webhook-secret-value" });
      toast("Signing secret rotated"); list.reload();
    } catch (err) { out.replaceChildren(errorBox(err)); }
  } }, h("label", {}, "Previous secret keeps signing for", overlap), h("button", { type: "submit" }, "Rotate secret"),
    h("button", { type: "button", class: "secondary", onclick: () => manage.replaceChildren() }, "Cancel"));
  manage.replaceChildren(h("h3", {}, `Rotate the signing secret of ${w.url}`), form, out);
  overlap.focus();
}

function webhookForm(org, secretBox, list) {
  const url = h("input", { name: "url", type: "url", required: true, placeholder: "https://example.com/keyturn" });
  const description = h("input", { name: "description", placeholder: "Optional" });
  const types = eventTypeBoxes("Event types (none ticked: every type)", []);
  const out = h("div");
  const form = h("form", { class: "inline", id: "create-webhook", onsubmit: async (e) => {
    e.preventDefault();
    try {
      const event_types = [...types.querySelectorAll("input:checked")].map((i) => i.value);
      const r = await api("POST", "/v1/webhooks", { body: { organization_id: org, url: url.value.trim(), description: description.value.trim(), event_types } });
      showSecret(secretBox, r.secret, "The signing secret of this webhook's deliveries: Keyturn keeps it encrypted and will never show it again.", { title: "Signing secret — shown once", id: "webhook-secret-value" });
      out.replaceChildren(); form.reset(); toast("Webhook created"); list.reload();
    } catch (err) { out.replaceChildren(errorBox(err)); }
  } }, h("label", {}, "URL", url), h("label", {}, "Description", description), types, h("button", { type: "submit" }, "Create webhook"));
  return h("div", {}, form, out);
}

function showDeliveries(box, w) {
  const last = (d) => {
    const a = (d.attempts || []).at(-1);
    return a ? [a.http_status ? `HTTP ${a.http_status}` : "", a.error || ""].filter(Boolean).join(" · ") || "—" : "—";
  };
  const good = { WEBHOOK_DELIVERY_STATE_SUCCEEDED: "ok", WEBHOOK_DELIVERY_STATE_FAILED: "bad", WEBHOOK_DELIVERY_STATE_GAVE_UP: "bad" };
  const out = h("div");
  const columns = [{ title: "Created", cell: (d) => fmt(d.create_time) }, { title: "Event", cell: (d) => `#${d.event_sequence} ${strip(d.event_type, "KEY_EVENT_TYPE_")}` },
    { title: "State", cell: (d) => h("span", { class: good[d.state] || "" }, strip(d.state, "WEBHOOK_DELIVERY_STATE_")) },
    { title: "Attempts", cell: (d) => d.attempt_count || 0 }, { title: "Last attempt", cell: last },
    { title: "Next attempt", cell: (d) => fmt(d.next_attempt_time) }];
  if (can("WebhookService/RedeliverWebhookDelivery")) columns.push({ title: "Redeliver", cell: (d) => h("button", { type: "button", class: "secondary",
    "aria-label": `Redeliver event #${d.event_sequence} to ${w.url}`, onclick: async () => {
      try {
        await api("POST", `/v1/webhookDeliveries/${encodeURIComponent(d.id)}:redeliver`, { body: {} });
        out.replaceChildren(); toast("Delivery queued to be sent again"); table.reload();
      } catch (err) { out.replaceChildren(errorBox(err)); }
    } }, "Redeliver") });
  const table = pagedTable({
    load: async (t) => { const r = await api("GET", `/v1/webhooks/${encodeURIComponent(w.id)}/deliveries`, { query: { page_size: 10, page_token: t } }); return { rows: r.deliveries || [], next: r.next_page_token || "" }; },
    columns,
    empty: "No deliveries yet.",
  });
  box.dataset.webhook = w.id;
  box.replaceChildren(h("h3", {}, `Recent deliveries to ${w.url}`), out, table,
    h("button", { type: "button", class: "secondary", id: "refresh-deliveries", "aria-label": `Refresh the deliveries to ${w.url}`, onclick: () => table.reload() }, "Refresh"));
}

function showSecret(box, plaintext, note, { title = "New key — shown once", id = "plaintext" } = {}) {
  // Held only in this DOM node; it disappears when the page changes.
  const code = h("div", { class: "secret", id }, plaintext);
  const copy = h("button", { type: "button", id: id === "plaintext" ? "copy" : `${id}-copy`, onclick: async () => { await navigator.clipboard.writeText(plaintext).catch(() => {}); toast("Copied"); } }, "Copy");
  box.replaceChildren(h("section", {}, h("h2", {}, title), code, h("div", { class: "actions" }, copy, h("button", { type: "button", class: "secondary", onclick: () => box.replaceChildren() }, "Done")), h("p", { class: "muted" }, note)));
}

// -- a key -----------------------------------------------------------------------------------

async function keyPage(id) {
  show(h("p", { class: "muted" }, "Loading…"));
  let key;
  try { key = await api("GET", `/v1/keys/${encodeURIComponent(id)}`); } catch (err) { show(errorBox(err)); return; }
  const secretBox = h("div");
  const out = h("div");
  const act = (label, rpc, cls, question, run) => can(rpc) && key.status !== "KEY_STATUS_REVOKED" || (can(rpc) && rpc === "KeyService/DeleteKey")
    ? h("button", { type: "button", class: cls, id: `action-${label.toLowerCase()}`, onclick: async () => {
      if (!window.confirm(question)) return;
      try { await run(); } catch (err) { out.replaceChildren(errorBox(err)); }
    } }, label) : null;
  const actions = h("div", { class: "actions" },
    key.recoverable ? act("Reveal", "KeyService/RevealKey", "secondary", "Show this key's plaintext? The reveal is audited.", async () => {
      const r = await api("POST", `/v1/keys/${id}:reveal`, { body: {} });
      out.replaceChildren();
      showSecret(secretBox, r.plaintext, "The key's plaintext, revealed: it is in no browser storage and goes when you leave this page.", { title: "Key plaintext — shown once" });
    }) : null,
    act("Rotate", "KeyService/RotateKey", "secondary", "Rotate this key? The old key keeps working for 24 hours.", async () => {
      const r = await api("POST", `/v1/keys/${id}:rotate`, { body: {} });
      location.hash = `#/key/${r.key.id}`; await keyPage(r.key.id);
      showSecret(main.querySelector("#secret-slot"), r.plaintext, "The successor key's plaintext. Copy it now.");
    }),
    act("Revoke", "KeyService/RevokeKey", "danger", "Revoke this key? It stops working at once.", async () => { await api("POST", `/v1/keys/${id}:revoke`, { body: { reason: "revoked in the console" } }); toast("Key revoked"); keyPage(id); }),
    act("Delete", "KeyService/DeleteKey", "danger", "Delete this key for good?", async () => { await api("DELETE", `/v1/keys/${id}`); toast("Key deleted"); location.hash = `#/org/${key.organization_id}`; }));
  const facts = [["Status", h("span", { class: `status ${key.status}`, id: "key-status" }, (key.status || "").replace("KEY_STATUS_", ""))],
    ["Start", h("span", { class: "mono" }, key.start)], ["Environment", (key.environment || "").replace("ENVIRONMENT_", "")],
    ["Scopes", ((key.metadata || {}).scopes || []).join(", ") || "—"], ["Created", fmt(key.create_time)], ["Expires", fmt(key.expire_time)],
    ["Revoked", fmt(key.revoke_time)], ["Uses", key.use_count || "0"], ["Last used", fmt(key.last_used_time)],
    ["Recoverable", h("span", { id: "key-recoverable" }, key.recoverable ? "Yes (RevealKey can show its plaintext)" : "No")],
    ["Rotation", h("span", { id: "key-rotation" }, key.rotation ? fmtRotation(key.rotation) : "None")],
    ["Next rotation", h("span", { id: "key-next-rotation" }, fmt(key.next_rotation_time))],
    ["Credits", h("span", { id: "key-credits" }, key.credits ? fmtCredits(key.credits) : "Unlimited")],
    ["Rate limit", ((key.metadata || {}).rate_limit && fmtLimit(key.metadata.rate_limit)) || "Unlimited"]];
  const named = (key.metadata || {}).named_limits || [];
  if (named.length) facts.push(["Named limits", h("ul", { id: "key-named-limits" }, named.map((l) => h("li", {}, h("span", { class: "mono" }, l.name), `: ${fmtLimit(l)}`)))]);
  for (const [label, value] of [["Parent key", key.parent_key_id], ["Rotated from", key.rotated_from_key_id], ["Replaced by", key.replaced_by_key_id]]) if (value) facts.push([label, keyLink(value)]);
  if (key.leak_time) facts.push(["Reported leaked", h("span", { class: "bad" }, fmt(key.leak_time))]);
  secretBox.id = "secret-slot";
  const usage = h("section", {}, h("h2", {}, "Usage (last 14 days)"), h("p", { class: "muted" }, "Loading…"));
  const audit = h("section", { id: "key-audit" }, h("h2", {}, "Audit events"));
  const children = can("KeyService/ListKeys") ? h("section", { id: "key-children", hidden: true }, h("h2", {}, "Child keys"), pagedTable({
    load: async (t) => { const r = await api("GET", "/v1/keys", { query: { organization_id: key.organization_id, parent_key_id: id, page_size: 10, page_token: t } }); return { rows: r.keys || [], next: r.next_page_token || "" }; },
    columns: KEY_COLUMNS,
    empty: "No child keys.",
    onPage: (rows, index) => { children.hidden = index === 0 && !rows.length; }, // shown only for a key with children
  })) : null;
  const events = can("KeyEventService/ListKeyEvents")
    ? h("section", { id: "key-events" }, h("h2", {}, "Key events"), keyEventsTable({ "filter.organization_id": key.organization_id, "filter.key_id": id }))
    : null;
  show(h("p", {}, h("a", { href: `#/org/${key.organization_id}` }, "← Organization")),
    h("h1", {}, (key.metadata && key.metadata.name) || key.start), h("p", { class: "muted mono" }, key.id),
    h("section", {}, h("table", {}, h("tbody", {}, facts.map(([k, v]) => h("tr", {}, h("th", { scope: "row" }, k), h("td", {}, v))))), actions, out), secretBox, children, events, usage, audit);
  if (can("AuditService/GetUsageReport")) loadUsage(usage, id); else usage.remove();
  if (can("AuditService/ListAuditEvents")) audit.append(eventsTable({ "filter.key_id": id })); else audit.remove();
}

function keyEventsTable(filter) {
  // The key-event log (KeyEventService), oldest first: what happened to keys, as webhooks see it.
  const details = (data) => {
    const entries = Object.entries(data || {});
    return entries.length ? h("span", { class: "mono" }, entries.map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : v}`).join("; ")) : "—";
  };
  return pagedTable({
    load: async (t) => { const r = await api("GET", "/v1/keyEvents", { query: { ...filter, page_size: 15, page_token: t } }); return { rows: r.events || [], next: r.next_page_token || "" }; },
    columns: [{ title: "#", cell: (e) => mono(e.sequence) }, { title: "Time", cell: (e) => fmt(e.event_time) },
      { title: "Event", cell: (e) => strip(e.type, "KEY_EVENT_TYPE_") }, { title: "Actor", cell: (e) => mono(e.actor) },
      { title: "Details", cell: (e) => details(e.data) }],
    empty: "No key events.",
  });
}

async function loadUsage(box, id) {
  const end = new Date();
  const start = new Date(end.getTime() - 14 * 86400e3);
  try {
    const r = await api("GET", "/v1/usageReport", { query: { key_id: id, start_time: start.toISOString(), end_time: end.toISOString(), granularity: "day" } });
    box.replaceChildren(h("h2", {}, "Usage (last 14 days)"), usageChart(r.buckets || []),
      h("p", { class: "muted" }, `${r.total_success || 0} successful and ${r.total_failure || 0} failed validations recorded.`));
  } catch (err) { box.replaceChildren(h("h2", {}, "Usage"), errorBox(err)); }
}

function usageChart(buckets) {
  const NS = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("class", "chart"); svg.setAttribute("viewBox", "0 0 700 160"); svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "Validations per day");
  const max = Math.max(1, ...buckets.map((b) => Number(b.success_count || 0) + Number(b.failure_count || 0)));
  const width = 700 / Math.max(1, buckets.length);
  buckets.forEach((b, i) => {
    const ok = Number(b.success_count || 0); const bad = Number(b.failure_count || 0);
    const okH = (ok / max) * 130; const badH = (bad / max) * 130;
    for (const [cls, y, hgt] of [["success", 140 - okH, okH], ["failure", 140 - okH - badH, badH]]) {
      const rect = document.createElementNS(NS, "rect");
      rect.setAttribute("class", cls); rect.setAttribute("x", String(i * width + 2)); rect.setAttribute("y", String(y));
      rect.setAttribute("width", String(Math.max(1, width - 4))); rect.setAttribute("height", String(hgt));
      svg.append(rect);
    }
    const label = document.createElementNS(NS, "text");
    label.setAttribute("x", String(i * width + 2)); label.setAttribute("y", "155");
    label.textContent = new Date(b.start_time).toLocaleDateString(undefined, { month: "numeric", day: "numeric" });
    svg.append(label);
  });
  return svg;
}

function eventRow(e) {
  return h("tr", {}, h("td", { class: "mono" }, e.sequence), h("td", {}, fmt(e.event_time)), h("td", {}, e.action),
    h("td", { class: e.outcome === "AUDIT_OUTCOME_FAILURE" ? "bad" : "ok" }, (e.outcome || "").replace("AUDIT_OUTCOME_", "")),
    h("td", { class: "mono" }, e.actor), h("td", { class: "mono" }, e.resource_id || ""));
}
const EVENT_HEAD = () => h("thead", {}, h("tr", {}, ["#", "Time", "Action", "Outcome", "Actor", "Resource"].map((t) => h("th", {}, t))));

function eventsTable(filter) {
  return pagedTable({
    load: async (t) => { const r = await api("GET", "/v1/auditEvents", { query: { ...filter, order: "AUDIT_ORDER_NEWEST_FIRST", page_size: 15, page_token: t } }); return { rows: r.events || [], next: r.next_page_token || "" }; },
    columns: [{ title: "#", cell: (e) => h("span", { class: "mono" }, e.sequence) }, { title: "Time", cell: (e) => fmt(e.event_time) },
      { title: "Action", cell: (e) => e.action }, { title: "Outcome", cell: (e) => (e.outcome || "").replace("AUDIT_OUTCOME_", "") },
      { title: "Actor", cell: (e) => h("span", { class: "mono" }, e.actor) }],
    empty: "No audit events.",
  });
}

// -- the audit trail -------------------------------------------------------------------------

function stopTail() { if (state.tail) { state.tail.abort(); state.tail = null; } }

async function tail(body, statusEl) {
  // Server-sent events read through fetch (EventSource cannot send the Authorization header).
  stopTail();
  const controller = new AbortController();
  state.tail = controller;
  statusEl.textContent = "Live tail: connecting…";
  try {
    const res = await fetch("/v1/auditEvents:stream?live_only=true", { headers: { Authorization: `Bearer ${state.token}` }, signal: controller.signal });
    if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => ({})));
    statusEl.textContent = "Live tail: on";
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let cut;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const frame = buffer.slice(0, cut); buffer = buffer.slice(cut + 2);
        const data = frame.split("\n").filter((l) => l.startsWith("data: ")).map((l) => l.slice(6)).join("\n");
        if (!data) continue;
        const message = JSON.parse(data);
        if (frame.startsWith("event: error")) { statusEl.textContent = `Live tail ended: ${message.message}`; return; }
        body.prepend(eventRow(message.event));
      }
    }
    statusEl.textContent = "Live tail: ended";
  } catch (err) {
    if (err.name !== "AbortError") statusEl.textContent = `Live tail failed: ${err.message}`;
  }
}

async function auditPage() {
  const chain = h("p", { id: "chain-status", class: "muted" }, "Checking the chain…");
  const live = h("tbody", { id: "live-events" });
  const tailStatus = h("p", { class: "muted", id: "tail-status" }, "Live tail: off");
  const tailButton = h("button", { type: "button", id: "tail", onclick: () => (state.tail ? (stopTail(), (tailStatus.textContent = "Live tail: off")) : tail(live, tailStatus)) }, "Start/stop live tail");
  show(h("h1", {}, "Audit trail"),
    h("section", {}, h("h2", {}, "Chain verification"), chain),
    h("section", {}, h("h2", {}, "Live tail"), tailButton, tailStatus, h("table", {}, EVENT_HEAD(), live)),
    h("section", {}, h("h2", {}, "Recent events"), eventsTable({})));
  if (can("AuditService/VerifyAuditChain")) {
    try {
      const r = await api("POST", "/v1/auditEvents:verifyChain", { body: {} });
      chain.className = r.ok ? "ok" : "bad";
      chain.textContent = r.ok ? `Chain intact: ${r.events_checked || 0} events verified.` : `Chain broken at #${r.first_bad_sequence}: ${r.problem}`;
    } catch (err) { chain.replaceChildren(errorBox(err)); }
  } else chain.textContent = "Your roles may not verify the chain.";
}

// -- routing ---------------------------------------------------------------------------------

async function route() {
  if (!state.caller && state.token) {
    try { await signIn(state.token); } catch { sessionStorage.removeItem(TOKEN); state.token = ""; }
  }
  if (!state.caller) { signInPage(); return; }
  const [, page, id] = (location.hash || "#/orgs").split("/");
  if (page === "org" && id) return orgPage(id);
  if (page === "key" && id) return keyPage(id);
  if (page === "audit") return auditPage();
  if (page === "signin") { location.hash = "#/orgs"; return; }
  return orgsPage();
}

document.getElementById("signout").addEventListener("click", signOut);
window.addEventListener("hashchange", route);
route();
