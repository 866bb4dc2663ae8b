// Qaror's web console: the catalog, a form built from a service's declared inputs, and the decision with its
// explanation, in Uzbek (Latin and Cyrillic), Russian and English. Plain script over the server's own API.
"use strict";

const TEXTS = {
  "uz": {
    pick: "Chapdan xizmatni tanlang: uning qoidalari, parametrlari va arizani sinash shakli shu yerda ko'rinadi.",
    subtitle: "qarorlar konsoli", language: "Til", token: "Token", services: "Xizmatlar", parameters: "Parametrlar",
    filter: "Qidirish", rules: "Qoidalar", rule: "Qoida", legalBasis: "Huquqiy asos",
    serviceParameters: "Xizmat o'qiydigan parametrlar", try: "Arizani sinab ko'rish", asJson: "Ariza JSON ko'rinishida",
    decide: "Qaror chiqarish", decision: "Qaror", missing: "Yetishmayotgan ma'lumotlar", problems: "Xatolar",
    explanation: "Tushuntirish", firedRules: "Ishlagan qoidalar", parametersUsed: "Qo'llangan parametrlar",
    parameter: "Parametr", value: "Qiymat", from: "Kuchga kirgan sana", act: "Hujjat", feeComputation: "To'lov hisobi",
    agency: "Idora", fee: "To'lov", deadline: "Muddat", inputs: "Kiritiladigan ma'lumotlar", automatic: "Avtomatik",
    yes: "ha", no: "yo'q", notSet: "— ko'rsatilmagan —", attached: "ilova qilingan", workingDays: "ish kuni",
    days: "kun", months: "oy", bca: "BHM", soum: "so'm", total: "Jami", decisionId: "Qaror identifikatori",
    rulesVersion: "Qoidalar versiyasi", facts: "Faktlar", values: "Qiymatlar", current: "Hozirgi qiymat",
    channels: "Kanallar", unreadable: "Ma'lumot noto'g'ri JSON", needToken: "Server token talab qiladi: uni yuqorida kiriting.",
    shared: "umumiy", own: "xizmatning o'zi",
    outcomes: {APPROVED: "Tasdiqlandi", REJECTED: "Rad etildi", REFERRED: "Xodimga yuborildi", INCOMPLETE: "To'liq emas", ERROR: "Qaror chiqarib bo'lmadi"}
  },
  "uz-Cyrl": {
    pick: "Чапдан хизматни танланг: унинг қоидалари, параметрлари ва аризани синаш шакли шу ерда кўринади.",
    subtitle: "қарорлар консоли", language: "Тил", token: "Токен", services: "Хизматлар", parameters: "Параметрлар",
    filter: "Қидириш", rules: "Қоидалар", rule: "Қоида", legalBasis: "Ҳуқуқий асос",
    serviceParameters: "Хизмат ўқийдиган параметрлар", try: "Аризани синаб кўриш", asJson: "Ариза JSON кўринишида",
    decide: "Қарор чиқариш", decision: "Қарор", missing: "Етишмаётган маълумотлар", problems: "Хатолар",
    explanation: "Тушунтириш", firedRules: "Ишлаган қоидалар", parametersUsed: "Қўлланган параметрлар",
    parameter: "Параметр", value: "Қиймат", from: "Кучга кирган сана", act: "Ҳужжат", feeComputation: "Тўлов ҳисоби",
    agency: "Идора", fee: "Тўлов", deadline: "Муддат", inputs: "Киритиладиган маълумотлар", automatic: "Автоматик",
    yes: "ҳа", no: "йўқ", notSet: "— кўрсатилмаган —", attached: "илова қилинган", workingDays: "иш куни",
    days: "кун", months: "ой", bca: "БҲМ", soum: "сўм", total: "Жами", decisionId: "Қарор идентификатори",
    rulesVersion: "Қоидалар версияси", facts: "Фактлар", values: "Қийматлар", current: "Ҳозирги қиймат",
    channels: "Каналлар", unreadable: "Маълумот нотўғри JSON", needToken: "Сервер токен талаб қилади: уни юқорида киритинг.",
    shared: "умумий", own: "хизматнинг ўзи",
    outcomes: {APPROVED: "Тасдиқланди", REJECTED: "Рад этилди", REFERRED: "Ходимга юборилди", INCOMPLETE: "Тўлиқ эмас", ERROR: "Қарор чиқариб бўлмади"}
  },
  "ru": {
    pick: "Выберите услугу слева: здесь появятся её правила, параметры и форма для проверки заявления.",
    subtitle: "консоль решений", language: "Язык", token: "Токен", services: "Услуги", parameters: "Параметры",
    filter: "Поиск", rules: "Правила", rule: "Правило", legalBasis: "Правовое основание",
    serviceParameters: "Параметры, которые читает услуга", try: "Проверить заявление", asJson: "Заявление в виде JSON",
    decide: "Принять решение", decision: "Решение", missing: "Недостающие сведения", problems: "Ошибки",
    explanation: "Объяснение", firedRules: "Сработавшие правила", parametersUsed: "Применённые параметры",
    parameter: "Параметр", value: "Значение", from: "Действует с", act: "Акт", feeComputation: "Расчёт платы",
    agency: "Ведомство", fee: "Плата", deadline: "Срок", inputs: "Вводимые сведения", automatic: "Автоматически",
    yes: "да", no: "нет", notSet: "— не указано —", attached: "приложено", workingDays: "рабочих дней",
    days: "дней", months: "месяцев", bca: "БРВ", soum: "сум", total: "Итого", decisionId: "Идентификатор решения",
    rulesVersion: "Версия правил", facts: "Факты", values: "Значения", current: "Текущее значение",
    channels: "Каналы", unreadable: "Неверный JSON", needToken: "Сервер требует токен: введите его вверху.",
    shared: "общий", own: "собственный",
    outcomes: {APPROVED: "Одобрено", REJECTED: "Отказано", REFERRED: "Передано сотруднику", INCOMPLETE: "Неполное заявление", ERROR: "Решение не принято"}
  },
  "en": {
    pick: "Pick a service on the left: its rules, parameters and a form to try an application appear here.",
    subtitle: "decision console", language: "Language", token: "Token", services: "Services", parameters: "Parameters",
    filter: "Filter", rules: "Rules", rule: "Rule", legalBasis: "Legal basis",
    serviceParameters: "Parameters the service reads", try: "Try an application", asJson: "The application as JSON",
    decide: "Decide", decision: "Decision", missing: "Missing information", problems: "Problems",
    explanation: "Explanation", firedRules: "Rules that fired", parametersUsed: "Parameters used",
    parameter: "Parameter", value: "Value", from: "In force from", act: "Act", feeComputation: "Fee computation",
    agency: "Agency", fee: "Fee", deadline: "Deadline", inputs: "Inputs", automatic: "Automatic",
    yes: "yes", no: "no", notSet: "— not set —", attached: "attached", workingDays: "working days",
    days: "days", months: "months", bca: "BCA", soum: "soum", total: "Total", decisionId: "Decision id",
    rulesVersion: "Rules version", facts: "Facts", values: "Values", current: "Value today",
    channels: "Channels", unreadable: "Not valid JSON", needToken: "The server needs a token: enter it above.",
    shared: "shared", own: "the service's own",
    outcomes: {APPROVED: "Approved", REJECTED: "Rejected", REFERRED: "Referred to an officer", INCOMPLETE: "Incomplete", ERROR: "Could not be decided"}
  }
};

