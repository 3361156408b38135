// The console: routes on the address's #fragment, draws each view from the API, refreshes the figures by
// polling every 30 seconds while the tab is visible (a few small GETs: no connection held open on the service,
// and it works through any proxy).
import { get, open, setToken, forgetToken, NeedsToken, Forbidden } from './api.js';
import { h, table, link, heading, para } from './dom.js';
import { percentChart } from './charts.js';

const REFRESH_MS = 30000;
// Headline figures by measure (the KPI id without its regime's prefix): each procedure shows those it has.
const HEADLINES = ['stage1.received', 'stage2.received', 'stage3.received', 'not_accepted', 'stage1.resolved',
  'stage1.upheld', 'stage1.upheld.rate', 'escalation.rate', 'stage1.timeliness.within10', 'stage1.timeliness.over20',
  'stage1.acknowledgement.on_time.rate', 'stage1.timeliness.on_time.rate', 'stage2.timeliness.on_time.rate',
  'stage1.extensions.beyond_without_reason', 'stage1.open_over_six_months', 'compliments.received',
  'ombudsman.enquiries'];
// The measures the three procedures share, side by side, each under a name that holds for all three (each
// procedure measures timeliness against its own timescales).
const SIDE_BY_SIDE = [['stage1.received', 'Complaints received (stage 1)'],
  ['stage2.received', 'Stage 2 requests received'], ['stage1.resolved', 'Stage 1 complaints resolved'],
  ['stage1.upheld', 'Stage 1 complaints upheld (totally or partly)'],
  ['stage1.upheld.rate', 'Upheld, % of stage 1 complaints resolved'],
  ['escalation.rate', 'Stage 2 requests, % of stage 1 complaints received'],
  ['stage1.acknowledgement.on_time.rate', 'Acknowledged within the procedure\'s timescale, %'],
  ['stage1.timeliness.on_time.rate', 'Stage 1 responses within the procedure\'s timescale, %'],
  ['stage1.open', 'Open at stage 1 at the end of the period'],
  ['stage2.open', 'Open at stage 2 at the end of the period'],
  ['actions.beyond_apology.rate', 'Upheld complaints with an action beyond an apology, %'],
  ['adr.escalations_prevented', 'Escalations prevented by mediation or conciliation']];
const REGIMES = [['children', "Children's social care"], ['adults', 'Adult social care'],
  ['corporate', 'Corporate (Complaint Handling Code)']];
const REGIME_NAMES = new Map(REGIMES);
const TIMELINESS = {
  children: [
    { id: 'stage1.timeliness.within10.rate', title: 'Stage 1 responses within 10 working days', target:
      'statutory timescale: every response within 10 working days', met: 'Within 10 working days' },
    { id: 'stage2.timeliness.within25.rate', title: 'Stage 2 responses within 25 working days', target:
      'statutory timescale: every response within 25 working days', met: 'Within 25 working days' }],
  adults: [
    { id: 'adults.stage1.timeliness.on_time.rate', title: 'Responses within the period agreed with the complainant',
      target: 'SI 2009/309 reg 14: within the agreed period', met: 'Within the agreed period' }],
  corporate: [
    { id: 'corporate.stage1.timeliness.on_time.rate', title: 'Stage 1 responses within the Code\'s timescale',
      target: 'Complaint Handling Code 6.3: within 10 working days of the acknowledgement', met: 'In time' },
    { id: 'corporate.stage2.timeliness.on_time.rate', title: 'Stage 2 responses within the Code\'s timescale',
      target: 'Complaint Handling Code: within 20 working days of the acknowledgement', met: 'In time' }],
};

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
  const known = (await get('/api/v1/authorities')).rows;
  const authorities = known.map(r => r.authority);
  const authority = q.get('authority') || authorities[0] || '';
  const named = known.find(r => r.authority === authority);
  const authorityName = named && named.name && named.name !== authority ? named.name + ' (' + authority + ')' : authority;
  const periods = authority ? (await get('/api/v1/periods', { authority })).rows : [];
  const period = q.get('period') || (periods[0] && periods[0].period) || '';
  const regime = REGIME_NAMES.has(q.get('regime')) || q.get('regime') === 'all' ? q.get('regime') : 'children';
  const context = { authority, period };
  const kpis = await get('/api/v1/kpis', Object.assign({ regime: regime === 'all' ? 'all' : null }, context));
  const label = kpis.period.label;
  // Links to the complaints behind a figure come back to this view, procedure included.
  const links = Object.assign({ regime: regime === 'children' ? null : regime }, context);

  const parts = [heading(1, 'Complaints for ' + authorityName + ', ' + label + (regime === 'children' ? ''
    : ', ' + (regime === 'all' ? 'every procedure' : REGIME_NAMES.get(regime)))),
  picker(known, authority, periods, period, regime)];
  if (regime === 'all') {
    parts.push(...sideBySide(kpis, defs, links));
  } else {
    const [headline, volumes] = regimeFigures(kpis, defs, links, regime);
    parts.push(...headline, heading(2, 'Timeliness'));
    for (const t of TIMELINESS[regime]) {
      parts.push(...await timeliness(t, context));
    }
    parts.push(...volumes);
  }
  const year = financialYear(periods, period);
  if (year && (regime === 'children' || regime === 'all')) {
    parts.push(...await benchmarks(named, year));
  }
  if (year) {
    parts.push(...await ombudsmanLetter(authority, year));
  }
  parts.push(...await caseworkerLists(authority, regime));
  parts.push(heading(2, 'The annual report'), reportLinks(authority, year, regime));
  return h('div', {}, parts);
}

