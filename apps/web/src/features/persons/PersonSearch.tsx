import type { PersonSummary } from '@lotse/contracts';
import { type FormEvent, type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { type ApiError, toApiError } from '../../api/client';
import * as api from '../../api/endpoints';
import { type Column, DataTable } from '../../components/DataTable';
import { TextField } from '../../components/FormField';
import { ProblemAlert } from '../../components/Page';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';

const PAGE_SIZE = 25;

interface PersonSearchProps {
  /** Name cell of a result row (e.g. a link to the person page). */
  renderName: (person: PersonSummary) => ReactNode;
  /** Extra last column (e.g. an "Hinzufügen" button). */
  renderAction?: (person: PersonSummary) => ReactNode;
  /** sessionStorage key to keep the last search term (never in the URL); without it nothing is kept. */
  persistKey?: string;
  /** Heading level of the results caption region. */
  resultsCaption?: string;
}

type Status = 'idle' | 'loading' | 'done';

function readStored(key: string | undefined): string {
  if (!key) return '';
  try {
    return sessionStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}

function store(key: string | undefined, value: string): void {
  if (!key) return;
  try {
    sessionStorage.setItem(key, value);
  } catch {
    // storage unavailable: the term lives in React state only
  }
}

/** Search by name, customer number or birth date; the term goes in the POST body, never in the URL. */
export function PersonSearch({ renderName, renderAction, persistKey, resultsCaption = t('persons.results') }: PersonSearchProps) {
  const baseId = useId();
  const inputId = `${baseId}-query`;
  const [input, setInput] = useState(() => readStored(persistKey));
  const [inputError, setInputError] = useState<string | undefined>();
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<PersonSummary[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>('idle');
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const controllerRef = useRef<AbortController | null>(null);

  const run = useCallback(async (term: string, cursor?: string) => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    setError(null);
    if (cursor) setLoadingMore(true);
    else setStatus('loading');
    try {
      const result = await api.searchPersons({ query: term, cursor, limit: PAGE_SIZE }, controller.signal);
      setItems((prev) => (cursor ? [...prev, ...result.items] : result.items));
      setNextCursor(result.page.nextCursor);
      setQuery(term);
      setStatus('done');
    } catch (e) {
      if (controller.signal.aborted) return;
      setError(toApiError(e));
      if (!cursor) setStatus('idle');
    } finally {
      if (controllerRef.current === controller) setLoadingMore(false);
    }
  }, []);

  // Repeat the last search when coming back to the page (term from sessionStorage).
  useEffect(() => {
    const stored = readStored(persistKey);
    if (stored.trim().length >= 2) void run(stored.trim());
    return () => controllerRef.current?.abort();
  }, [persistKey, run]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const term = input.trim();
    if (term.length < 2) {
      setInputError(t('persons.searchTooShort'));
      document.getElementById(inputId)?.focus();
      return;
    }
    setInputError(undefined);
    store(persistKey, term);
    void run(term);
  };

  const columns: Column<PersonSummary>[] = [
    { key: 'name', header: t('persons.colName'), render: renderName, rowHeader: true },
    { key: 'customerNumber', header: t('persons.colCustomerNumber'), render: (p) => p.customerNumber, className: 'nowrap' },
    { key: 'birthDate', header: t('persons.colBirthDate'), render: (p) => formatDate(p.birthDate), className: 'nowrap' },
    { key: 'city', header: t('persons.colCity'), render: (p) => [p.postalCode, p.city].filter(Boolean).join(' ') },
  ];
  if (renderAction) columns.push({ key: 'action', header: t('persons.colAction'), render: renderAction, className: 'nowrap' });

  let statusText = '';
  if (status === 'loading') statusText = t('persons.searching');
  else if (status === 'done' && items.length > 0)
    statusText = nextCursor ? t('persons.resultsMore', { count: items.length }) : t('persons.resultsCount', { count: items.length });

  return (
    <div className="person-search">
      <search>
        <form onSubmit={submit} noValidate className="search-form">
          <TextField
            id={inputId}
            label={t('persons.searchLabel')}
            hint={t('persons.searchHint')}
            type="search"
            value={input}
            onChange={setInput}
            error={inputError}
            width="long"
            autoComplete="off"
            spellCheck={false}
          />
          <button type="submit" className="button button--primary search-form__submit">
            {t('persons.searchSubmit')}
          </button>
        </form>
      </search>

      <ProblemAlert error={error} onRetry={query || input.trim().length >= 2 ? () => void run(query || input.trim()) : undefined} />

      <div role="status" className="search-status">
        {statusText ? <p className="muted">{statusText}</p> : null}
        {status === 'done' && items.length === 0 ? (
          <div className="empty-state">
            <p className="empty-state__title">{t('persons.noResults')}</p>
            <p>{t('persons.noResultsFor', { query })}</p>
          </div>
        ) : null}
      </div>

      {items.length > 0 ? (
        <>
          <DataTable caption={resultsCaption} columns={columns} rows={items} rowKey={(p) => p.id} />
          {nextCursor ? (
            <div className="button-row">
              <button type="button" className="button button--secondary" onClick={() => void run(query, nextCursor)} disabled={loadingMore}>
                {t('persons.loadMore')}
              </button>
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
