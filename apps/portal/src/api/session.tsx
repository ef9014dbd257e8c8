import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { graphql, setToken, whenUnauthenticated } from './graphql';
import { gql } from './generated';
import type { MeQuery, ProfessionalRole } from './generated/graphql';

const ME = gql(`query Me { me { kind member { id name familyId } professional { id name roles organisation { id name domain } } } }`);

export type Viewer = MeQuery['me'];

interface Session {
  readonly viewer: Viewer | null;
  /** Set when the API refused the token mid-session (it expired). */
  readonly expired: boolean;
  readonly signIn: (token: string) => Promise<Viewer>;
  readonly signOut: () => void;
  readonly hasRole: (...roles: ProfessionalRole[]) => boolean;
}

const SessionContext = createContext<Session | null>(null);

/**
 * Who is signed in. The token is handed to the API client's memory and nowhere else: a
 * reload of the page signs out, which is the price of keeping it out of storage that
 * scripts could read later.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [expired, setExpired] = useState(false);
  const signOut = useCallback(() => {
    setToken(null);
    setViewer(null);
  }, []);
  useEffect(() => {
    whenUnauthenticated(() => {
      setToken(null);
      setViewer(null);
      setExpired(true);
    });
  }, []);
  const signIn = useCallback(async (token: string) => {
    setToken(token);
    try {
      const { me } = await graphql(ME);
      setExpired(false);
      setViewer(me);
      return me;
    } catch (error) {
      setToken(null);
      throw error;
    }
  }, []);
  const value = useMemo<Session>(
    () => ({
      viewer,
      expired,
      signIn,
      signOut,
      hasRole: (...roles) => roles.some((role) => viewer?.professional?.roles.includes(role) ?? false),
    }),
    [viewer, expired, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession outside SessionProvider');
  return value;
}

/** Where a viewer starts: a family member at their data, a professional at their families, an officer at the log, an administrator at the organisations. */
export function homeOf(viewer: Viewer): string {
  if (viewer.kind === 'FAMILY_MEMBER') return '/me/records';
  const roles = viewer.professional?.roles ?? [];
  if (roles.includes('PROFESSIONAL') || roles.includes('TEAM_LEAD')) return '/families';
  if (roles.includes('PRIVACY_OFFICER') || roles.includes('CHAIN_PRIVACY_OFFICER')) return '/access-log';
  if (roles.includes('ADMIN')) return '/organisations';
  return '/families';
}
