// The hall's name in the header; the page works without it.
fetch('/api/v1/hall').then(r => r.json()).then(h => {
  document.getElementById('hall').textContent = `${h.name} ${h.subtitle}`.trim();
  document.title = `Antre · ${h.subtitle || h.name}`;
}).catch(() => {});
