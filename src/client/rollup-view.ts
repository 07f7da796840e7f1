/// <reference lib="dom" />
// The Company roll-up view, in the company's spreadsheet: paste the teams' spreadsheet links (one a line,
// checked here line by line with the core's parseTeamLinks before anything is sent), Connect (the server writes
// one IMPORTRANGE of each team's OKR_FEED into the Roll-up tab), then allow access once per team as Sheets
// asks, and see each team as connected, waiting for access, broken or over 100 key results, the company
// objectives' scores and the team objectives aligned to each with their weights. Refresh reads the imports
// again. The server answers with codes and data; the words are here, in Polish and English, and everything a
// user or a team's sheet wrote goes in as text, never as markup.

import type { VNode } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import { defineTexts } from '../core/i18n';
import { formatNumber } from '../core/number-format';
import { ROLLUP_KEY_RESULTS_PER_TEAM } from '../core/rollup/feed-schema';
import { parseTeamLink, parseTeamLinks } from '../core/rollup/team-link';
import { feedProblemText, rollupText } from '../core/rollup/texts';
import type { CompanyObjectiveStatus, RollupStatus, TeamStatus } from '../shared/rollup-api';
import { callServer } from './server';
import { lang, t } from './texts';
import { html } from './ui';

/** Links one Connect sends at most (the server's payload schema says the same). */
export const MAX_LINKS_AT_ONCE = 50;
/** The longest line the server accepts; a link is far shorter. */
const MAX_LINE_LENGTH = 500;

