import type { Person, PersonSummary } from '@lotse/contracts';
import { CASE_READERS, hasAnyRole, PERSON_WRITERS } from '@lotse/domain';
import { useCallback, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { etagOf, toApiError } from '../../api/client';
import * as api from '../../api/endpoints';
import { ConflictBanner } from '../../components/ConflictBanner';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { fullName } from '../../lib/format';
import { useEditModeFocus, useLoadedResource } from '../../lib/useLoadedResource';
import { serverFieldErrors } from '../../lib/validation';
import { useSession } from '../auth/session';
import { PersonCasesSection } from '../work/PersonCasesSection';
import { PersonForm, type Rebase, type SubmitOutcome } from './PersonForm';
import { PersonView } from './PersonView';
import { PERSON_FIELDS, type PersonFormValues, personToForm, validateUpdate } from './personForm';

function toSummary(p: Person): PersonSummary {
  const { id, customerNumber, firstName, lastName, birthDate, postalCode, city } = p;
  return { id, customerNumber, firstName, lastName, birthDate, postalCode, city };
}

interface Loaded {
  person: Person;
  etag: string;
}

export function PersonPage() {
  const { id = '' } = useParams();
  const { roles } = useSession();
  const canWrite = hasAnyRole(roles, PERSON_WRITERS);
  const announce = useAnnounce();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [latest, setLatest] = useState<Loaded | null>(null);
  const [rebase, setRebase] = useState<Rebase | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [focusRequest, setFocusRequest] = useState(0);

  // No names in the title: titles end up in the browser history.
  usePageTitle(editing ? t('person.editTitle') : t('person.pageTitle'));

  useEditModeFocus(editing);

  const fetchLoaded = useCallback(
    async (signal?: AbortSignal): Promise<Loaded> => {
      const res = await api.getPerson(id, signal);
      return { person: res.data, etag: etagOf(res) };
    },
    [id],
  );
  const { loaded, setLoaded, loadError, load } = useLoadedResource(fetchLoaded, () => {
    setEditing(false);
    setConflict(false);
  });

  const startEditing = () => {
    setConflict(false);
    setLatest(null);
    setFormKey((k) => k + 1);
    setEditing(true);
    setFocusRequest((n) => n + 1);
  };

  const save = async (values: PersonFormValues): Promise<SubmitOutcome | undefined> => {
    if (!loaded) return undefined;
    const initial = personToForm(loaded.person);
    const checked = validateUpdate(values, initial);
    if (!checked.ok) return { fieldErrors: checked.errors };
    if (!checked.changed) {
      setEditing(false);
      announce(t('common.noChanges'));
      return undefined;
    }
    try {
      const res = await api.updatePerson(loaded.person.id, loaded.etag, checked.request);
      setLoaded({ person: res.data, etag: etagOf(res) });
      setConflict(false);
      setEditing(false);
      announce(t('common.saved'));
      return undefined;
    } catch (e) {
      const error = toApiError(e);
      if (error.status === 412) {
        // Fetch the current version before showing the banner: it names what changed, and "Weiter
        // bearbeiten" carries the input over to it (clicked before the fetch ended, the next save
        // would go against the old version and fail again).
        let current: Loaded | null = null;
        try {
          const r = await api.getPerson(loaded.person.id);
          current = { person: r.data, etag: etagOf(r) };
        } catch {
          current = null;
        }
        setLatest(current);
        setConflict(true);
        return undefined;
      }
      if (error.code === 'DUPLICATE_CUSTOMER_NUMBER') return { fieldErrors: { customerNumber: error.userMessage } };
      const fieldErrors = serverFieldErrors(error);
      if (Object.keys(fieldErrors).length) return { fieldErrors };
      return { error };
    }
  };

  const reloadCurrent = async () => {
    if (await load()) {
      setConflict(false);
      setLatest(null);
      setFormKey((k) => k + 1);
      setFocusRequest((n) => n + 1);
      announce(t('conflict.reloaded'));
    }
  };

  const keepEditing = () => {
    setConflict(false);
    if (latest && loaded) {
      setRebase((r) => ({ id: (r?.id ?? 0) + 1, from: personToForm(loaded.person), to: personToForm(latest.person) }));
      setLoaded(latest);
      setLatest(null);
      announce(t('conflict.rebased'));
    }
    setFocusRequest((n) => n + 1);
  };

  const theirChanges = (() => {
    if (!latest || !loaded) return null;
    const before = personToForm(loaded.person);
    const after = personToForm(latest.person);
    return PERSON_FIELDS.filter(({ field }) => before[field] !== after[field]).map(({ label }) => t(label));
  })();

  if (!loaded) {
    return (
      <>
        <PageHeader title={t('person.pageTitle')} />
        {loadError ? <ProblemAlert error={loadError} onRetry={() => void load()} /> : <Loading text={t('person.loading')} />}
      </>
    );
  }

  const { person } = loaded;
  const title = fullName(person);

  if (editing) {
    return (
      <>
        <PageHeader title={t('person.editTitle')}>
          <p className="page-subtitle">
            {title} · {person.customerNumber}
          </p>
        </PageHeader>
        <PersonForm
          key={formKey}
          initial={personToForm(person)}
          submitLabel={t('common.save')}
          onSubmit={save}
          onCancel={() => {
            setConflict(false);
            setEditing(false);
          }}
          currentContact={person.personalContact}
          focusRequest={focusRequest}
          rebase={rebase}
          banner={
            conflict ? (
              <ConflictBanner
                text={t('conflict.personText')}
                changedFields={theirChanges}
                onReload={() => void reloadCurrent()}
                onKeepEditing={keepEditing}
              />
            ) : null
          }
        />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={title}
        actions={
          canWrite ? (
            <button type="button" className="button button--primary" onClick={startEditing}>
              {t('common.edit')}
            </button>
          ) : null
        }
      >
        <p className="page-subtitle">
          {t('person.customerNumber')} {person.customerNumber}
        </p>
      </PageHeader>
      {loadError ? <ProblemAlert error={loadError} /> : null}
      {hasAnyRole(roles, CASE_READERS) ? <PersonCasesSection personId={person.id} /> : null}
      <PersonView
        person={person}
        actions={
          canWrite && !person.household ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => navigate('/bedarfsgemeinschaften/neu', { state: { person: toSummary(person) } })}
            >
              {t('person.createHousehold')}
            </button>
          ) : null
        }
      />
    </>
  );
}