/**
 * One procedure's figures, from its rows and the council's figures of no one procedure: the headline figures,
 * then (after the timeliness charts) its volumes and, for children's complaints, the costs.
 */
function regimeFigures(kpis, defs, context, regime) {
  const label = kpis.period.label;
  const prior = kpis.priorPeriod.label;
  const mine = kpis.rows.filter(r => r.regime === regime || r.regime === null);
  const byMeasure = new Map(mine.filter(r => !r.dimension).map(r => [r.measure, r]));
  const parts = [heading(2, 'Headline figures'), table('Headline figures, ' + label + ' beside ' + prior,
    ['Figure', label, prior, 'Change'],
    HEADLINES.filter(m => byMeasure.has(m)).map(m => {
      const row = byMeasure.get(m);
      return [defs.get(row.id).definition, drillLink(defs.get(row.id), row, context), row.priorText ?? '', change(row)];
    }), [1, 2, 3])];
  parts[parts.length - 1].classList.add('console-figures');
  const volumes = [heading(2, 'Volumes')];
  for (const [measure, caption] of [['stage1.received.by_service_area', 'Stage 1 complaints by service area'],
    ['complainant.by_type', 'Stage 1 complaints by who complained']]) {
    const rows = mine.filter(r => r.measure === measure && r.regime === regime);
    volumes.push(table(caption + ', ' + label, ['Dimension', label, prior, 'Change'],
      rows.map(r => [r.dimension, drillLink(defs.get(r.id), r, context), r.priorText ?? '', change(r)]), [1, 2, 3]));
  }
  if (regime === 'children') {
    const costs = kpis.rows.filter(r => r.id.startsWith('costs.'));
    volumes.push(heading(2, 'Costs'), table('Costs, ' + label + ' (pounds)', ['Category', label, prior],
      costs.map(r => [defs.get(r.id).definition, drillLink(defs.get(r.id), r, context), r.priorText ?? '']), [1, 2]));
  }
  return [parts, volumes];
}

/** The measures the three procedures share, a column each; a procedure without the measure says so. */
function sideBySide(kpis, defs, context) {
  const label = kpis.period.label;
  const cells = new Map(kpis.rows.filter(r => !r.dimension).map(r => [r.measure + '|' + r.regime, r]));
  const rows = SIDE_BY_SIDE.filter(([m]) => REGIMES.some(([regime]) => cells.has(m + '|' + regime))).map(([m, name]) =>
    [name].concat(REGIMES.map(([regime]) => {
      const row = cells.get(m + '|' + regime);
      return row ? drillLink(defs.get(row.id), row, context) : 'not measured';
    })));
  const t = table('The three procedures side by side, ' + label, ['Figure'].concat(REGIMES.map(([, name]) => name)),
    rows, [1, 2, 3]);
  t.classList.add('console-figures');
  return [heading(2, 'Side by side'), para('Each procedure has its own rules and timescales: a figure one of them'
    + ' does not measure says so. Choose one procedure for its figures beside the prior period.'), t];
}

function picker(authorities, authority, periods, period, regime) {
  const select = (id, labelText, values, selected) => h('div', { class: 'govuk-form-group' },
    h('label', { class: 'govuk-label', for: id }, labelText),
    h('select', { class: 'govuk-select', id, name: id },
      values.map(([value, text]) => h('option', { value, selected: value === selected }, text))));
  return h('form', { class: 'console-picker', onsubmit: e => {
    e.preventDefault();
    location.hash = hashFor('/', { authority: e.target.authority.value, period: e.target.period.value,
      regime: e.target.regime.value });
  } },
  select('authority', 'Authority', authorities.map(a => [a.authority, a.name && a.name !== a.authority
    ? a.name + ' (' + a.authority + ')' : a.authority]), authority),
  select('period', 'Period', periods.map(p => [p.period, p.period.startsWith('last-') ? 'Last '
    + p.period.slice(5, -1) + ' days' : p.period]), period),
  select('regime', 'Complaints procedure', REGIMES.concat([['all', 'All three, side by side']]), regime),
  h('button', { type: 'submit', class: 'govuk-button' }, 'Show figures'));
}

