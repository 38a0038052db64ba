import { type User, updateUserRequest } from '@lotse/contracts';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { type ApiError, etagOf, toApiError } from '../../api/client';
import * as api from '../../api/endpoints';
import { ConflictBanner } from '../../components/ConflictBanner';
import { ErrorSummary, focusFirstInvalid } from '../../components/ErrorSummary';
import { CheckboxField, CheckboxGroup, TextField } from '../../components/FormField';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { type FieldErrors, serverFieldErrors, validate } from '../../lib/validation';
import { effectiveProviderId, PROVIDER_ROLE, ProviderSelect, useProviders } from './ProviderSelect';
import { ROLE_OPTIONS } from './roleOptions';
import { TeamSelect, useTeams } from './TeamSelect';
import { type FieldSpec, summaryFor } from './UserCreatePage';

const FIELDS: FieldSpec[] = [
  { field: 'displayName', id: 'user-displayName', label: 'users.displayName' },
  { field: 'email', id: 'user-email', label: 'users.email' },
  { field: 'roles', id: 'user-roles', label: 'users.roles' },
  { field: 'providerId', id: 'user-provider', label: 'cooperation.userProvider' },
  { field: 'teamId', id: 'user-team', label: 'organisation.userTeam' },
  { field: 'disabled', id: 'user-disabled', label: 'users.disable' },
];
const PASSWORD_FIELDS: FieldSpec[] = [{ field: 'password', id: 'user-new-password', label: 'users.newPassword' }];

interface Loaded {
  user: User;
  etag: string;
}

interface Values {
  displayName: string;
  email: string;
  roles: string[];
  providerId: string;
  teamId: string;
  disabled: boolean;
}

const valuesOf = (u: User): Values => ({
  displayName: u.displayName,
  email: u.email ?? '',
  roles: [...u.roles],
  providerId: u.providerId ?? '',
  teamId: u.teamId ?? '',
  disabled: u.disabled,
});

function errorsFrom(error: ApiError): FieldErrors | null {
  if (error.code === 'CANNOT_DISABLE_SELF') return { disabled: error.userMessage };
  const fieldErrors = serverFieldErrors(error);
  return Object.keys(fieldErrors).length ? fieldErrors : null;
}