const texts = defineTexts(() => [
  {
    title: 'Company roll-up',
    connectTitle: 'Connect team spreadsheets',
    connectHelp:
      'Paste the link of each team’s spreadsheet, one per line. Each one needs its OKR feed tab, which OKR Sheets builds with every quarter.',
    linksLabel: 'Team spreadsheet links',
    connect: 'Connect',
    connecting: 'Connecting…',
    noLinks: 'Paste at least one team spreadsheet link.',
    tooManyLines: 'At most {max} links at a time: {count} were pasted.',
    line_notALink:
      'Line {line}: “{value}” is not a Google Sheets link (https://docs.google.com/spreadsheets/d/…) nor a spreadsheet id.',
    line_connected: 'Line {line}: “{value}” is connected already.',
    line_repeated: 'Line {line}: “{value}” repeats line {first}.',
    tooManyTeams: 'A roll-up takes at most {max} teams.',
    badRequest: 'The add-on could not read the request: reload the sidebar and try again.',
    connected: 'Teams connected: {count}. Now allow access for each of them (below).',
    accessTitle: 'Allow access',
    accessHelp:
      'Before one spreadsheet may read another, Sheets asks once per team: on the {sheet} tab click the team’s cell named below, then “Allow access” in the box that appears. Only someone who can open the team’s spreadsheet can allow it. Then press Refresh.',
    teamsTitle: 'Teams',
    noTeams: 'No team is connected yet.',
    keyResults: 'key results: {count}',
    how_waiting: 'Click {cell}, then “Allow access”.',
    how_broken:
      'The cell {cell} shows {value}: check the link, and that the team’s spreadsheet has its OKR feed (named range OKR_FEED).',
    how_loading: 'Sheets is still loading {cell}: press Refresh in a moment.',
    refresh: 'Refresh',
    refreshing: 'Refreshing…',
    refreshed: 'Refreshed.',
    noRollup: 'Nothing to refresh yet: connect a team first.',
    objectivesTitle: 'Company objectives',
    noObjectives: 'No company objective yet: build the company’s own quarter (New quarter…) with its objectives.',
    score: 'score {score}',
    noScore: 'no score yet',
    unknownObjective: 'not one of the company’s objectives',
    aligned: '{team} · {id} {title}: {score} · weight {weight}',
    noneAligned: 'No team objective supports it yet.',
    weightsHelp:
      'A company objective’s score is the weighted mean of its team objectives’ scores. Change a weight in the Weight column of the {sheet} tab, then press Refresh.',
    problemsTitle: 'In the teams’ feeds',
    mapThere: 'The Alignment map is on the tab “{sheet}”.',
  },
  {
    title: 'Zestawienie firmowe',
    connectTitle: 'Połącz arkusze zespołów',
    connectHelp:
      'Wklej link do arkusza każdego zespołu, jeden w wierszu. Każdy potrzebuje karty Kanał OKR (OKR feed), którą OKR Sheets tworzy z każdym kwartałem.',
    linksLabel: 'Linki do arkuszy zespołów',
    connect: 'Połącz',
    connecting: 'Łączę…',
    noLinks: 'Wklej co najmniej jeden link do arkusza zespołu.',
    tooManyLines: 'Najwyżej {max} linków naraz: wklejono {count}.',
    line_notALink:
      'Wiersz {line}: „{value}” nie jest linkiem do Arkuszy Google (https://docs.google.com/spreadsheets/d/…) ani identyfikatorem arkusza.',
    line_connected: 'Wiersz {line}: „{value}” jest już połączony.',
    line_repeated: 'Wiersz {line}: „{value}” powtarza wiersz {first}.',
    tooManyTeams: 'Zestawienie obejmuje najwyżej {max} zespołów.',
    badRequest: 'Dodatek nie odczytał żądania: przeładuj panel i spróbuj ponownie.',
    connected: 'Połączone zespoły: {count}. Teraz zezwól na dostęp dla każdego z nich (poniżej).',
    accessTitle: 'Zezwól na dostęp',
    accessHelp:
      'Zanim jeden arkusz odczyta drugi, Arkusze pytają raz dla każdego zespołu: na karcie {sheet} kliknij komórkę zespołu podaną niżej, a potem „Zezwól na dostęp” w okienku, które się pojawi. Zezwolić może tylko ktoś, kto może otworzyć arkusz zespołu. Potem naciśnij Odśwież.',
    teamsTitle: 'Zespoły',
    noTeams: 'Żaden zespół nie jest jeszcze połączony.',
    keyResults: 'kluczowe rezultaty: {count}',
    how_waiting: 'Kliknij {cell}, potem „Zezwól na dostęp”.',
    how_broken:
      'Komórka {cell} pokazuje {value}: sprawdź link i czy arkusz zespołu ma kanał OKR (zakres nazwany OKR_FEED).',
    how_loading: 'Arkusze wciąż wczytują {cell}: za chwilę naciśnij Odśwież.',
    refresh: 'Odśwież',
    refreshing: 'Odświeżam…',
    refreshed: 'Odświeżono.',
    noRollup: 'Nie ma jeszcze czego odświeżać: najpierw połącz zespół.',
    objectivesTitle: 'Cele firmy',
    noObjectives: 'Nie ma jeszcze celów firmy: zbuduj własny kwartał firmy (Nowy kwartał…) z jej celami.',
    score: 'wynik {score}',
    noScore: 'jeszcze bez wyniku',
    unknownObjective: 'to nie jest cel firmy',
    aligned: '{team} · {id} {title}: {score} · waga {weight}',
    noneAligned: 'Żaden cel zespołu go jeszcze nie wspiera.',
    weightsHelp:
      'Wynik celu firmy to średnia ważona wyników jego celów zespołów. Wagę zmienisz w kolumnie Waga na karcie {sheet}; potem naciśnij Odśwież.',
    problemsTitle: 'W kanałach zespołów',
    mapThere: 'Mapa powiązań jest na karcie „{sheet}”.',
  },
]);

type Key = Parameters<typeof texts>[1];
const say = (key: Key, params?: Record<string, string | number>) => texts(lang(), key, params);

/** A pasted value as a message quotes it: at most 120 characters (a link is about 100). */
function shown(value: string): string {
  const trimmed = value.trim();
  return trimmed.length > 120 ? `${trimmed.slice(0, 119)}…` : trimmed;
}

/** The links to send (with the line each came from), or the messages naming each bad line. */
export function checkLinks(
  pasted: string,
  connected: readonly string[],
): { ok: true; links: string[]; lines: number[] } | { ok: false; errors: string[] } {
  const lines = pasted.split(/\r?\n/);
  const filled = lines.flatMap((text, index) => (text.trim() === '' ? [] : [{ text, line: index + 1 }]));
  if (filled.length === 0) return { ok: false, errors: [say('noLinks')] };
  if (filled.length > MAX_LINKS_AT_ONCE) {
    return { ok: false, errors: [say('tooManyLines', { max: MAX_LINKS_AT_ONCE, count: filled.length })] };
  }
  const firstLine = new Map<string, number>();
  const errors: string[] = [];
  for (const link of parseTeamLinks(lines, connected)) {
    const value = shown(link.text);
    if (link.ok && link.text.length <= MAX_LINE_LENGTH) {
      firstLine.set(link.id, link.line);
      continue;
    }
    if (link.ok || link.problem !== 'duplicate') {
      errors.push(say('line_notALink', { line: link.line, value }));
      continue;
    }
    const parsed = parseTeamLink(link.text);
    const first = parsed.ok ? firstLine.get(parsed.id) : undefined;
    errors.push(
      first === undefined
        ? say('line_connected', { line: link.line, value })
        : say('line_repeated', { line: link.line, value, first }),
    );
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, links: filled.map(({ text }) => text.trim()), lines: filled.map(({ line }) => line) };
}

