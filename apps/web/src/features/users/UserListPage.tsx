import type { User } from '@lotse/contracts';
import { ROLE_LABELS_DE } from '@lotse/domain';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type ApiError, toApiError } from '../../api/client';
import * as api from '../../api/endpoints';
import { Badge } from '../../components/Badge';
import { type Column, DataTable } from '../../components/DataTable';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { t } from '../../i18n';
import { useProviders } from './ProviderSelect';

export function UserListPage() {
  usePageTitle(t('users.listTitle'));
  const navigate = useNavigate();
  const [users, setUsers] = useState<User[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const { providers } = useProviders();
  const providerName = (id: string) =>
    providers ? (providers.find((p) => p.id === id)?.name ?? t('cooperation.userProviderUnknown')) : t('common.none');

  const load = useCallback(async (signal?: AbortSignal) => {
    setError(null);
    try {
      const list = await api.listUsers(signal);
      setUsers([...list.items].sort((a, b) => a.username.localeCompare(b.username, 'de')));
    } catch (e) {
      if (!signal?.aborted) setError(toApiError(e));
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const columns: Column<User>[] = [
    {
      key: 'username',
      header: t('users.colUsername'),
      rowHeader: true,
      render: (u) => <Link to={`/verwaltung/benutzer/${u.id}`}>{u.username}</Link>,
    },
    { key: 'name', header: t('users.colName'), render: (u) => u.displayName },
    {
      key: 'roles',
      header: t('users.colRoles'),
      render: (u) => (
        <ul className="plain-list">
          {u.roles.map((r) => (
            <li key={r}>{ROLE_LABELS_DE[r]}</li>
          ))}
        </ul>
      ),
    },
    {
      key: 'provider',
      header: t('cooperation.userColProvider'),
      render: (u) => (u.providerId ? providerName(u.providerId) : <span className="muted">{t('common.none')}</span>),
    },
    {
      key: 'team',
      header: t('organisation.userColTeam'),
      render: (u) => u.teamName ?? <span className="muted">{t('common.none')}</span>,
    },
    {
      key: 'status',
      header: t('users.colStatus'),
      render: (u) => (u.disabled ? <Badge tone="danger">{t('users.disabled')}</Badge> : <Badge tone="success">{t('users.active')}</Badge>),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.listTitle')}
        actions={
          <button type="button" className="button button--secondary" onClick={() => navigate('/verwaltung/benutzer/neu')}>
            {t('users.create')}
          </button>
        }
      />
      {error ? <ProblemAlert error={error} onRetry={() => void load()} /> : null}
      {!users && !error ? <Loading /> : null}
      {users && users.length === 0 ? <p>{t('users.none')}</p> : null}
      {users && users.length > 0 ? <DataTable caption={t('users.caption')} columns={columns} rows={users} rowKey={(u) => u.id} /> : null}
    </>
  );
}
