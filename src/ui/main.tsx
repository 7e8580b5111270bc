/**
 * The composition root: the one place where real effects (clock, randomness, storage, the
 * PeerJS transport) are wired to the pure runtime.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import { App } from './App.tsx';
import { identityFromUrl, machineDefaults } from './identity.ts';
import { createShellSession } from './session.ts';

const machine = machineDefaults(localStorage, Math.random);
const identity = identityFromUrl(location.search, machine);
const session = createShellSession(identity);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App identity={identity} session={session} />
  </StrictMode>,
);
