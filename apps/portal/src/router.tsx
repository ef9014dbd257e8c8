import { createContext, type MouseEvent, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { Link as UtrechtLink } from '@utrecht/link-react';

/**
 * A router of forty lines: the portal has a handful of pages, and the history API does
 * everything a library would here. Paths and query strings only; no state in the URL
 * that could be personal beyond ids (ids are pseudonymous).
 */
interface Location {
  readonly path: string;
  readonly query: URLSearchParams;
}

interface Router {
  readonly location: Location;
  readonly navigate: (to: string, options?: { replace?: boolean }) => void;
}

const RouterContext = createContext<Router | null>(null);

function current(): Location {
  return { path: window.location.pathname, query: new URLSearchParams(window.location.search) };
}

export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState<Location>(current);
  useEffect(() => {
    const onPop = () => setLocation(current());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((to: string, options: { replace?: boolean } = {}) => {
    if (options.replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    setLocation(current());
    window.scrollTo(0, 0);
  }, []);
  const value = useMemo(() => ({ location, navigate }), [location, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): Router {
  const value = useContext(RouterContext);
  if (value === null) throw new Error('useRouter outside RouterProvider');
  return value;
}

/** An NL Design System link that navigates inside the portal. */
export function Link({ to, children, current: isCurrent, className }: { to: string; children: ReactNode; current?: boolean; className?: string }) {
  const { navigate } = useRouter();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <UtrechtLink href={to} onClick={onClick} aria-current={isCurrent ? 'page' : undefined} className={className}>
      {children}
    </UtrechtLink>
  );
}