const state = { lang: localStorage.getItem("qaror.lang") || "uz", services: [], selected: null, detail: null };
const $ = (id) => document.getElementById(id);
const t = (key) => TEXTS[state.lang][key] || TEXTS.en[key] || key;

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value !== undefined && value !== null) node.setAttribute(name, value);
  });
  children.flat().forEach((child) => {
    if (child !== undefined && child !== null) node.append(child instanceof Node ? child : String(child));
  });
  return node;
}

function notice(text) {
  $("notice").textContent = text || "";
  $("notice").hidden = !text;
}

async function api(path, options) {
  const headers = Object.assign({}, (options && options.headers) || {});
  const token = $("token").value.trim() || sessionStorage.getItem("qaror.token");
  if (token) headers["Authorization"] = "Bearer " + token;
  const separator = path.includes("?") ? "&" : "?";
  const response = await fetch(path + separator + "lang=" + encodeURIComponent(state.lang),
      Object.assign({}, options, { headers }));
  if (response.status === 401) notice(t("needToken"));
  const body = await response.json();
  return { status: response.status, body, headers: response.headers };
}

function translatePage() {
  document.documentElement.lang = state.lang;
  document.querySelectorAll("[data-text]").forEach((node) => { node.textContent = t(node.dataset.text); });
  document.querySelectorAll("[data-placeholder]").forEach((node) => { node.placeholder = t(node.dataset.placeholder); });
}

