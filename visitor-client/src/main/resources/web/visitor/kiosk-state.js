// The kiosk's state, shared by its modules: what the visitor chose, the ticket, the printer.

/** From this many people waiting the visitor is asked whether to go on. */
export const MANY_WAITING = 15;
export const IDLE_SECONDS = 60;
export const PRINTER_PROBLEMS = new Set(['PAPER_OUT', 'COVER_OPEN', 'OFFLINE', 'AGENT_OFFLINE']);

export const body = document.body;
export const main = document.getElementById('screen');
export const defaultLang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'id';

export const state = {
  /** The kiosk's device token (kiosk.js keeps it). */
  device: null,
  hall: null,
  agency: null,
  service: null,
  priority: null,
  requestId: null,
  pending: false,
  ticket: null,
  printer: null,
  /** Last print-job status per ticket id: an event may arrive before the issue answer does. */
  jobs: new Map(),
  printTimer: 0,
};

export function currentAgency() {
  return state.hall?.agencies.find((a) => a.code === state.agency);
}
