// The console: routes on the address's #fragment, draws each view from the API, refreshes the figures by
// polling every 30 seconds while the tab is visible (a few small GETs: no connection held open on the service,
// and it works through any proxy).
import { get, open, setToken, forgetToken, NeedsToken, Forbidden } from './api.js';
import { h, table, link, heading, para } from './dom.js';
import { percentChart } from './charts.js';

const REFRESH_MS = 30000;
const HEADLINES = ['stage1.received', 'stage2.received', 'stage3.received', 'stage1.resolved', 'stage1.upheld',
  'stage1.upheld.rate', 'escalation.rate', 'stage1.timeliness.within10', 'stage1.timeliness.over20',
  'compliments.received', 'ombudsman.enquiries'];
const TIMELINESS = [
  { id: 'stage1.timeliness.within10.rate', title: 'Stage 1 responses within 10 working days', days: 10 },
  { id: 'stage2.timeliness.within25.rate', title: 'Stage 2 responses within 25 working days', days: 25 },
];

const view = document.getElementById('view');
const status = document.getElementById('status');
let definitions = null;

function route() {
  const [path, query] = (location.hash.slice(1) || '/').split('?');
  return { path, q: new URLSearchParams(query || '') };
}

function hashFor(path, params) {
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v));
  return '#' + path + (q.toString() ? '?' + q : '');
}

async function show(refreshing = false) {
  const { path, q } = route();
  try {
    let content;
    if (path.startsWith('/kpi/')) {
      content = await drillDown(decodeURIComponent(path.slice(5)), q);
    } else if (path.startsWith('/complaint/')) {
      content = await story(decodeURIComponent(path.slice(11)));
    } else {
      content = await dashboard(q);
    }
    document.getElementById('token').hidden = true;
    view.replaceChildren(content);
    status.textContent = refreshing ? '' : '';
    if (!refreshing) {
      view.querySelector('h1')?.focus();
    }
  } catch (e) {
    if (e instanceof NeedsToken) {
      view.replaceChildren();
      document.getElementById('token').hidden = false;
      document.getElementById('token-input').focus();
      return;
    }
    view.replaceChildren(heading(1, 'Something went wrong'), para(e.message));
  }
}

async function kpiDefinitions() {
  if (!definitions) {
    definitions = new Map((await get('/api/v1/kpis/definitions')).rows.map(d => [d.id, d]));
  }
  return definitions;
}

/**
 * A figure the drill-down lists: a count (in a period, or open at its end) or an amount in pence; not a rate, nor a
 * yearly context figure the authority records, which no complaint is behind.
 */
function listable(definition) {
  return definition && (definition.unit === 'COUNT' || definition.unit === 'PENCE')
    && definition.basis !== 'FINANCIAL_YEAR';
}

/** Pence as pounds, as the service writes them: "£12,100", or "£12,100.05" when there are pence. */
function pounds(pence) {
  const p = Number(pence);
  return (p < 0 ? '-' : '') + '£' + (Math.abs(p) / 100).toLocaleString('en-GB',
    { minimumFractionDigits: p % 100 ? 2 : 0, maximumFractionDigits: 2 });
}

function drillLink(definition, row, context) {
  const text = row.text ?? String(row.value);
  if (!listable(definition) || !row.value) {
    return text;
  }
  return link(hashFor('/kpi/' + encodeURIComponent(row.id), Object.assign({}, context, { dimension: row.dimension })),
    text, 'List the ' + text + ' behind ' + definition.definition + (row.dimension ? ', ' + row.dimension : ''));
}

function change(row) {
  if (row.change === null || row.change === undefined) {
    return row.changeText || '';
  }
  const n = Number(row.change);
  return h('span', { class: n > 0 ? 'console-change-up' : n < 0 ? 'console-change-down' : '' },
    row.changeText || String(row.change));
}

