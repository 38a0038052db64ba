import { type FormEvent, type KeyboardEvent, useRef, useState } from 'react';
import { TextField } from '../../components/FormField';
import { PageHeader, usePageTitle } from '../../components/Page';
import { t } from '../../i18n';
import { ChangeLogPanel, ReadLogPanel } from './LogPanels';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Tab = 'changes' | 'reads';
const TABS: { key: Tab; label: 'audit.changes' | 'audit.reads' }[] = [
  { key: 'changes', label: 'audit.changes' },
  { key: 'reads', label: 'audit.reads' },
];

export function AuditPage() {
  usePageTitle(t('audit.title'));
  const [tab, setTab] = useState<Tab>('changes');
  const [visited, setVisited] = useState<Set<Tab>>(() => new Set<Tab>(['changes']));
  const [personInput, setPersonInput] = useState('');
  const [personError, setPersonError] = useState<string | undefined>();
  const [personId, setPersonId] = useState<string | undefined>();
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ changes: null, reads: null });

  const select = (next: Tab, focus = false) => {
    setTab(next);
    setVisited((v) => new Set(v).add(next));
    if (focus) tabRefs.current[next]?.focus();
  };

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const index = TABS.findIndex((x) => x.key === tab);
    let next: number | null = null;
    if (e.key === 'ArrowRight') next = (index + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') next = (index - 1 + TABS.length) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    if (next === null) return;
    e.preventDefault();
    const target = TABS[next];
    if (target) select(target.key, true);
  };

  const applyFilter = (e: FormEvent) => {
    e.preventDefault();
    const value = personInput.trim();
    if (value && !UUID.test(value)) {
      setPersonError(t('validation.uuid'));
      document.getElementById('audit-person')?.focus();
      return;
    }
    setPersonError(undefined);
    setPersonId(value || undefined);
  };

  const resetFilter = () => {
    setPersonInput('');
    setPersonError(undefined);
    setPersonId(undefined);
  };

  return (
    <>
      <PageHeader title={t('audit.title')}>
        <p className="page-subtitle">{t('audit.intro')}</p>
      </PageHeader>

      <form className="card filter-form" onSubmit={applyFilter} noValidate aria-labelledby="audit-filter-heading">
        <h2 id="audit-filter-heading" className="h3">
          {t('audit.filterLegend')}
        </h2>
        <div className="filter-form__row">
          <TextField
            id="audit-person"
            label={`${t('audit.personId')} ${t('common.optional')}`}
            hint={t('audit.personIdHint')}
            value={personInput}
            onChange={setPersonInput}
            error={personError}
            width="long"
            spellCheck={false}
            autoComplete="off"
          />
          <div className="button-row filter-form__buttons">
            <button type="submit" className="button button--primary">
              {t('audit.filter')}
            </button>
            {personId ? (
              <button type="button" className="button button--secondary" onClick={resetFilter}>
                {t('audit.resetFilter')}
              </button>
            ) : null}
          </div>
        </div>
        <p role="status" className="muted">
          {personId ? t('audit.filterActive', { id: personId }) : ''}
        </p>
      </form>

      <div className="tabs">
        <div role="tablist" aria-label={t('audit.tabs')} className="tabs__list">
          {TABS.map(({ key, label }) => (
            <button
              key={key}
              ref={(el) => {
                tabRefs.current[key] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${key}`}
              aria-selected={tab === key}
              aria-controls={`panel-${key}`}
              tabIndex={tab === key ? 0 : -1}
              className="tabs__tab"
              onClick={() => select(key)}
              onKeyDown={onTabKey}
            >
              {t(label)}
            </button>
          ))}
        </div>
        <div role="tabpanel" id="panel-changes" aria-labelledby="tab-changes" hidden={tab !== 'changes'} className="tabs__panel">
          {visited.has('changes') ? <ChangeLogPanel personId={personId} /> : null}
        </div>
        <div role="tabpanel" id="panel-reads" aria-labelledby="tab-reads" hidden={tab !== 'reads'} className="tabs__panel">
          {visited.has('reads') ? <ReadLogPanel personId={personId} /> : null}
        </div>
      </div>
    </>
  );
}
