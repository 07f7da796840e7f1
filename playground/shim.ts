// The `google.script.run` the playground injects into the sidebar's page, before the sidebar's own script:
// a runner as Apps Script's (each with…Handler returns a new runner; any other property is a server
// function that answers through the handlers, never a return value), POSTing `{ fn, args }` to /api/run.
// The server's error message reaches the failure handler as an Error with that message, as in Apps Script;
// a Date, a function or a class instance among the arguments is refused there too, with Apps Script's
// words. After each answer the page around the sidebar is told to repaint the spreadsheet.

/** The shim's source, an inline script; nothing in it comes from the user. */
export const GOOGLE_SCRIPT_RUN_SHIM = `(() => {
  'use strict';
  const origin = window.location.origin;
  const tell = (type) => {
    try { window.parent.postMessage({ source: 'okr-sidebar', type }, origin); } catch (_) { /* no parent */ }
  };
  const illegal = (value, path) => {
    if (value === null || value === undefined) return null;
    const type = typeof value;
    if (type === 'string' || type === 'number' || type === 'boolean') return null;
    const message = 'Failed due to illegal value in property: ' + path;
    if (type !== 'object' || value instanceof Date) return message;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) { const found = illegal(value[i], path + '.' + i); if (found) return found; }
      return null;
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== null && proto !== Object.prototype) return message;
    for (const key of Object.keys(value)) { const found = illegal(value[key], key); if (found) return found; }
    return null;
  };
  const call = (fn, args, handlers) => {
    const fail = (error) => { if (handlers.fail) handlers.fail(error, handlers.user); };
    const problem = illegal(args, 'arguments');
    if (problem) { setTimeout(() => fail(new Error(problem)), 0); return; }
    fetch('/api/run', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ fn, args }),
    })
      .then((response) => response.json().catch(() => ({ ok: false, error: 'HTTP ' + response.status })))
      .then(
        (answer) => {
          tell('changed');
          if (answer && answer.ok === true) { if (handlers.ok) handlers.ok(answer.value, handlers.user); }
          else fail(new Error(answer && typeof answer.error === 'string' ? answer.error : 'The server did not answer'));
        },
        (error) => fail(error instanceof Error ? error : new Error(String(error))),
      );
  };
  const runner = (handlers) => new Proxy({}, {
    get(_target, property) {
      if (property === 'withSuccessHandler') return (fn) => runner({ ...handlers, ok: fn });
      if (property === 'withFailureHandler') return (fn) => runner({ ...handlers, fail: fn });
      if (property === 'withUserObject') return (object) => runner({ ...handlers, user: object });
      if (typeof property !== 'string' || property === 'then') return undefined;
      return (...args) => { call(property, args, handlers); };
    },
  });
  const host = {
    origin,
    close() { tell('close'); },
    setHeight() {},
    setWidth() {},
    editor: { focus() { tell('focus'); } },
  };
  window.google = { script: { run: runner({}), host } };
})();`;

/** The sidebar's HTML with the shim as the first script of its head. */
export function withShim(html: string): string {
  const script = `<script>${GOOGLE_SCRIPT_RUN_SHIM}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (!head) return `${script}${html}`;
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}${script}${html.slice(at)}`;
}