async function loadServices() {
  const lang = state.lang;
  const { status, body } = await api("/v1/services");
  // An answer in a language since changed is dropped: the later request answers in the new one.
  if (status !== 200 || lang !== state.lang) return;
  notice("");
  state.services = body.services;
  renderServiceList();
}

function renderServiceList() {
  const filter = $("filter").value.trim().toLowerCase();
  const list = $("service-list");
  list.replaceChildren();
  state.services
    .filter((s) => !filter || s.id.includes(filter) || s.name.toLowerCase().includes(filter))
    .forEach((service) => {
      const button = element("button", { type: "button", "data-service": service.id,
          class: service.id === state.selected ? "selected" : null },
        service.name, element("small", {}, (service.agency ? service.agency.names[state.lang] || service.agency.id : "")
          + (service.automatic ? "" : " · " + t("automatic") + ": " + t("no"))));
      button.addEventListener("click", () => selectService(service.id));
      list.append(element("li", {}, button));
    });
}

async function selectService(id) {
  state.selected = id;
  renderServiceList();
  const lang = state.lang;
  const [detail, example] = await Promise.all([api("/v1/services/" + encodeURIComponent(id)),
    api("/v1/services/" + encodeURIComponent(id) + "/example")]);
  if (detail.status !== 200 || lang !== state.lang || id !== state.selected) return;
  state.detail = detail.body;
  renderService(detail.body);
  const application = example.status === 200 ? example.body.application : { service: id };
  $("application-json").value = JSON.stringify(application, null, 2);
  renderFields(detail.body.inputs, application);
  $("result").hidden = true;
}

function feeText(fee) {
  if (!fee || !fee.components || fee.components.length === 0) return "—";
  return fee.components.map((c) => (c.names && c.names[state.lang] ? c.names[state.lang] + ": " : c.code + ": ")
      + c.bca + " " + t("bca") + (c.onlineBca !== undefined ? " (online " + c.onlineBca + " " + t("bca") + ")" : ""))
    .join("; ");
}

function deadlineText(deadline) {
  if (!deadline) return "—";
  const parts = [];
  if (deadline.workingDays) parts.push(deadline.workingDays + " " + t("workingDays"));
  if (deadline.days) parts.push(deadline.days + " " + t("days"));
  if (deadline.months) parts.push(deadline.months + " " + t("months"));
  return parts.join(", ") + (deadline.legalBasis ? " — " + deadline.legalBasis : "");
}

function renderService(service) {
  $("hint").hidden = true;
  $("service").hidden = false;
  $("service-name").textContent = service.name;
  $("service-meta").textContent = service.id + (service.portalId ? " · my.gov.uz " + service.portalId : "")
    + " · " + t("rulesVersion") + " " + service.rulesVersion;
  const facts = $("service-facts");
  facts.replaceChildren();
  const row = (label, value) => facts.append(element("dt", {}, label), element("dd", {}, value));
  row(t("agency"), service.agency ? service.agency.names[state.lang] || service.agency.id : "—");
  row(t("legalBasis"), element("ul", {}, service.legalBasis.map((b) => element("li", {}, b))));
  row(t("fee"), feeText(service.fee) + (service.fee && service.fee.legalBasis ? " — " + service.fee.legalBasis : ""));
  row(t("deadline"), deadlineText(service.deadline));
  row(t("automatic"), service.automatic ? t("yes") : t("no"));
  row(t("channels"), service.channels.join(", "));
  row(t("inputs"), element("ul", {}, service.inputs.map((i) => element("li", {},
    i.labels[state.lang] + " ", element("code", {}, i.path)))));
  const rules = $("rules").tBodies[0];
  rules.replaceChildren();
  service.rules.forEach((r) => rules.append(element("tr", {}, element("td", {}, r.name), element("td", {}, r.legalBasis || "—"))));
  service.problems.forEach((p) => rules.append(element("tr", {}, element("td", {}, p.path), element("td", {}, p.message))));
  $("service-parameters").replaceChildren(...service.parameters.map(seriesTable));
}

function seriesTable(series) {
  const title = (series.description[state.lang] || series.id) + " (" + series.id
    + (series.scope ? ", " + (series.scope === "shared" ? t("shared") : t("own")) : "") + ")";
  return element("div", { class: "series", "data-parameter": series.id },
    element("h4", {}, title),
    element("table", {}, element("thead", {}, element("tr", {}, element("th", {}, t("from")),
        element("th", {}, t("value")), element("th", {}, t("act")))),
      element("tbody", {}, series.values.map((v) => element("tr", {}, element("td", {}, v.from),
        element("td", {}, v.value + (series.unit ? " " + (series.unit === "soum" ? t("soum") : series.unit) : "")),
        element("td", {}, (v.legalBasis || "—") + (v.verification ? " [" + v.verification + "]" : "")))))));
}

