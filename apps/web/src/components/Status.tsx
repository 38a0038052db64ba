import { createContext, useContext } from 'react';

/** Announces a short status message ("Änderungen gespeichert.") in the shell's live region. */
export const StatusContext = createContext<(message: string) => void>(() => {});

export function useAnnounce(): (message: string) => void {
  return useContext(StatusContext);
}

/** Router state that carries a message to show after a navigation (e.g. "Person angelegt."). */
export interface FlashState {
  flash?: string;
}
