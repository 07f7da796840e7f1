// Where each value of a JSON text starts, by its path: so a refused plan can say "plan.json:14" next to
// `objectives[0].keyResults[0].target`. The text has already passed JSON.parse; this only walks it.

/** The line (1-based) of every value in `text`, keyed by its dotted path (`objectives.0.title`; '' is the root). */
export function jsonLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let at = 0;
  let line = 1;

  const skipSpace = () => {
    while (at < text.length) {
      const c = text[at];
      if (c === '\n') line++;
      else if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '\ufeff') return;
      at++;
    }
  };
  const readString = (): string => {
    const start = at;
    at++; // the opening quote
    while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    at++;
    return JSON.parse(text.slice(start, at)) as string;
  };
  const value = (path: string) => {
    skipSpace();
    lines.set(path, line);
    const c = text[at];
    const child = (key: string) => (path === '' ? key : `${path}.${key}`);
    if (c === '{') {
      at++;
      skipSpace();
      while (at < text.length && text[at] !== '}') {
        const key = readString();
        skipSpace();
        at++; // the colon
        value(child(key));
        skipSpace();
        if (text[at] === ',') at++;
        skipSpace();
      }
      at++;
    } else if (c === '[') {
      at++;
      skipSpace();
      let index = 0;
      while (at < text.length && text[at] !== ']') {
        value(child(String(index++)));
        skipSpace();
        if (text[at] === ',') at++;
        skipSpace();
      }
      at++;
    } else if (c === '"') {
      readString();
    } else {
      while (at < text.length && !/[\s,\]}]/.test(text[at] as string)) at++;
    }
  };
  value('');
  return lines;
}

/** The line of a path, or of its nearest ancestor present in the text (a missing field is reported there). */
export function lineOf(lines: Map<string, number>, path: string): number | undefined {
  const parts = path === '' ? [] : path.split('.');
  for (let length = parts.length; length >= 0; length--) {
    const found = lines.get(parts.slice(0, length).join('.'));
    if (found !== undefined) return found;
  }
  return undefined;
}

/** `objectives.1.keyResults.0.target` as `objectives[1].keyResults[0].target`. */
export function readablePath(path: string): string {
  return path.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}
