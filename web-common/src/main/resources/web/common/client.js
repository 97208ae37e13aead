// What a page is, as the administrators' device list shows it ("kiosk/0.1.0"): sent as the
// X-Antre-Client header of every API call (http.js) and as `client` in every WebSocket subscribe
// (live.js; the display's own feed too). The version is the build's: Maven writes it into this
// file when it builds web-common (its pom filters this one file), as the print agent reports its
// jar's. (No template literals here: the filter would read them as its own placeholders.)

/** The header of an API call that names the page (ApiContext.CLIENT_HEADER on the server). */
export const CLIENT_HEADER = 'X-Antre-Client';

/** The version of the pages, from the build. */
export const VERSION = '${project.version}';

let kind = null;

/** Says what this page is (kiosk, display, counter, survey), once, before its first request. */
export function identify(pageKind) {
  kind = pageKind;
}

/** "kiosk/0.1.0", or null on a page that did not say (a phone, the managers' pages). */
export function client() {
  return kind ? kind + '/' + VERSION : null;
}