function valueAt(object, path) {
  return path.split(".").reduce((node, key) => (node === undefined || node === null ? undefined : node[key]), object);
}

function setAt(object, path, value) {
  const keys = path.split(".");
  let node = object;
  keys.slice(0, -1).forEach((key) => {
    if (typeof node[key] !== "object" || node[key] === null) node[key] = {};
    node = node[key];
  });
  if (value === undefined) delete node[keys[keys.length - 1]];
  else node[keys[keys.length - 1]] = value;
}

function renderFields(inputs, application) {
  const fields = $("fields");
  fields.replaceChildren();
  inputs.forEach((input, index) => {
    const id = "field-" + index;
    const label = element("label", { for: id, class: input.required ? "required" : null }, input.labels[state.lang]);
    let control;
    if (input.control === "document") {
      const type = input.path.substring("documents.".length);
      const attached = (application.documents || []).some((d) => d.type === type);
      control = element("input", { type: "checkbox", id });
      control.checked = attached;
    } else if (input.control === "boolean" || input.control === "enum") {
      const options = input.control === "boolean" ? ["true", "false"] : input.values;
      const current = valueAt(application, input.path);
      control = element("select", { id }, element("option", { value: "" }, t("notSet")),
        options.map((o) => element("option", { value: o },
          input.control === "boolean" ? (o === "true" ? t("yes") : t("no")) : o)));
      control.value = current === undefined || current === null ? "" : String(current);
    } else if (input.control === "json") {
      const current = valueAt(application, input.path);
      control = element("textarea", { id, rows: 3, spellcheck: "false" });
      control.value = current === undefined ? "" : JSON.stringify(current);
    } else {
      const type = input.control === "date" ? "date"
        : (input.control === "integer" || input.control === "number" ? "number" : "text");
      control = element("input", { id, type, step: input.control === "number" ? "any" : null });
      const current = valueAt(application, input.path);
      control.value = current === undefined || current === null ? "" : String(current);
    }
    control.dataset.path = input.path;
    control.dataset.control = input.control;
    control.name = input.path;
    fields.append(label, control);
  });
}

/** The application: the JSON below the form, with what the form's fields say written over it. */
function applicationFromForm() {
  const application = JSON.parse($("application-json").value || "{}");
  document.querySelectorAll("#fields [data-path]").forEach((control) => {
    const path = control.dataset.path;
    switch (control.dataset.control) {
      case "document": {
        const type = path.substring("documents.".length);
        const others = (application.documents || []).filter((d) => d.type !== type);
        const own = (application.documents || []).filter((d) => d.type === type);
        application.documents = control.checked ? others.concat(own.length ? own : [{ type, number: "1" }]) : others;
        break;
      }
      case "boolean":
        setAt(application, path, control.value === "" ? undefined : control.value === "true");
        break;
      case "integer":
        setAt(application, path, control.value === "" ? undefined : parseInt(control.value, 10));
        break;
      case "number":
        setAt(application, path, control.value === "" ? undefined : Number(control.value));
        break;
      case "json":
        setAt(application, path, control.value.trim() === "" ? undefined : JSON.parse(control.value));
        break;
      default:
        setAt(application, path, control.value === "" ? undefined : control.value);
    }
  });
  return application;
}

async function decide(event) {
  event.preventDefault();
  let application;
  try {
    application = applicationFromForm();
  } catch (error) {
    showProblems([{ path: "$", message: t("unreadable") + ": " + error.message }]);
    return;
  }
  $("application-json").value = JSON.stringify(application, null, 2);
  const { status, body, headers } = await api("/v1/explain", {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(application) });
  renderResult(status, body, headers);
}

function showProblems(problems) {
  $("result").hidden = false;
  $("outcome").textContent = t("outcomes").ERROR;
  $("outcome").className = "outcome ERROR";
  $("outcome").dataset.outcome = "ERROR";
  ["meaning", "reasons", "missing", "fired", "ids"].forEach((id) => $(id).replaceChildren());
  $("missing-box").hidden = true;
  $("explanation").hidden = true;
  $("problems-box").hidden = false;
  $("problems").replaceChildren(...problems.map((p) => element("li", {}, element("code", {}, p.path), " ", p.message)));
}

