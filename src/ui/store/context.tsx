/**
 * The playground store reaches components through React context, one store per app instance
 * (zustand's "initialize state with props" pattern), so two playgrounds on one page or in one
 * test never share state.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { PlaygroundState, PlaygroundStore } from './playground-store.ts';

const StoreContext = createContext<PlaygroundStore | null>(null);

export function PlaygroundStoreProvider({ store, children }: { store: PlaygroundStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The store itself, for reading outside React's render cycle (the token overlay). */
export function usePlaygroundStoreApi(): PlaygroundStore {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('usePlaygroundStore: no PlaygroundStoreProvider above this component');
  return store;
}

/** A slice of the playground state; re-renders only when the selected value changes (Object.is). */
export function usePlayground<T>(selector: (state: PlaygroundState) => T): T {
  return useStore(usePlaygroundStoreApi(), selector);
}