const score = (value: number | null) => (value === null ? say('noScore') : formatNumber(value, lang(), 2));

function TeamItem({ team }: { team: TeamStatus }): VNode {
  const state =
    team.state === 'truncated'
      ? rollupText(lang(), 'state_truncated', { max: ROLLUP_KEY_RESULTS_PER_TEAM })
      : rollupText(lang(), `state_${team.state}`);
  const how =
    team.state === 'connected' || team.state === 'truncated'
      ? say('keyResults', { count: team.keyResults })
      : say(`how_${team.state}`, { cell: team.cell, value: team.value });
  return html`<li class=${`team team-${team.state}`} data-team=${team.id}>
    <div class="team-head">
      <span class="team-name">${team.team || team.url}</span>
      <span class="badge team-state">${state}</span>
    </div>
    <p class="hint">${how}</p>
  </li>`;
}

function ObjectiveItem({ objective }: { objective: CompanyObjectiveStatus }): VNode {
  return html`<li class="company-objective" data-objective=${objective.id}>
    <div class="team-head">
      <span class="objective-title">${objective.id}${objective.title ? ` · ${objective.title}` : ''}</span>
      <span class="objective-score">
        ${objective.score === null ? say('noScore') : say('score', { score: score(objective.score) })}
      </span>
    </div>
    ${objective.known ? null : html`<p class="hint">${say('unknownObjective')}</p>`}
    ${
      objective.aligned.length === 0
        ? html`<p class="hint">${say('noneAligned')}</p>`
        : html`<ul class="aligned">
            ${objective.aligned.map(
              (team) =>
                html`<li>
                  ${say('aligned', {
                    team: team.team,
                    id: team.objectiveId,
                    title: team.title,
                    score: score(team.score),
                    weight: formatNumber(team.weight, lang(), 2),
                  })}
                </li>`,
            )}
          </ul>`
    }
  </li>`;
}