function renderResult(status, body, headers) {
  if (status !== 200) {
    showProblems(body.error ? body.error.problems : [{ path: "$", message: "HTTP " + status }]);
    $("ids").textContent = body.decisionId ? t("decisionId") + ": " + body.decisionId : "";
    return;
  }
  $("result").hidden = false;
  $("problems-box").hidden = true;
  $("outcome").textContent = t("outcomes")[body.outcome] || body.outcome;
  $("outcome").className = "outcome " + body.outcome;
  $("outcome").dataset.outcome = body.outcome;
  $("meaning").textContent = body.meaning;
  $("reasons").replaceChildren(...body.reasons.map((r) => element("li", { "data-code": r.code }, r.message,
    element("span", { class: "basis" }, (r.legalBasis || "") + (r.rule ? " · " + r.rule : "")))));
  $("missing-box").hidden = body.missing.length === 0;
  $("missing").replaceChildren(...body.missing.map((m) => element("li", {}, m.label || m.path, " ",
    element("code", {}, m.path))));
  $("ids").textContent = t("decisionId") + ": " + headers.get("Qaror-Decision-Id") + " · "
    + t("rulesVersion") + ": " + headers.get("Qaror-Rules-Version");
  $("explanation").hidden = false;
  $("fired").replaceChildren(...body.rules.map((r) => element("li", {}, element("strong", {}, r.rule),
    element("span", { class: "basis" }, r.legalBasis || ""),
    r.facts.length ? element("div", {}, t("facts") + ": ", element("code", {}, r.facts.join("; "))) : null,
    Object.keys(r.values).length ? element("div", {}, t("values") + ": ", element("code", {},
      Object.entries(r.values).map(([k, v]) => k + " = " + v).join("; "))) : null)));
  const used = $("used").tBodies[0];
  used.replaceChildren(...body.parameters.map((p) => element("tr", {}, element("td", {}, p.description || p.id),
    element("td", {}, p.value), element("td", {}, p.effectiveFrom), element("td", {}, p.legalBasis || "—"))));
  $("fee-box").hidden = !body.fee;
  if (body.fee) {
    const rows = body.fee.components.map((c) => element("tr", {}, element("td", {}, c.name || c.code),
      element("td", {}, c.bca + " " + t("bca")), element("td", {}, c.soum + " " + t("soum"))));
    rows.push(element("tr", {}, element("th", {}, t("total")), element("th", {}, body.fee.totalBca + " " + t("bca")),
      element("th", {}, body.fee.totalSoum + " " + t("soum") + " (1 " + t("bca") + " = " + body.fee.bcaValue + " "
        + t("soum") + ", " + body.fee.bcaDate + ")")));
    $("fee").tBodies[0].replaceChildren(...rows);
  }
}

async function loadParameters() {
  const { status, body } = await api("/v1/parameters");
  if (status !== 200) return;
  $("all-parameters").replaceChildren(...body.parameters.map(seriesTable));
}

function showTab(name) {
  document.querySelectorAll(".tab").forEach((tab) => tab.classList.toggle("active", tab.dataset.tab === name));
  $("services-view").hidden = name !== "services";
  $("parameters-view").hidden = name !== "parameters";
  if (name === "parameters") loadParameters();
}

async function changeLanguage() {
  let application = null;
  if (state.selected) {
    try {
      application = applicationFromForm();
    } catch (error) {
      application = null;
    }
  }
  state.lang = $("lang").value;
  localStorage.setItem("qaror.lang", state.lang);
  translatePage();
  await loadServices();
  if (state.selected && application) {
    const lang = state.lang;
    const detail = await api("/v1/services/" + encodeURIComponent(state.selected));
    if (detail.status === 200 && lang === state.lang) {
      state.detail = detail.body;
      renderService(detail.body);
      $("application-json").value = JSON.stringify(application, null, 2);
      renderFields(detail.body.inputs, application);
    }
  }
  if (!$("parameters-view").hidden) loadParameters();
}

document.addEventListener("DOMContentLoaded", () => {
  $("lang").value = state.lang;
  $("lang").addEventListener("change", changeLanguage);
  $("token").addEventListener("change", () => {
    sessionStorage.setItem("qaror.token", $("token").value.trim());
    loadServices();
  });
  $("filter").addEventListener("input", renderServiceList);
  document.querySelectorAll(".tab").forEach((tab) => tab.addEventListener("click", () => showTab(tab.dataset.tab)));
  $("application-form").addEventListener("submit", decide);
  translatePage();
  loadServices();
});