async function dashboard(q) {
  const defs = await kpiDefinitions();
  const authorities = (await get('/api/v1/authorities')).rows.map(r => r.authority);
  const authority = q.get('authority') || authorities[0] || '';
  const periods = authority ? (await get('/api/v1/periods', { authority })).rows : [];
  const period = q.get('period') || (periods[0] && periods[0].period) || '';
  const context = { authority, period };
  const kpis = await get('/api/v1/kpis', context);
  const byId = new Map();
  kpis.rows.forEach(r => byId.set(r.id + (r.dimension ? '|' + r.dimension : ''), r));
  const label = kpis.period.label;
  const prior = kpis.priorPeriod.label;

  const parts = [heading(1, 'Complaints for ' + authority + ', ' + label, 'xl'), picker(authorities, authority, periods, period)];

  parts.push(heading(2, 'Headline figures'), table('Headline figures, ' + label + ' beside ' + prior,
    ['Figure', label, prior, 'Change'],
    HEADLINES.filter(id => byId.has(id)).map(id => {
      const row = byId.get(id);
      return [defs.get(id).definition, drillLink(defs.get(id), row, context), row.priorText ?? '', change(row)];
    }), [1, 2, 3]));
  parts[parts.length - 1].classList.add('console-figures');

  parts.push(heading(2, 'Timeliness'));
  for (const t of TIMELINESS) {
    parts.push(...await timeliness(t, context));
  }

  parts.push(heading(2, 'Volumes'));
  for (const [id, caption] of [['stage1.received.by_service_area', 'Stage 1 complaints by service area'],
    ['complainant.by_type', 'Stage 1 complaints by who complained']]) {
    const rows = kpis.rows.filter(r => r.id === id);
    parts.push(table(caption + ', ' + label, ['Dimension', label, prior, 'Change'],
      rows.map(r => [r.dimension, drillLink(defs.get(id), r, context), r.priorText ?? '', change(r)]), [1, 2, 3]));
  }

  const costs = kpis.rows.filter(r => r.id.startsWith('costs.'));
  parts.push(heading(2, 'Costs'), table('Costs, ' + label + ' (pounds)', ['Category', label, prior],
    costs.map(r => [defs.get(r.id).definition, drillLink(defs.get(r.id), r, context), r.priorText ?? '']), [1, 2]));

  parts.push(...await caseworkerLists(authority));
  parts.push(heading(2, 'The annual report'), reportLinks(authority, periods, period));
  return h('div', {}, parts);
}

function picker(authorities, authority, periods, period) {
  const select = (id, labelText, values, selected) => h('div', { class: 'govuk-form-group' },
    h('label', { class: 'govuk-label', for: id }, labelText),
    h('select', { class: 'govuk-select', id, name: id },
      values.map(([value, text]) => h('option', { value, selected: value === selected }, text))));
  return h('form', { class: 'console-picker', onsubmit: e => {
    e.preventDefault();
    location.hash = hashFor('/', { authority: e.target.authority.value, period: e.target.period.value });
  } },
  select('authority', 'Authority', authorities.map(a => [a, a]), authority),
  select('period', 'Period', periods.map(p => [p.period, p.period.startsWith('last-') ? 'Last '
    + p.period.slice(5, -1) + ' days' : p.period]), period),
  h('button', { type: 'submit', class: 'govuk-button' }, 'Show figures'));
}

