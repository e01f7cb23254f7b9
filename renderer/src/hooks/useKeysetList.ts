// A list read a keyset page at a time (findings of a rule, who reaches an app): the first page whenever `key` (what
// the list is of) changes, more on demand; answers about an older key are dropped.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { describeError, type ErrorDescription } from '../service/describeError';

export interface KeysetPage<T> {
  items: T[];
  /** The cursor of the next page; null after the last. */
  next: string | null;
}

interface KeysetListState<T> extends KeysetPage<T> {
  loading: boolean;
  error: ErrorDescription | null;
}

/** The state once a page came: the first page replaces what was shown, a later one adds to it. */
function withPage<T>(current: KeysetListState<T>, page: KeysetPage<T>, after: string | null): KeysetListState<T> {
  const items = after ? [...current.items, ...page.items] : page.items;
  return { items, next: page.next, loading: false, error: null };
}

/** `fetchPage` may read only what `key` stands for: a new key is what makes the list start again. */
export function useKeysetList<T>(key: string, fetchPage: (after: string | null) => Promise<KeysetPage<T>>) {
  const [state, setState] = useState<KeysetListState<T>>({ items: [], next: null, loading: true, error: null });
  const generation = useRef(0);
  const fetchRef = useRef(fetchPage);
  // Layout effects run before the effect below, so a new key's first page is asked with its own fetchPage.
  useLayoutEffect(() => {
    fetchRef.current = fetchPage;
  });

  const load = useCallback((after: string | null, ticket: number) => {
    setState((current) => ({ ...current, loading: true }));
    fetchRef.current(after).then(
      (page) => {
        if (ticket === generation.current) setState((current) => withPage(current, page, after));
      },
      (caught: unknown) => {
        if (ticket === generation.current)
          setState((current) => ({ ...current, loading: false, error: describeError(caught) }));
      },
    );
  }, []);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- marks the first page loading as it is asked for
    load(null, ++generation.current);
  }, [load, key]);

  const loadMore = useCallback(() => {
    if (state.next) load(state.next, generation.current);
  }, [load, state.next]);
  return { ...state, loadMore };
}
