/**
 * The start panel of an unnamed tab (`nonode@nohost`): a short name and an optional cookie,
 * as `iex --sname one --cookie chocolate-chip-1`; submitting reloads the tab as that node.
 * Below, the nodes the signalling server knows: Connect there asks for this tab's name first
 * (unless one is typed), then starts the node and connects it there once alive.
 * What went wrong is said here in plain words (`start-problem.ts`): a name taken by another node
 * (the tab came back unnamed; Erlang's own line is in the shell), or a name `--sname` refuses.
 * The cookie field holds the cookie in use, hidden until revealed.
 * Named for tests: region `start a node`, textboxes `short name` and `cookie`, button
 * `show cookie` (pressed: shown), button `start node`, and an `alert` saying what is wrong.
 */
import { useRef, useState, type FormEvent } from 'react';
import { NodeList } from '../layout/NodeList.tsx';
import { namedNodeUrl } from '../layout/url-options.ts';
import { startProblem } from './start-problem.ts';

export interface StartPanelProps {
  /** Navigates the tab (location.assign in the page). */
  readonly navigate: (url: string) => void;
  /** The cookie this tab uses now: the URL's, else this browser's own. */
  readonly cookie: string;
  /** `?refused=one@lab`: the name this tab asked for was taken. */
  readonly refused: string | null;
  /** `?connect=two@lab`: a Connect asked before the name was refused; Start still connects there. */
  readonly connect: string | null;
}

const INPUT = 'rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono dark:border-slate-600 dark:bg-slate-950';

export function StartPanel({ navigate, cookie: inUse, refused, connect }: StartPanelProps) {
  const [sname, setSname] = useState(() => (refused === null ? '' : (refused.split('@')[0] ?? '')));
  const [cookie, setCookie] = useState(inUse);
  const [showCookie, setShowCookie] = useState(false);
  const [connectTo, setConnectTo] = useState(connect);
  const nameRef = useRef<HTMLInputElement>(null);
  const problem = startProblem(sname, refused);
  const valid = problem === null || problem.kind === 'refused';
  const here = () => new URL(location.href);
  // The cookie goes into the URL only when it is not already this tab's (the browser's own stays out).
  const cookieParam = cookie.trim() === inUse ? '' : cookie.trim();

  const start = (e: FormEvent) => {
    e.preventDefault();
    if (valid && sname !== '') navigate(namedNodeUrl(here(), sname, cookieParam, connectTo ?? undefined));
  };
  const connectThere = (node: string) => {
    if (valid && sname !== '') return navigate(namedNodeUrl(here(), sname, cookieParam, node));
    // An unnamed node cannot connect (as `Node.connect` in `iex` without --sname): name it first.
    setConnectTo(node);
    nameRef.current?.focus();
  };

  return (
    <section aria-label="start a node" className="mx-auto flex w-full max-w-2xl flex-col gap-8 overflow-y-auto p-6 text-lg">
      <div>
        <h2 className="text-2xl font-bold">Start a node</h2>
        <p className="mt-1 text-slate-600 dark:text-slate-300">
          This tab is <code className="font-mono">nonode@nohost</code>, as <code className="font-mono">iex</code> without flags. Give it a
          name to make it a node others can reach.
        </p>
      </div>
      <form onSubmit={start} className="flex flex-col gap-4">
        <label className="flex flex-col gap-1">
          <span className="font-semibold">Short name</span>
          <input
            ref={nameRef}
            aria-label="short name"
            value={sname}
            onChange={(e) => setSname(e.target.value)}
            placeholder="one"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={problem !== null}
            aria-describedby={problem !== null ? 'start-problem' : undefined}
            className={INPUT}
          />
        </label>
        {problem !== null && (
          <p id="start-problem" role="alert" className="rounded-lg border border-amber-400 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100">
            {problem.text}
          </p>
        )}
        {connectTo !== null && (
          <p role="status" aria-label="connect after start" className="rounded-lg border border-sky-400 bg-sky-50 px-3 py-2 text-sky-950 dark:border-sky-500 dark:bg-sky-950 dark:text-sky-100">
            An unnamed node cannot connect: give this tab a short name first. Once started, it connects to{' '}
            <code className="font-mono">{connectTo}</code>.
          </p>
        )}
        <div className="flex flex-col gap-1">
          <label htmlFor="start-cookie" className="font-semibold">
            Cookie <span className="font-normal text-slate-500 dark:text-slate-400">(this tab's; the same on every node that should connect)</span>
          </label>
          <div className="flex gap-2">
            <input
              id="start-cookie"
              aria-label="cookie"
              type={showCookie ? 'text' : 'password'}
              value={cookie}
              onChange={(e) => setCookie(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              className={`${INPUT} flex-1`}
            />
            <button
              type="button"
              aria-label="show cookie"
              aria-pressed={showCookie}
              onClick={() => setShowCookie((v) => !v)}
              className="rounded-lg border border-slate-300 px-3 py-2 text-base font-semibold hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
            >
              {showCookie ? 'Hide' : 'Show'}
            </button>
          </div>
        </div>
        <p className="font-mono text-base text-slate-600 dark:text-slate-300" aria-live="polite">
          iex --sname {sname || 'one'}
          {cookie.trim() ? ` --cookie ${showCookie ? cookie.trim() : '••••••'}` : ''}
        </p>
        <button
          type="submit"
          aria-label="start node"
          disabled={!valid || sname === ''}
          className="self-start rounded-lg bg-sky-700 px-5 py-2 font-semibold text-white hover:bg-sky-800 disabled:opacity-40 dark:bg-sky-500 dark:text-slate-950 dark:hover:bg-sky-400"
        >
          {connectTo === null ? 'Start node' : `Start node and connect to ${connectTo}`}
        </button>
      </form>
      <NodeList self={null} onConnect={connectThere} className="rounded-xl border border-slate-200 p-4 dark:border-slate-700" />
    </section>
  );
}