async function timeliness(t, context) {
  const [monthly, rolling] = await Promise.all([
    get('/api/v1/kpis/' + t.id + '/series', Object.assign({ interval: 'month' }, context)),
    get('/api/v1/kpis/' + t.id + '/series', Object.assign({ interval: 'month', rolling: 90 }, context))]);
  const months = monthly.rows.map(r => r.bucketStart);
  const pct = v => (v === null || v === undefined ? null : Number(v));
  const chart = percentChart(t.title + ' (statutory timescale: every response within ' + t.days + ' working days)',
    months, [
      { label: 'Each month', values: monthly.rows.map(r => pct(r.value)) },
      { label: 'Rolling 90 days', values: rolling.rows.map(r => pct(r.value)) },
      { label: 'Statutory target', values: months.map(() => 100) }]);
  const rows = monthly.rows.map((r, i) => [r.bucketStart.slice(0, 7), String(r.numerator), String(r.denominator),
    r.value === null ? 'no responses' : r.value + '%',
    rolling.rows[i] && rolling.rows[i].value !== null ? rolling.rows[i].value + '%' : 'no responses']);
  return [heading(3, t.title, 'm'), chart, table(t.title + ' by month (the chart above as a table)',
    ['Month', 'Within ' + t.days + ' working days', 'Responses', 'Each month', 'Rolling 90 days'], rows, [1, 2, 3, 4])];
}

async function caseworkerLists(authority) {
  try {
    const [caseload, alerts] = await Promise.all([
      get('/api/v1/complaints', { status: 'open', authority, limit: 20 }),
      get('/api/v1/alerts', { authority })]);
    return [heading(2, 'Caseload'), table('Open complaints, most urgent first (' + caseload.count + ' open)',
      ['Reference', 'Service area', 'Stage', 'Next deadline', 'Due', 'Status', 'Working days left or overdue'],
      caseload.rows.map(r => [storyLink(r.complaintId), r.serviceArea, String(r.stage), r.milestone, r.due,
        h('span', { class: r.workingDaysOverdue > 0 ? 'console-overdue' : '' }, r.status),
        r.workingDaysOverdue > 0 ? r.workingDaysOverdue + ' overdue' : r.workingDaysLeft + ' left']), [2, 6]),
    heading(2, 'Open alerts'), table('Open alerts, most overdue first (' + alerts.count + ')',
      ['Reference', 'Alert', 'Stage', 'Due', 'Working days overdue'],
      alerts.alerts.slice(0, 20).map(a => [storyLink(a.complaintId), a.kind, String(a.stage), a.dueDate,
        String(a.workingDaysOverdue)]), [2, 4])];
  } catch (e) {
    if (e instanceof Forbidden) {
      return [heading(2, 'Caseload and alerts'), h('div', { class: 'govuk-inset-text' },
        'Your token lets you see figures only. Lists of complaints need a caseworker token.')];
    }
    throw e;
  }
}

function storyLink(reference) {
  return link('#/complaint/' + encodeURIComponent(reference), reference, 'Complaint ' + reference);
}

function reportLinks(authority, periods, period) {
  const year = /^\d{4}\/\d{2}$/.test(period) ? period : (periods.find(p => p.kind === 'FINANCIAL_YEAR') || {}).period;
  const items = ['html', 'csv', 'json'].map(format => {
    const url = '/api/v1/reports/annual?' + new URLSearchParams({ authority, year, format });
    return h('li', {}, h('a', { class: 'govuk-link', href: url, onclick: e => {
      if (sessionStorage.length) { // the token cannot ride on a plain link: fetch with it, open from memory
        e.preventDefault();
        open(url).catch(err => { status.textContent = err.message; });
      }
    } }, 'Annual report ' + year + ' as ' + format.toUpperCase()));
  });
  return h('ul', { class: 'govuk-list' }, items);
}