export function RollupView({ initial }: { initial: RollupStatus }): VNode {
  const [status, setStatus] = useState<RollupStatus>(initial);
  const [links, setLinks] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState<'connect' | 'refresh' | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  /** Counts refused Connects: after each, the links box gets the focus. */
  const [refusals, setRefusals] = useState(0);
  useLayoutEffect(() => {
    if (refusals > 0) document.getElementById('rollup-links')?.focus();
  }, [refusals]);

  const refuse = (messages: string[]) => {
    setErrors(messages);
    setRefusals((count) => count + 1);
  };
  const failed = (error: unknown) =>
    setNotice({ ok: false, text: t('failed', { reason: error instanceof Error ? error.message : String(error) }) });

  const connect = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setNotice(null);
    const checked = checkLinks(
      links,
      status.teams.map((team) => team.id),
    );
    if (!checked.ok) {
      refuse(checked.errors);
      return;
    }
    setBusy('connect');
    try {
      const result = await callServer('connectTeams', { links: checked.links });
      if (!result.ok) {
        refuse([result.code === 'tooManyTeams' ? say('tooManyTeams', { max: result.max ?? 0 }) : say('badRequest')]);
        return;
      }
      const { ok: _ok, added, refused, ...next } = result;
      setStatus(next);
      // Refused here only when the roll-up changed since the sidebar read it (another person connected them).
      setErrors(
        refused.map((link) =>
          say(link.problem === 'duplicate' ? 'line_connected' : 'line_notALink', {
            line: checked.lines[link.line - 1] ?? link.line,
            value: shown(link.text),
          }),
        ),
      );
      setLinks('');
      setNotice({ ok: true, text: say('connected', { count: added.length }) });
    } catch (error) {
      failed(error);
    } finally {
      setBusy(null);
    }
  };

  const refresh = async () => {
    if (busy) return;
    setBusy('refresh');
    setNotice(null);
    try {
      const result = await callServer('refreshRollup');
      if (result.ok) {
        const { ok: _ok, ...next } = result;
        setStatus(next);
        setNotice({ ok: true, text: say('refreshed') });
      } else setNotice({ ok: false, text: say('noRollup') });
    } catch (error) {
      failed(error);
    } finally {
      setBusy(null);
    }
  };

  const sheet = status.sheetName ?? rollupText(lang(), 'rollupSheet');
  const nameOf = new Map(status.teams.map((team) => [team.url, team.team || team.url]));
  const needAccess = status.teams.some((team) => team.state === 'waiting' || team.state === 'loading');

  return html`<div class="rollup">
    <header class="top">
      <h1>${say('title')}</h1>
    </header>
    <main>
      <form class="card" id="rollup-connect" novalidate onSubmit=${connect} aria-labelledby="rollup-connect-title">
        <h2 id="rollup-connect-title">${say('connectTitle')}</h2>
        <p class="hint" id="rollup-links-hint">${say('connectHelp')}</p>
        <div class="field">
          <label for="rollup-links">${say('linksLabel')}</label>
          <textarea
            id="rollup-links"
            rows="5"
            spellcheck="false"
            placeholder="https://docs.google.com/spreadsheets/d/…"
            aria-describedby="rollup-links-hint rollup-links-error"
            aria-invalid=${errors.length > 0 ? 'true' : undefined}
            value=${links}
            onInput=${(event: Event) => {
              setLinks((event.currentTarget as HTMLTextAreaElement).value);
              setErrors([]);
            }}
          ></textarea>
          <div class="msg msg-error" id="rollup-links-error">${errors.map((error) => html`<p>${error}</p>`)}</div>
        </div>
        <button type="submit" class="primary" id="rollup-connect-button" disabled=${busy !== null}>
          ${busy === 'connect' ? say('connecting') : say('connect')}
        </button>
      </form>

      <section class="card" aria-labelledby="rollup-access-title" id="rollup-access">
        <h2 id="rollup-access-title">${say('accessTitle')}</h2>
        <p class=${needAccess ? 'note-warn' : 'hint'}>${say('accessHelp', { sheet })}</p>
      </section>

      <section class="card" aria-labelledby="rollup-teams-title" id="rollup-teams">
        <div class="section-head">
          <h2 id="rollup-teams-title">${say('teamsTitle')}</h2>
          <button type="button" id="rollup-refresh" disabled=${busy !== null || status.sheetName === null} onClick=${refresh}>
            ${busy === 'refresh' ? say('refreshing') : say('refresh')}
          </button>
        </div>
        ${
          status.teams.length === 0
            ? html`<p class="hint">${say('noTeams')}</p>`
            : html`<ul class="teams">
                ${status.teams.map((team) => html`<${TeamItem} key=${team.id} team=${team} />`)}
              </ul>`
        }
      </section>

      <section class="card" aria-labelledby="rollup-objectives-title" id="rollup-objectives">
        <h2 id="rollup-objectives-title">${say('objectivesTitle')}</h2>
        ${
          status.companyObjectives.length === 0
            ? html`<p class="hint">${say('noObjectives')}</p>`
            : html`<ul class="company-objectives">
                ${status.companyObjectives.map(
                  (objective) => html`<${ObjectiveItem} key=${objective.id} objective=${objective} />`,
                )}
              </ul>`
        }
        <p class="hint">${say('weightsHelp', { sheet })}</p>
        ${status.alignmentSheetName ? html`<p class="hint">${say('mapThere', { sheet: status.alignmentSheetName })}</p>` : null}
      </section>

      ${
        status.problems.length > 0
          ? html`<section class="card" aria-labelledby="rollup-problems-title" id="rollup-problems">
              <h2 id="rollup-problems-title">${say('problemsTitle')}</h2>
              <ul class="note-warn">
                ${status.problems.map(
                  (problem) =>
                    html`<li>${feedProblemText(lang(), problem, nameOf.get(problem.team) ?? problem.team)}</li>`,
                )}
              </ul>
            </section>`
          : null
      }
    </main>
    <footer class="actions">
      <p class=${notice ? `status ${notice.ok ? 'status-ok' : 'status-error'}` : 'status'} role="status" aria-live="polite">
        ${notice?.text ?? ''}
      </p>
    </footer>
  </div>`;
}
