/**
 * The composition root of the page: the one place where real effects (clock, randomness,
 * storage, scheduling) are made and the URL is read for the node's identity (the same parser as
 * iex's flags, playground/start-options.ts); session.ts builds the node on them, with the PeerJS
 * transport.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import { App } from './App.tsx';
import { identityFromUrl, machineDefaults } from './identity.ts';
import { createShellSession } from './session.ts';
import { realEffects } from '../host/real-effects.ts';
import { browserScheduling } from '../host/node-loop.ts';
import { pageOptions } from './layout/url-options.ts';
import { shellHistory } from './shell-history.ts';
import { beamHostsOf, withBeamHosts } from './beam-page.ts';

const effects = realEffects();
const random = () => effects.random.next();
// Served with --beam: the machine's host name is the default host part, real nodes reach the tab.
const beam = beamHostsOf(document);
const machine = withBeamHosts(machineDefaults(localStorage, random), beam);
const identity = identityFromUrl(location.search, machine);
const page = pageOptions(location.search);
const session = createShellSession(identity, page, effects, browserScheduling(), { beam: beam !== null });
// The tab is titled as the node it is (`one@lab`), or `iex` when unnamed, so tabs tell nodes apart.
document.title = identity.alive ? identity.node : 'iex';
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App identity={identity} session={session} page={page} history={shellHistory(localStorage, identity.node)} />
  </StrictMode>,
);
