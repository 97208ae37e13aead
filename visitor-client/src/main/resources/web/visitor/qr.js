// The QR code of a ticket's tracking address, drawn as crisp SVG in the browser (no network).
import qrcode from './vendor/qrcode-generator.js';

const SVG = 'http://www.w3.org/2000/svg';

/**
 * An <svg> of the text as a QR code with the standard 4-module quiet zone. Level M survives a
 * scuffed or glare-covered photo of the screen and keeps a tracking URL at version 4-5, whose
 * modules stay large enough to scan from arm's length.
 */
export function qrSvg(text, label) {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  const quiet = 4;
  const size = n + quiet * 2;
  let path = '';
  for (let r = 0; r < n; r += 1) {
    for (let c = 0; c < n; c += 1) {
      if (qr.isDark(r, c)) {
        path += `M${c + quiet} ${r + quiet}h1v1h-1z`;
      }
    }
  }
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('shape-rendering', 'crispEdges');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label || text);
  const bg = document.createElementNS(SVG, 'rect');
  bg.setAttribute('width', size);
  bg.setAttribute('height', size);
  bg.setAttribute('fill', '#fff');
  const fg = document.createElementNS(SVG, 'path');
  fg.setAttribute('d', path);
  fg.setAttribute('fill', '#000');
  svg.append(bg, fg);
  svg.dataset.text = text;
  return svg;
}