async function timeliness(t, context) {
  const [monthly, rolling] = await Promise.all([
    get('/api/v1/kpis/' + t.id + '/series', Object.assign({ interval: 'month' }, context)),
    get('/api/v1/kpis/' + t.id + '/series', Object.assign({ interval: 'month', rolling: 90 }, context))]);
  // A month that has not begun has no rate yet: a rolling window ending in it would only repeat earlier months.
  const today = new Date().toISOString().slice(0, 10);
  monthly.rows = monthly.rows.filter(r => r.bucketStart <= today);
  rolling.rows = rolling.rows.filter(r => r.bucketStart <= today);
  const months = monthly.rows.map(r => r.bucketStart);
  const pct = v => (v === null || v === undefined ? null : Number(v));
  const chart = percentChart(t.title + ' (' + t.target + ')', months, [
    { label: 'Each month', values: monthly.rows.map(r => pct(r.value)) },
    { label: 'Rolling 90 days', values: rolling.rows.map(r => pct(r.value)) },
    { label: 'Target', values: months.map(() => 100) }]);
  const rows = monthly.rows.map((r, i) => [r.bucketStart.slice(0, 7), String(r.numerator), String(r.denominator),
    r.value === null ? 'no responses' : r.value + '%',
    rolling.rows[i] && rolling.rows[i].value !== null ? rolling.rows[i].value + '%' : 'no responses']);
  return [heading(3, t.title, 'm'), chart, table(t.title + ' by month (the chart above as a table)',
    ['Month', t.met, 'Responses', 'Each month', 'Rolling 90 days'], rows, [1, 2, 3, 4])];
}

