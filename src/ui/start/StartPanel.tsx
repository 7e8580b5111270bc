/**
 * The start panel of an unnamed tab (`nonode@nohost`): a short name and an optional cookie,
 * as `iex --sname one --cookie chocolate-chip-1`; submitting reloads the tab as that node.
 * Below, the nodes the signalling server knows: Connect there makes this tab a node with a
 * generated name (`student-…`) that connects to it once alive. Named for tests: region
 * `start a node`, textboxes `short name` and `cookie`, button `start node`.
 */
import { useState, type FormEvent } from 'react';
import { NodeList } from '../layout/NodeList.tsx';
import { namedNodeUrl } from '../layout/url-options.ts';

/** Short names as `--sname` takes them: letters, digits, `_` and `-`. */
const SNAME = /^[A-Za-z0-9_-]+$/;

export interface StartPanelProps {
  /** Navigates the tab (location.assign in the page). */
  readonly navigate: (url: string) => void;
  /** Random source for generated names. */
  readonly random: () => number;
}

export function StartPanel({ navigate, random }: StartPanelProps) {
  const [sname, setSname] = useState('');
  const [cookie, setCookie] = useState('');
  const valid = SNAME.test(sname);
  const here = () => new URL(location.href);

  const start = (e: FormEvent) => {
    e.preventDefault();
    if (valid) navigate(namedNodeUrl(here(), sname, cookie.trim()));
  };
  const connect = (node: string) => {
    const generated = `student-${Math.floor(random() * 36 ** 4).toString(36).padStart(4, '0')}`;
    navigate(namedNodeUrl(here(), generated, cookie.trim(), node));
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
            aria-label="short name"
            value={sname}
            onChange={(e) => setSname(e.target.value)}
            placeholder="one"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={sname !== '' && !valid}
            className="rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono dark:border-slate-600 dark:bg-slate-950"
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-semibold">
            Cookie <span className="font-normal text-slate-500 dark:text-slate-400">(optional: this browser's own otherwise)</span>
          </span>
          <input
            aria-label="cookie"
            value={cookie}
            onChange={(e) => setCookie(e.target.value)}
            placeholder="chocolate-chip-1"
            autoComplete="off"
            spellCheck={false}
            className="rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono dark:border-slate-600 dark:bg-slate-950"
          />
        </label>
        <p className="font-mono text-base text-slate-600 dark:text-slate-300" aria-live="polite">
          iex --sname {sname || 'one'}
          {cookie.trim() ? ` --cookie ${cookie.trim()}` : ''}
        </p>
        <button
          type="submit"
          aria-label="start node"
          disabled={!valid}
          className="self-start rounded-lg bg-sky-700 px-5 py-2 font-semibold text-white hover:bg-sky-800 disabled:opacity-40 dark:bg-sky-500 dark:text-slate-950 dark:hover:bg-sky-400"
        >
          Start node
        </button>
      </form>
      <NodeList self={null} onConnect={connect} className="rounded-xl border border-slate-200 p-4 dark:border-slate-700" />
    </section>
  );
}