export function UserEditPage() {
  usePageTitle(t('users.editTitle'));
  const { id = '' } = useParams();
  const announce = useAnnounce();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [values, setValues] = useState<Values>({ displayName: '', email: '', roles: [], providerId: '', teamId: '', disabled: false });
  const { providers, error: providersError } = useProviders();
  const { teams, error: teamsError } = useTeams();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [generalError, setGeneralError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState(false);
  const [latest, setLatest] = useState<Loaded | null>(null);
  const [busy, setBusy] = useState(false);
  const [password, setPassword] = useState('');
  const [passwordErrors, setPasswordErrors] = useState<FieldErrors>({});
  const [passwordError, setPasswordError] = useState<ApiError | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const passwordFormRef = useRef<HTMLFormElement>(null);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      setLoadError(null);
      try {
        const res = await api.getUser(id, signal);
        setLoaded({ user: res.data, etag: etagOf(res) });
        setValues(valuesOf(res.data));
        return true;
      } catch (e) {
        if (!signal?.aborted) setLoadError(toApiError(e));
        return false;
      }
    },
    [id],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  useEffect(() => {
    if (focusTick === 0) return;
    if (!focusFirstInvalid(formRef.current)) focusFirstInvalid(passwordFormRef.current);
  }, [focusTick]);

  const patch = async (body: Record<string, unknown>) => {
    if (!loaded) throw new Error('not loaded');
    const res = await api.updateUser(loaded.user.id, loaded.etag, body);
    setLoaded({ user: res.data, etag: etagOf(res) });
    return res.data;
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!loaded || busy) return;
    setGeneralError(null);
    const before = valuesOf(loaded.user);
    const body: Record<string, unknown> = {};
    if (values.displayName !== before.displayName) body.displayName = values.displayName;
    if (values.email.trim() !== before.email) body.email = values.email.trim() === '' ? null : values.email.trim();
    if (JSON.stringify(values.roles) !== JSON.stringify(before.roles)) body.roles = values.roles;
    // Only provider staff belong to a provider: without the role the provider is removed.
    const providerId = effectiveProviderId(values.roles, values.providerId);
    if (providerId !== loaded.user.providerId) body.providerId = providerId;
    // Provider staff are in no team of the Jobcenter: with that role the team is removed.
    const teamId = values.roles.includes(PROVIDER_ROLE) ? null : values.teamId || null;
    if (teamId !== loaded.user.teamId) body.teamId = teamId;
    if (values.disabled !== before.disabled) body.disabled = values.disabled;
    const checked = validate(updateUserRequest, body);
    const fieldErrors: FieldErrors = checked.ok ? {} : { ...checked.errors };
    if (values.roles.includes(PROVIDER_ROLE) && !values.providerId) fieldErrors.providerId = t('cooperation.userProviderRequired');
    if (!checked.ok || Object.keys(fieldErrors).length) {
      setErrors(fieldErrors);
      setFocusTick((n) => n + 1);
      return;
    }
    setErrors({});
    if (Object.keys(checked.data).length === 0) {
      announce(t('common.noChanges'));
      return;
    }
    setBusy(true);
    try {
      const user = await patch(checked.data);
      setValues(valuesOf(user));
      setConflict(false);
      announce(t('common.saved'));
    } catch (err) {
      const error = toApiError(err);
      if (error.status === 412) await onConflict();
      else {
        const fieldErrors = errorsFrom(error);
        if (fieldErrors) {
          setErrors(fieldErrors);
          setFocusTick((n) => n + 1);
        } else setGeneralError(error);
      }
    } finally {
      setBusy(false);
    }
  };

  const resetPassword = async (e: FormEvent) => {
    e.preventDefault();
    if (!loaded || busy) return;
    setPasswordError(null);
    const checked = validate(updateUserRequest, { password });
    if (!checked.ok) {
      setPasswordErrors(checked.errors);
      setFocusTick((n) => n + 1);
      return;
    }
    setPasswordErrors({});
    setBusy(true);
    try {
      await patch(checked.data);
      setPassword('');
      setConflict(false);
      announce(t('users.resetDone'));
    } catch (err) {
      const error = toApiError(err);
      if (error.status === 412) await onConflict();
      else {
        const fieldErrors = errorsFrom(error);
        if (fieldErrors) {
          setPasswordErrors(fieldErrors);
          setFocusTick((n) => n + 1);
        } else setPasswordError(error);
      }
    } finally {
      setBusy(false);
    }
  };

  /** Current version first (see PersonPage): "Weiter bearbeiten" needs it to carry the input over. */
  const onConflict = async () => {
    let current: Loaded | null = null;
    if (loaded) {
      try {
        const r = await api.getUser(loaded.user.id);
        current = { user: r.data, etag: etagOf(r) };
      } catch {
        current = null;
      }
    }
    setLatest(current);
    setConflict(true);
  };

  /** Keep the typed input; parts the user did not touch take the current version's values. */
  const keepEditing = () => {
    setConflict(false);
    if (latest && loaded) {
      const from = valuesOf(loaded.user);
      const to = valuesOf(latest.user);
      setValues((v) => ({
        displayName: v.displayName === from.displayName ? to.displayName : v.displayName,
        email: v.email === from.email ? to.email : v.email,
        roles: JSON.stringify(v.roles) === JSON.stringify(from.roles) ? to.roles : v.roles,
        providerId: v.providerId === from.providerId ? to.providerId : v.providerId,
        teamId: v.teamId === from.teamId ? to.teamId : v.teamId,
        disabled: v.disabled === from.disabled ? to.disabled : v.disabled,
      }));
      setLoaded(latest);
      setLatest(null);
      announce(t('conflict.rebased'));
    }
    document.getElementById('user-displayName')?.focus();
  };

  const theirChanges = (() => {
    if (!latest || !loaded) return null;
    const a = valuesOf(loaded.user);
    const b = valuesOf(latest.user);
    const fields: string[] = [];
    if (a.displayName !== b.displayName) fields.push(t('users.displayName'));
    if (a.email !== b.email) fields.push(t('users.email'));
    if (JSON.stringify(a.roles) !== JSON.stringify(b.roles)) fields.push(t('users.roles'));
    if (a.providerId !== b.providerId) fields.push(t('cooperation.userProvider'));
    if (a.teamId !== b.teamId) fields.push(t('organisation.userTeam'));
    if (a.disabled !== b.disabled) fields.push(t('users.disable'));
    return fields;
  })();

  const reloadCurrent = async () => {
    if (await load()) {
      setLatest(null);
      setConflict(false);
      setErrors({});
      announce(t('conflict.reloaded'));
      document.getElementById('user-displayName')?.focus();
    }
  };

  if (!loaded) {
    return (
      <>
        <PageHeader title={t('users.editTitle')} />
        {loadError ? <ProblemAlert error={loadError} onRetry={() => void load()} /> : <Loading />}
      </>
    );
  }

  const { user } = loaded;
  return (
    <>
      <PageHeader title={t('users.editHeading', { username: user.username })}>
        <p className="page-subtitle">
          {t('users.createdAt')} {formatDateTime(user.createdAt)} · <Link to="/verwaltung/benutzer">{t('users.toList')}</Link>
        </p>
      </PageHeader>
      {conflict ? (
        <ConflictBanner
          text={t('conflict.userText')}
          onReload={() => void reloadCurrent()}
          changedFields={theirChanges}
          onKeepEditing={keepEditing}
        />
      ) : null}
      <ProblemAlert error={generalError} />
      <ErrorSummary items={[...summaryFor(errors, FIELDS), ...summaryFor(passwordErrors, PASSWORD_FIELDS)]} />
      <form
        ref={formRef}
        onSubmit={save}
        noValidate
        className="form card"
        aria-labelledby="user-data-heading"
        aria-busy={busy || undefined}
      >
        <h2 id="user-data-heading">{t('users.dataTitle')}</h2>
        <TextField
          id="user-displayName"
          label={t('users.displayName')}
          hint={t('users.displayNameHint')}
          value={values.displayName}
          onChange={(v) => setValues((s) => ({ ...s, displayName: v }))}
          error={errors.displayName}
          required
          autoComplete="off"
        />
        <TextField
          id="user-email"
          label={t('users.email')}
          type="email"
          value={values.email}
          onChange={(v) => setValues((s) => ({ ...s, email: v }))}
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
          values={values.roles}
          onChange={(roles) => setValues((s) => ({ ...s, roles }))}
          error={errors.roles}
        />
        {values.roles.includes(PROVIDER_ROLE) ? (
          <ProviderSelect
            value={values.providerId}
            onChange={(providerId) => setValues((s) => ({ ...s, providerId }))}
            error={errors.providerId}
            providers={providers}
            loadError={providersError}
          />
        ) : (
          <TeamSelect
            value={values.teamId}
            onChange={(teamId) => setValues((s) => ({ ...s, teamId }))}
            error={errors.teamId}
            teams={teams}
            loadError={teamsError}
            currentName={user.teamName}
            savedTeamId={user.teamId}
          />
        )}
        <CheckboxField
          id="user-disabled"
          label={t('users.disable')}
          hint={t('users.disableHint')}
          checked={values.disabled}
          onChange={(disabled) => setValues((s) => ({ ...s, disabled }))}
          error={errors.disabled}
        />
        <div className="button-row form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('common.save')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setValues(valuesOf(user))}>
            {t('users.discard')}
          </button>
        </div>
      </form>

      <form ref={passwordFormRef} onSubmit={resetPassword} noValidate className="form card" aria-labelledby="user-password-heading">
        <h2 id="user-password-heading">{t('users.resetTitle')}</h2>
        <ProblemAlert error={passwordError} />
        <TextField
          id="user-new-password"
          label={t('users.newPassword')}
          hint={t('users.passwordHint')}
          type="password"
          value={password}
          onChange={setPassword}
          error={passwordErrors.password}
          required
          autoComplete="new-password"
        />
        <div className="button-row">
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t('users.resetSubmit')}
          </button>
        </div>
      </form>
    </>
  );
}
