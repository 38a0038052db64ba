import type { Household } from '@lotse/contracts';
import { HOUSEHOLD_ROLE_LABELS_DE, hasAnyRole, PERSON_WRITERS } from '@lotse/domain';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { etagOf, toApiError } from '../../api/client';
import * as api from '../../api/endpoints';
import { ConflictBanner } from '../../components/ConflictBanner';
import { type Column, DataTable } from '../../components/DataTable';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { formatDate, formatDateTime, listName } from '../../lib/format';
import { useEditModeFocus, useLoadedResource } from '../../lib/useLoadedResource';
import { serverFieldErrors } from '../../lib/validation';
import { useSession } from '../auth/session';
import { HouseholdForm, type HouseholdRebase, type HouseholdSubmitOutcome } from './HouseholdForm';
import { type MemberRow, membersOf, validateHouseholdUpdate } from './householdForm';

interface Loaded {
  household: Household;
  etag: string;
}

export function HouseholdPage() {
  const { id = '' } = useParams();
  const { roles } = useSession();
  const canWrite = hasAnyRole(roles, PERSON_WRITERS);
  const announce = useAnnounce();
  const [editing, setEditing] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [latest, setLatest] = useState<Loaded | null>(null);
  const [rebase, setRebase] = useState<HouseholdRebase | null>(null);
  const [formKey, setFormKey] = useState(0);
  usePageTitle(editing ? t('household.editTitle') : t('household.pageTitle'));

  useEditModeFocus(editing, 'household-number');

  const fetchLoaded = useCallback(
    async (signal?: AbortSignal): Promise<Loaded> => {
      const res = await api.getHousehold(id, signal);
      return { household: res.data, etag: etagOf(res) };
    },
    [id],
  );
  const { loaded, setLoaded, loadError, load } = useLoadedResource(fetchLoaded, () => {
    setEditing(false);
    setConflict(false);
  });

  const save = async (number: string, rows: MemberRow[]): Promise<HouseholdSubmitOutcome | undefined> => {
    if (!loaded) return undefined;
    const checked = validateHouseholdUpdate(number, rows, loaded.household);
    if (!checked.ok) return { fieldErrors: checked.errors };
    if (!checked.changed) {
      setEditing(false);
      announce(t('common.noChanges'));
      return undefined;
    }
    try {
      const res = await api.updateHousehold(loaded.household.id, loaded.etag, checked.request);
      setLoaded({ household: res.data, etag: etagOf(res) });
      setConflict(false);
      setEditing(false);
      announce(t('common.saved'));
      return undefined;
    } catch (e) {
      const error = toApiError(e);
      if (error.status === 412) {
        // Current version first (see PersonPage): "Weiter bearbeiten" needs it to carry the input over.
        let current: Loaded | null = null;
        try {
          const r = await api.getHousehold(loaded.household.id);
          current = { household: r.data, etag: etagOf(r) };
        } catch {
          current = null;
        }
        setLatest(current);
        setConflict(true);
        return undefined;
      }
      const fieldErrors = serverFieldErrors(error);
      if (Object.keys(fieldErrors).length) return { fieldErrors };
      return { error };
    }
  };

  const keepEditing = () => {
    setConflict(false);
    if (latest && loaded) {
      setRebase((r) => ({
        id: (r?.id ?? 0) + 1,
        fromNumber: loaded.household.number,
        toNumber: latest.household.number,
        fromRows: membersOf(loaded.household),
        toRows: membersOf(latest.household),
      }));
      setLoaded(latest);
      setLatest(null);
      announce(t('conflict.rebased'));
    }
    document.getElementById('household-number')?.focus();
  };

  const theirChanges = (() => {
    if (!latest || !loaded) return null;
    const fields: string[] = [];
    if (latest.household.number !== loaded.household.number) fields.push(t('household.number'));
    const key = (h: Household) => JSON.stringify(h.members.map((m) => [m.personId, m.role]));
    if (key(latest.household) !== key(loaded.household)) fields.push(t('household.members'));
    return fields;
  })();

  const reloadCurrent = async () => {
    if (await load()) {
      setLatest(null);
      setConflict(false);
      setFormKey((k) => k + 1);
      announce(t('conflict.reloaded'));
    }
  };

  if (!loaded) {
    return (
      <>
        <PageHeader title={t('household.pageTitle')} />
        {loadError ? <ProblemAlert error={loadError} onRetry={() => void load()} /> : <Loading text={t('household.loading')} />}
      </>
    );
  }

  const { household } = loaded;

  if (editing) {
    return (
      <>
        <PageHeader title={t('household.editTitle')}>
          <p className="page-subtitle">
            {t('household.number')} {household.number}
          </p>
        </PageHeader>
        <HouseholdForm
          key={formKey}
          initialNumber={household.number}
          initialRows={membersOf(household)}
          onSubmit={save}
          rebase={rebase}
          onCancel={() => {
            setConflict(false);
            setEditing(false);
          }}
          banner={
            conflict ? (
              <ConflictBanner
                text={t('conflict.householdText')}
                onReload={() => void reloadCurrent()}
                changedFields={theirChanges}
                onKeepEditing={keepEditing}
              />
            ) : null
          }
        />
      </>
    );
  }

  const columns: Column<Household['members'][number]>[] = [
    {
      key: 'name',
      header: t('household.colName'),
      rowHeader: true,
      render: (m) => <Link to={`/personen/${m.personId}`}>{listName(m)}</Link>,
    },
    { key: 'role', header: t('household.colRole'), render: (m) => HOUSEHOLD_ROLE_LABELS_DE[m.role] },
    { key: 'birthDate', header: t('household.colBirthDate'), render: (m) => formatDate(m.birthDate), className: 'nowrap' },
    { key: 'customerNumber', header: t('household.colCustomerNumber'), render: (m) => m.customerNumber, className: 'nowrap' },
  ];

  return (
    <>
      <PageHeader
        title={t('household.heading', { number: household.number })}
        actions={
          canWrite ? (
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                setFormKey((k) => k + 1);
                setConflict(false);
                setEditing(true);
              }}
            >
              {t('common.edit')}
            </button>
          ) : null
        }
      />
      <section className="card" aria-labelledby="household-members-view">
        <h2 id="household-members-view">{t('household.members')}</h2>
        {household.members.length ? (
          <DataTable
            caption={t('household.membersCaption')}
            captionHidden
            columns={columns}
            rows={household.members}
            rowKey={(m) => m.personId}
          />
        ) : (
          <p className="muted">{t('household.noMembers')}</p>
        )}
      </section>
      <p className="meta muted">{t('person.lastChanged', { date: formatDateTime(household.updatedAt) })}</p>
    </>
  );
}
