/** The signed-in user (null for the public), shared by the pages. */
import { createContext, useContext } from 'react';
import type { User } from './api.ts';

export const SessionContext = createContext<{ user: User | null; setUser: (u: User | null) => void }>({ user: null, setUser: () => {} });
export const useSession = () => useContext(SessionContext);
