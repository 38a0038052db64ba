import type { Provider } from '@lotse/contracts';
import { useEffect, useState } from 'react';
import { type ApiError, toApiError } from '../../api/client';
import { SelectField } from '../../components/FormField';
import { t } from '../../i18n';
import { listProviders } from '../cooperation/api';

/** Provider staff belong to a provider: only with this role is a provider chosen (and sent). */
export const PROVIDER_ROLE = 'provider_staff';

/** The tenant's providers by name (GET /api/providers); `error` when they could not be loaded. */
export function useProviders(): { providers: Provider[] | null; error: ApiError | null } {
  const [state, setState] = useState<{ providers: Provider[] | null; error: ApiError | null }>({ providers: null, error: null });
  useEffect(() => {
    const controller = new AbortController();
    listProviders(controller.signal)
      .then((list) => setState({ providers: [...list.items].sort((a, b) => a.name.localeCompare(b.name, 'de')), error: null }))
      .catch((e) => {
        if (!controller.signal.aborted) setState({ providers: null, error: toApiError(e) });
      });
    return () => controller.abort();
  }, []);
  return state;
}

/** The provider to send: only for provider staff, otherwise null (the API rejects a provider for other roles). */
export function effectiveProviderId(roles: readonly string[], providerId: string): string | null {
  return roles.includes(PROVIDER_ROLE) && providerId ? providerId : null;
}

/** Select of the provider a provider-staff account works for; shown only with that role. */
export function ProviderSelect({
  value,
  onChange,
  error,
  providers,
  loadError,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  providers: Provider[] | null;
  loadError: ApiError | null;
}) {
  const options = [
    { value: '', label: providers ? t('cooperation.userProviderChoose') : t('cooperation.userProviderLoading') },
    ...(providers ?? []).map((p) => ({ value: p.id, label: p.active ? p.name : t('cooperation.inactiveOption', { name: p.name }) })),
  ];
  // The saved provider stays visible while the list loads (or could not be loaded).
  if (value && !options.some((o) => o.value === value)) options.push({ value, label: t('cooperation.userProviderCurrent') });
  const hint = loadError ? t('cooperation.userProviderLoadFailed', { reason: loadError.userMessage }) : t('cooperation.userProviderHint');
  return (
    <SelectField
      id="user-provider"
      label={t('cooperation.userProvider')}
      hint={hint}
      value={value}
      onChange={onChange}
      error={error}
      required
      width="long"
      options={options}
    />
  );
}
