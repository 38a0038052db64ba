import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { type ApiError, toApiError } from '../../api/client';
import * as api from '../../api/endpoints';
import { ErrorSummary, focusFirstInvalid } from '../../components/ErrorSummary';
import { TextField } from '../../components/FormField';
import { usePageTitle } from '../../components/Page';
import { t } from '../../i18n';
import { type LoginLocationState, takeReturnPath, useSession } from './session';

function waitText(seconds: number): string {
  if (seconds > 90) return t('login.retryAfterMinutes', { minutes: Math.ceil(seconds / 60) });
  return t('login.retryAfter', { seconds });
}

export function LoginPage() {
  usePageTitle(t('login.pageTitle'));
  const { session, signIn, endReason } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const state = (location.state ?? {}) as LoginLocationState;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ username?: string; password?: string }>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const [focusTick, setFocusTick] = useState(0);

  useEffect(() => {
    if (focusTick > 0) focusFirstInvalid(formRef.current);
  }, [focusTick]);

  if (session && !busy) return <Navigate to="/" replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errors: { username?: string; password?: string } = {};
    if (!username.trim()) errors.username = t('login.usernameRequired');
    if (!password) errors.password = t('login.passwordRequired');
    setFieldErrors(errors);
    setError(null);
    if (errors.username || errors.password) {
      setFocusTick((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const info = await api.login({ username: username.trim(), password });
      signIn(info);
      const target = takeReturnPath(state.from, info.user.id) ?? '/';
      navigate(target, { replace: true });
    } catch (err) {
      setError(toApiError(err));
      setBusy(false);
    }
  };

  const notice = state.flash ?? (error ? null : (state.reason ?? endReason));

  return (
    <div className="login-layout">
      <header className="login-header">
        <p className="brand">
          <span className="brand__name">{t('app.name')}</span>
          <span className="brand__tagline">{t('app.tagline')}</span>
        </p>
      </header>
      <main id="inhalt" className="login-main">
        <div className="login-card">
          <h1>{t('login.heading')}</h1>
          <p>{t('login.intro')}</p>
          <div role="status" className="login-notice">
            {notice ? <p className="banner banner--info">{notice}</p> : null}
          </div>
          <div role="alert" className="login-alert">
            {error ? (
              <div className="banner banner--error">
                <p className="banner__title">{error.title}</p>
                {error.detail && error.detail !== error.title ? <p>{error.detail}</p> : null}
                {error.status === 429 && error.retryAfter && !error.detail?.includes(String(error.retryAfter)) ? (
                  <p>{waitText(error.retryAfter)}</p>
                ) : null}
              </div>
            ) : null}
          </div>
          <ErrorSummary
            items={[
              ...(fieldErrors.username ? [{ fieldId: 'login-username', message: fieldErrors.username }] : []),
              ...(fieldErrors.password ? [{ fieldId: 'login-password', message: fieldErrors.password }] : []),
            ]}
          />
          <form ref={formRef} onSubmit={submit} noValidate className="form">
            <TextField
              id="login-username"
              label={t('login.username')}
              value={username}
              onChange={setUsername}
              autoComplete="username"
              spellCheck={false}
              required
              error={fieldErrors.username}
            />
            <TextField
              id="login-password"
              label={t('login.password')}
              type="password"
              value={password}
              onChange={setPassword}
              autoComplete="current-password"
              required
              error={fieldErrors.password}
            />
            <div className="button-row">
              <button type="submit" className="button button--primary" disabled={busy}>
                {t('login.submit')}
              </button>
              {busy ? <span className="muted">{t('login.submitting')}</span> : null}
            </div>
          </form>
          <p className="login-footer muted">{t('login.footer')}</p>
        </div>
      </main>
    </div>
  );
}