async function caseworkerLists(authority, regime) {
  const filter = regime === 'all' ? null : regime;
  const procedure = r => REGIME_NAMES.get(String(r.regime).toLowerCase()) || r.regime;
  try {
    const [caseload, alerts] = await Promise.all([
      get('/api/v1/complaints', { status: 'open', authority, regime: filter, limit: 20 }),
      get('/api/v1/alerts', { authority, regime: filter })]);
    return [heading(2, 'Caseload'), table('Open complaints, most urgent first (' + caseload.count + ' open)',
      ['Reference', 'Procedure', 'Service area', 'Stage', 'Next deadline', 'Due', 'Status',
        'Working days left or overdue'],
      caseload.rows.map(r => [storyLink(r.complaintId), procedure(r), r.serviceArea, String(r.stage), r.milestone, r.due,
        h('span', { class: r.workingDaysOverdue > 0 ? 'console-overdue' : '' }, r.status),
        r.workingDaysOverdue > 0 ? r.workingDaysOverdue + ' overdue' : r.workingDaysLeft + ' left']), [3, 7]),
    heading(2, 'Open alerts'), table('Open alerts, most overdue first (' + alerts.count + ')',
      ['Reference', 'Procedure', 'Alert', 'Stage', 'Due', 'Working days overdue'],
      alerts.alerts.slice(0, 20).map(a => [storyLink(a.complaintId), procedure(a), a.kind, String(a.stage), a.dueDate,
        String(a.workingDaysOverdue)]), [3, 5])];
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

/** The financial year chosen, or for a rolling window the latest financial year listed. */
function financialYear(periods, period) {
  return /^\d{4}\/\d{2}$/.test(period) ? period : (periods.find(p => p.kind === 'FINANCIAL_YEAR') || {}).period;
}

const QUARTERS = ['', '1st (lowest)', '2nd', '3rd', '4th (highest)'];

/**
 * A rate as the benchmarks give it (one decimal place, statistics two): a percentage, or a count per population
 * (its unit is in the row's name). JSON numbers lose their trailing zeros, hence at least one decimal place.
 */
function rate(value, unit) {
  if (value === null || value === undefined) {
    return 'none';
  }
  const text = Number(value).toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
  return unit === 'percent' ? text + '%' : text;
}

/**
 * The authority's rates beside its council type's and its region's quartiles ({@code /api/v1/benchmarks}), a table
 * per group; a group with fewer authorities with a value than the minimum says so instead of showing figures.
 */
async function benchmarks(named, year) {
  const parts = [heading(2, 'Beside similar authorities')];
  if (!named || !named.councilType) {
    return parts.concat(para('The authorities reference data does not hold ' + (named ? named.authority : 'this authority')
      + ', so its council type and region are not known. Publish its record to compare it with similar authorities.'));
  }
  const b = await get('/api/v1/benchmarks', { authority: named.authority, year });
  parts.push(para('Each rate of ' + year + ' beside the authorities of the same council type and of the same region'
    + ' that this service holds. A group needs at least ' + b.minimumGroup + ' authorities with a value before its'
    + ' figures are shown; no other authority is named. Whether a high quarter is good depends on the rate.'));
  for (const [key, what] of [['councilType', 'council type'], ['region', 'region']]) {
    const name = b.rows.length ? b.rows[0][key].name : '';
    const t = table('Beside the ' + what + ' (' + name + '), ' + year,
      ['Rate', 'This authority', 'Authorities with a value', 'Lower quartile', 'Median', 'Upper quartile', 'Mean',
        'Its quarter'],
      b.rows.map(r => {
        const g = r[key];
        const label = r.indicator.label.charAt(0).toUpperCase() + r.indicator.label.slice(1);
        const cells = [label, rate(r.value, r.indicator.unit), String(g.authorities)];
        if (!g.statistics) {
          return cells.concat(h('td', { class: 'govuk-table__cell', colspan: 5 },
            'Not shown: fewer than ' + b.minimumGroup + ' authorities with a value'));
        }
        const s = g.statistics;
        return cells.concat([s.lowerQuartile, s.median, s.upperQuartile, s.mean].map(v => rate(v, r.indicator.unit)),
          g.quartile ? QUARTERS[g.quartile] : 'none');
      }), [1, 2, 3, 4, 5, 6]);
    t.classList.add('console-benchmarks');
    parts.push(t);
  }
  const published = b.rows.filter(r => r.ombudsmanAverage);
  if (published.length) {
    const t = table('Beside the Ombudsman\'s published average (' + b.rows[0].councilType.name + ' councils), ' + year,
      ['Rate', 'This authority', 'The Ombudsman\'s average', 'Difference (points)', 'Source'],
      published.map(r => {
        const a = r.ombudsmanAverage;
        const label = r.indicator.label.charAt(0).toUpperCase() + r.indicator.label.slice(1);
        const source = a.source + ' (' + a.published + ')';
        return [label, rate(r.value, r.indicator.unit), rate(a.percent, 'percent'), signed(a.difference),
          a.url ? link(a.url, source) : source];
      }), [1, 2, 3]);
    t.classList.add('console-benchmarks');
    parts.push(t);
  }
  return parts;
}

/** A difference with its sign ("+20.5", "-4.5"), 'none' without the authority's value. */
function signed(value) {
  if (value === null || value === undefined) {
    return 'none';
  }
  return (Number(value) > 0 ? '+' : '') + rate(value, 'points');
}

/** The Ombudsman's annual review letter's figures for the year beside the year before, as the API gives them. */
async function ombudsmanLetter(authority, year) {
  const letter = await get('/api/v1/ombudsman/letter', { authority, period: year });
  const t = table(letter.title + ', ' + letter.period.label + ' beside ' + letter.priorPeriod.label,
    letter.columns, letter.rows.map(r => letter.columns.map(c => r[c] ?? '')),
    letter.columns.map((c, i) => i).slice(1));
  t.classList.add('console-letter');
  const symbols = letter.symbols.length ? [para('Symbols: ' + letter.symbols.join('; ') + '.')] : [];
  return [heading(2, 'The Ombudsman\'s annual review letter'), t].concat(letter.note ? [para(letter.note)] : [],
    symbols);
}

function reportLinks(authority, year, regime) {
  const regimes = regime === 'all' ? REGIMES.map(([r]) => r) : [regime];
  const items = regimes.flatMap(r => ['html', 'csv', 'json'].map(format => {
    const url = '/api/v1/reports/annual?' + new URLSearchParams({ authority, year, format, regime: r });
    return h('li', {}, h('a', { class: 'govuk-link', href: url, onclick: e => {
      if (sessionStorage.length) { // the token cannot ride on a plain link: fetch with it, open from memory
        e.preventDefault();
        open(url).catch(err => { status.textContent = err.message; });
      }
    } }, (regime === 'all' ? REGIME_NAMES.get(r) + ': annual report ' : 'Annual report ') + year + ' as '
      + format.toUpperCase()));
  }));
  return h('ul', { class: 'govuk-list' }, items);
}

async function drillDown(id, q) {
  const params = { authority: q.get('authority'), period: q.get('period'), dimension: q.get('dimension'),
    after: q.get('after'), limit: 50 };
  const page = await get('/api/v1/kpis/' + encodeURIComponent(id) + '/complaints', params);
  const what = page.definition + (page.dimension ? ': ' + page.dimension : '');
  const back = link(hashFor('/', { authority: page.authority, period: q.get('period'), regime: q.get('regime') }),
    'Back to the figures');
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
      after: page.next, regime: q.get('regime') })), 'Next page')));
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
