import { createUserRequest } from '@lotse/contracts';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { type ApiError, toApiError } from '../../api/client';
import * as api from '../../api/endpoints';
import { ErrorSummary, focusFirstInvalid, type SummaryItem } from '../../components/ErrorSummary';
import { CheckboxGroup, TextField } from '../../components/FormField';
import { PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import type { FlashState } from '../../components/Status';
import { type MessageKey, t } from '../../i18n';
import { useIdempotencyKey } from '../../lib/idempotency';
import { type FieldErrors, serverFieldErrors, validate } from '../../lib/validation';
import { PROVIDER_ROLE, ProviderSelect, useProviders } from './ProviderSelect';
import { ROLE_OPTIONS } from './roleOptions';
import { TeamSelect, useTeams } from './TeamSelect';

export interface FieldSpec {
  field: string;
  id: string;
  label: MessageKey;
}

const FIELDS: FieldSpec[] = [
  { field: 'username', id: 'user-username', label: 'users.username' },
  { field: 'displayName', id: 'user-displayName', label: 'users.displayName' },
  { field: 'email', id: 'user-email', label: 'users.email' },
  { field: 'roles', id: 'user-roles', label: 'users.roles' },
  { field: 'providerId', id: 'user-provider', label: 'cooperation.userProvider' },
  { field: 'teamId', id: 'user-team', label: 'organisation.userTeam' },
  { field: 'password', id: 'user-password', label: 'users.password' },
];

export function summaryFor(errors: FieldErrors, fields: FieldSpec[]): SummaryItem[] {
  return [
    ...fields.filter((f) => errors[f.field]).map((f) => ({ fieldId: f.id, label: t(f.label), message: errors[f.field] as string })),
    ...Object.entries(errors)
      .filter(([key]) => !fields.some((f) => f.field === key))
      .map(([, message]) => ({ message })),
  ];
}

export function UserCreatePage() {
  usePageTitle(t('users.createTitle'));
  const navigate = useNavigate();
  const keyFor = useIdempotencyKey();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [providerId, setProviderId] = useState('');
  const { providers, error: providersError } = useProviders();
  const isProviderStaff = roles.includes(PROVIDER_ROLE);
  const [teamId, setTeamId] = useState('');
  const { teams, error: teamsError } = useTeams();
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [generalError, setGeneralError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (focusTick > 0) focusFirstInvalid(formRef.current);
  }, [focusTick]);

  const fail = (fieldErrors: FieldErrors) => {
    setErrors(fieldErrors);
    setFocusTick((n) => n + 1);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setGeneralError(null);
    const checked = validate(createUserRequest, {
      username: username.trim(),
      displayName,
      email: email.trim() === '' ? null : email.trim(),
      roles,
      providerId: isProviderStaff ? providerId || null : null,
      teamId: isProviderStaff ? null : teamId || null,
      password,
    });
    const fieldErrors: FieldErrors = checked.ok ? {} : { ...checked.errors };
    // Provider staff work for a provider: without one the API refuses the account.
    if (isProviderStaff && !providerId) fieldErrors.providerId = t('cooperation.userProviderRequired');
    if (!checked.ok || Object.keys(fieldErrors).length) {
      fail(fieldErrors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const res = await api.createUser(checked.data, keyFor(checked.data));
      const state: FlashState = { flash: t('users.created') };
      navigate(`/verwaltung/benutzer/${res.data.id}`, { state });
    } catch (err) {
      const error = toApiError(err);
      if (error.code === 'DUPLICATE_USERNAME') fail({ username: error.userMessage });
      else {
        const fieldErrors = serverFieldErrors(error);
        if (Object.keys(fieldErrors).length) fail(fieldErrors);
        else setGeneralError(error);
      }
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t('users.createTitle')} />
      <ProblemAlert error={generalError} />
      <ErrorSummary items={summaryFor(errors, FIELDS)} />
      <form ref={formRef} onSubmit={submit} noValidate className="form card" aria-busy={busy || undefined}>
        <p className="muted">{t('form.requiredNote')}</p>
        <TextField
          id="user-username"
          label={t('users.username')}
          hint={t('users.usernameHint')}
          value={username}
          onChange={setUsername}
          error={errors.username}
          required
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          id="user-displayName"
          label={t('users.displayName')}
          hint={t('users.displayNameHint')}
          value={displayName}
          onChange={setDisplayName}
          error={errors.displayName}
          required
          autoComplete="off"
        />
        <TextField
          id="user-email"
          label={t('users.email')}
          type="email"
          value={email}
          onChange={setEmail}
          error={errors.email}
          width="long"
          autoComplete="off"
          spellCheck={false}
        />
        <CheckboxGroup
          id="user-roles"
          legend={t('users.roles')}
          hint={t('users.rolesHint')}
          options={ROLE_OPTIONS}
          values={roles}
          onChange={setRoles}
          error={errors.roles}
        />
        {isProviderStaff ? (
          <ProviderSelect
            value={providerId}
            onChange={setProviderId}
            error={errors.providerId}
            providers={providers}
            loadError={providersError}
          />
        ) : (
          <TeamSelect value={teamId} onChange={setTeamId} error={errors.teamId} teams={teams} loadError={teamsError} />
        )}
        <TextField
          id="user-password"
          label={t('users.password')}
          hint={t('users.passwordHint')}
          type="password"
          value={password}
          onChange={setPassword}
          error={errors.password}
          required
          autoComplete="new-password"
        />
        <div className="button-row form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('common.save')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => navigate('/verwaltung/benutzer')}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </>
  );
}
