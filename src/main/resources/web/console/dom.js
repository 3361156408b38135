// Small DOM helpers: every value is set as text, never parsed as HTML.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'class') {
      el.className = value;
    } else if (name.startsWith('on')) {
      el.addEventListener(name.slice(2), value);
    } else {
      el.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) {
      el.append(child instanceof Node ? child : String(child));
    }
  }
  return el;
}

/**
 * A GOV.UK table: caption, column headings, rows of cells (text or nodes; a ready-made td, such as one spanning
 * columns, is used as it is); numeric columns right-aligned.
 */
export function table(caption, columns, rows, numeric = []) {
  const head = h('thead', { class: 'govuk-table__head' }, h('tr', { class: 'govuk-table__row' },
    columns.map((c, i) => h('th', { scope: 'col', class: 'govuk-table__header'
      + (numeric.includes(i) ? ' govuk-table__header--numeric' : '') }, c))));
  const body = h('tbody', { class: 'govuk-table__body' }, rows.map(row => h('tr', { class: 'govuk-table__row' },
    row.map((cell, i) => i === 0
      ? h('th', { scope: 'row', class: 'govuk-table__header' }, cell)
      : cell instanceof HTMLTableCellElement ? cell
        : h('td', { class: 'govuk-table__cell' + (numeric.includes(i) ? ' govuk-table__cell--numeric' : '') }, cell)))));
  const t = h('table', { class: 'govuk-table' }, h('caption', { class: 'govuk-table__caption govuk-table__caption--m' },
    caption), head, body);
  if (rows.length === 0) {
    body.append(h('tr', { class: 'govuk-table__row' }, h('td', { class: 'govuk-table__cell', colspan: columns.length },
      'None.')));
  }
  return t;
}

export function link(href, text, label) {
  return h('a', { class: 'govuk-link', href, 'aria-label': label }, text);
}

export function heading(level, text, size = 'l') {
  return h('h' + level, { class: 'govuk-heading-' + size, tabindex: level === 1 ? '-1' : null }, text);
}

export function para(...children) {
  return h('p', { class: 'govuk-body' }, ...children);
}
