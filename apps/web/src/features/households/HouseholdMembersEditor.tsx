import { HOUSEHOLD_ROLE_LABELS_DE, HOUSEHOLD_ROLES, type HouseholdRole } from '@lotse/domain';
import { Link } from 'react-router';
import { Badge } from '../../components/Badge';
import { type Column, DataTable } from '../../components/DataTable';
import { FieldError } from '../../components/FormField';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { formatDate, fullName, listName } from '../../lib/format';
import { PersonSearch } from '../persons/PersonSearch';
import { type MemberRow, memberFromSummary } from './householdForm';

export const MEMBERS_ID = 'household-members';

function focusLater(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

interface EditorProps {
  rows: MemberRow[];
  onChange: (rows: MemberRow[]) => void;
}

/** Members table with a role select and a remove button per member. */
export function MembersEditTable({ rows, onChange, error }: EditorProps & { error?: string }) {
  const announce = useAnnounce();

  const setRole = (personId: string, role: HouseholdRole) => onChange(rows.map((r) => (r.personId === personId ? { ...r, role } : r)));

  const remove = (row: MemberRow) => {
    onChange(rows.filter((r) => r.personId !== row.personId));
    announce(t('household.removed', { name: fullName(row) }));
    focusLater(`${MEMBERS_ID}-heading`);
  };

  const columns: Column<MemberRow>[] = [
    {
      key: 'name',
      header: t('household.colName'),
      rowHeader: true,
      render: (m) => (
        <>
          {m.isNew ? listName(m) : <Link to={`/personen/${m.personId}`}>{listName(m)}</Link>}
          {m.isNew ? (
            <>
              {' '}
              <Badge tone="neutral">{t('household.newMember')}</Badge>
            </>
          ) : null}
        </>
      ),
    },
    { key: 'customerNumber', header: t('household.colCustomerNumber'), render: (m) => m.customerNumber, className: 'nowrap' },
    { key: 'birthDate', header: t('household.colBirthDate'), render: (m) => formatDate(m.birthDate), className: 'nowrap' },
    {
      key: 'role',
      header: t('household.colRole'),
      render: (m) => (
        <>
          <label htmlFor={`member-role-${m.personId}`} className="visually-hidden">
            {t('household.roleOf', { name: fullName(m) })}
          </label>
          <select
            id={`member-role-${m.personId}`}
            className="input input--medium input--compact"
            value={m.role}
            onChange={(e) => setRole(m.personId, e.target.value as HouseholdRole)}
          >
            {HOUSEHOLD_ROLES.map((r) => (
              <option key={r} value={r}>
                {HOUSEHOLD_ROLE_LABELS_DE[r]}
              </option>
            ))}
          </select>
        </>
      ),
    },
    {
      key: 'action',
      header: t('household.colAction'),
      render: (m) => (
        <button
          type="button"
          className="button button--danger-link"
          onClick={() => remove(m)}
          aria-label={t('household.removeNamed', { name: fullName(m) })}
        >
          {t('household.remove')}
        </button>
      ),
    },
  ];

  return (
    <section aria-labelledby={`${MEMBERS_ID}-heading`} className="card">
      <h2 id={`${MEMBERS_ID}-heading`} tabIndex={-1} aria-describedby={error ? `${MEMBERS_ID}-error` : undefined}>
        {t('household.members')}
      </h2>
      <FieldError id={MEMBERS_ID} error={error} />
      {rows.length ? (
        <DataTable caption={t('household.membersCaption')} captionHidden columns={columns} rows={rows} rowKey={(m) => m.personId} />
      ) : (
        <p className="muted">{t('household.noMembers')}</p>
      )}
    </section>
  );
}

/** Adds members found with the person search (a form of its own, so it sits outside the household form). */
export function AddMemberSection({ rows, onChange }: EditorProps) {
  const announce = useAnnounce();
  const memberIds = new Set(rows.map((r) => r.personId));
  return (
    <section aria-labelledby="household-add-heading" className="card">
      <h2 id="household-add-heading">{t('household.addMember')}</h2>
      <p className="muted">{t('household.addMemberHint')}</p>
      <PersonSearch
        renderName={(p) => listName(p)}
        renderAction={(p) =>
          memberIds.has(p.id) ? (
            <span className="muted">{t('persons.alreadyMember')}</span>
          ) : (
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={t('persons.addNamed', { name: fullName(p) })}
              onClick={() => {
                onChange([...rows, memberFromSummary(p, rows.length === 0 ? 'applicant' : 'other')]);
                announce(t('household.added', { name: fullName(p) }));
                focusLater(`member-role-${p.id}`);
              }}
            >
              {t('persons.add')}
            </button>
          )
        }
      />
    </section>
  );
}
