// The wall display's "Menunggu" panel: waiting visitors per agency of the zone's counters, big
// enough to read from the back of the hall; an agency that issues nothing now says "Tutup".

/**
 * The list items for the agencies whose services the zone's counters call.
 *
 * @param hall the hall as GET /hall gives it (agencies with services, counters)
 * @param waiting live waiting counts per service code (from the queues topic)
 * @param zone the display's zone, or null for the whole hall
 * @param msg the display's message table
 */
export function waitingRows(hall, waiting, zone, msg) {
  const services = new Set();
  for (const c of hall.counters) {
    if (!zone || c.zone === zone) {
      c.services.forEach((s) => services.add(s));
    }
  }
  const rows = [];
  for (const a of hall.agencies) {
    const mine = a.services.filter((s) => services.has(s.code));
    if (mine.length === 0) {
      continue;
    }
    const total = mine.reduce((n, s) => n + (waiting.get(s.code) ?? s.waiting ?? 0), 0);
    // nobody waiting at an agency none of whose services issues now: "Tutup", not a hopeful 0
    const closed = total === 0 && mine.every((s) => s.closedReason);
    rows.push({ agency: a, prefixes: mine.map((s) => s.prefix), total, closed });
  }
  return rows.map((r) => {
    const li = document.createElement('li');
    li.dataset.agency = r.agency.code;
    li.innerHTML = '<span class="w-prefixes"></span><span class="w-name"></span><span class="w-count"></span>';
    li.querySelector('.w-prefixes').textContent = r.prefixes.join(' ');
    li.querySelector('.w-name').textContent = r.agency.name;
    li.querySelector('.w-count').textContent = r.closed ? msg.agencyClosed : String(r.total);
    li.querySelector('.w-count').title = r.closed ? msg.agencyClosed : msg.waitingUnit(r.total);
    if (r.closed) {
      li.classList.add('closed');
    } else if (r.total === 0) {
      li.classList.add('none');
    }
    return li;
  });
}