async function drillDown(id, q) {
  const params = { authority: q.get('authority'), period: q.get('period'), dimension: q.get('dimension'),
    after: q.get('after'), limit: 50 };
  const page = await get('/api/v1/kpis/' + encodeURIComponent(id) + '/complaints', params);
  const what = page.definition + (page.dimension ? ': ' + page.dimension : '');
  const back = link(hashFor('/', { authority: page.authority, period: q.get('period') }), 'Back to the figures');
  const pence = page.unit === 'pence';
  const balance = page.basis === 'open at the end of the period';
  // The last column: what each row adds (pence), when it left the balance, or which part of the figure it is in.
  const last = pence ? ['Amount', r => pounds(r.amount)] : balance ? ['Left', r => r.dimension === 'open' ? 'still open'
    : r.dimension] : page.dimension ? null : ['Counted as', r => r.dimension];
  const parts = [h('p', { class: 'govuk-body' }, back),
    heading(1, (pence ? 'The ' + pounds(page.figure) + ' of “' : 'The ' + page.figure + ' counted in “') + what
      + '”, ' + page.period.label),
    para(balance ? 'Each row is one complaint in this figure on the last day of the period: received by then (the'
      + ' date) and not closed by then, from the same contributions as the figure itself.'
      : 'Each row is one complaint (or compliment, or Ombudsman case) ' + (pence ? 'whose amounts add up to'
      : 'counted in') + ' this figure, from the same contributions as the figure itself.'),
    table('Rows ' + (page.count ? 'listed: ' + page.count : 'none') + (q.get('after') ? ' (a later page)' : ''),
      ['Reference', balance ? 'In since' : 'Date', 'Stage', 'Service area', 'Outcome']
        .concat(last ? [last[0]] : []),
      page.rows.map(r => [storyLink(r.reference), r.date, r.stage ?? '', r.serviceArea ?? '', r.outcome ?? '']
        .concat(last ? [last[1](r)] : [])))];
  if (page.next) {
    parts.push(para(link(hashFor('/kpi/' + encodeURIComponent(id), Object.assign({}, params, { limit: null,
      after: page.next })), 'Next page')));
  }
  return h('div', {}, parts);
}

const MET = { CLOSED_ON_TIME: 'Met', CLOSED_LATE: 'Missed', OPEN: 'Open', OVERDUE: 'Overdue' };

async function story(id) {
  const s = await get('/api/v1/complaints/' + encodeURIComponent(id));
  const extension = st => st.extendedToWorkingDays ? st.extendedToWorkingDays + ' working days'
    : st.extendedToDate ? 'to ' + st.extendedToDate : 'none';
  return h('div', {}, para(link('#/', 'Back to the figures')),
    heading(1, 'Complaint ' + s.complaintId),
    h('dl', { class: 'govuk-summary-list' }, [['Authority', s.authority], ['Regime', s.regime],
      ['Service area', s.serviceArea], ['As of', s.asOf]].map(([k, v]) => h('div', { class: 'govuk-summary-list__row' },
      h('dt', { class: 'govuk-summary-list__key' }, k), h('dd', { class: 'govuk-summary-list__value' }, v)))),
    table('Stages and their deadlines', ['Stage', 'Opened', 'Due', 'Extension', 'Closed', 'Deadline met?'],
      s.stages.map(st => [String(st.stage), st.openedOn, st.due, extension(st), st.closedOn ?? 'open',
        (MET[st.status] || st.status) + (st.workingDaysOverdue > 0 ? ', ' + st.workingDaysOverdue
          + ' working days overdue' : '')])),
    table('Events, in the order they happened', ['Date', 'Event', 'Recorded as happening at'],
      s.events.map(e => [e.on, e.type, e.occurredAt])),
    table('Alerts its deadlines raised', ['Alert', 'Stage', 'Due', 'Raised', 'Over'],
      s.alerts.map(a => [a.kind, String(a.stage), a.dueDate, a.raisedOn, a.clearedOn ?? 'still open'])));
}

document.getElementById('token-form').addEventListener('submit', e => {
  e.preventDefault();
  const input = document.getElementById('token-input');
  if (input.value.trim()) {
    setToken(input.value.trim());
    input.value = '';
    show();
  }
});
document.getElementById('sign-out').addEventListener('click', e => {
  e.preventDefault();
  forgetToken();
  show();
});
window.addEventListener('hashchange', () => show());
setInterval(() => {
  if (document.visibilityState === 'visible' && route().path === '/'
      && !document.activeElement?.closest('form')) {
    show(true);
  }
}, REFRESH_MS);
show();
