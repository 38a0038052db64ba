import type { Team } from '@lotse/contracts';
import { useEffect, useState } from 'react';
import { type ApiError, toApiError } from '../../api/client';
import { SelectField } from '../../components/FormField';
import { t } from '../../i18n';
import { listTeams } from '../organisation/api';

/** The tenant's active teams by name (GET /api/teams): the ones a user can be put into; `error` when they could not be loaded. */
export function useTeams(): { teams: Team[] | null; error: ApiError | null } {
  const [state, setState] = useState<{ teams: Team[] | null; error: ApiError | null }>({ teams: null, error: null });
  useEffect(() => {
    const controller = new AbortController();
    listTeams(controller.signal)
      .then((list) => setState({ teams: [...list].sort((a, b) => a.name.localeCompare(b.name, 'de')), error: null }))
      .catch((e) => {
        if (!controller.signal.aborted) setState({ teams: null, error: toApiError(e) });
      });
    return () => controller.abort();
  }, []);
  return state;
}

/**
 * Select of a staff member's team; "Kein Team" is the empty choice (sent as null). Provider staff
 * work for a provider, not in a team of the Jobcenter: the pages show it only for the others.
 */
export function TeamSelect({
  value,
  onChange,
  error,
  teams,
  loadError,
  currentName,
  savedTeamId,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  teams: Team[] | null;
  loadError: ApiError | null;
  /** The saved team's name (from the user), shown while the list is not there. */
  currentName?: string | null;
  /** The saved team's id (from the user): when it is not among the active teams, it is a deactivated one. */
  savedTeamId?: string | null;
}) {
  const options = [
    { value: '', label: teams ? t('organisation.userTeamNone') : t('organisation.userTeamLoading') },
    ...(teams ?? []).map((team) => ({ value: team.id, label: team.name })),
  ];
  // Once the active teams are there, a saved team not among them is a deactivated one: the user keeps
  // it until another is chosen (and it stays selectable until then, marked).
  const savedInactive = Boolean(teams && savedTeamId && !teams.some((team) => team.id === savedTeamId));
  if (savedInactive && savedTeamId) {
    options.push({
      value: savedTeamId,
      label: t('organisation.inactiveOption', { name: currentName ?? t('organisation.userTeamCurrent') }),
    });
  }
  // The saved team stays visible while the list loads (or could not be loaded).
  if (value && !options.some((o) => o.value === value)) options.push({ value, label: currentName ?? t('organisation.userTeamCurrent') });
  const hint = loadError
    ? t('organisation.userTeamLoadFailed', { reason: loadError.userMessage })
    : savedInactive
      ? `${t('organisation.userTeamHint')} ${t('organisation.userTeamInactiveHint')}`
      : t('organisation.userTeamHint');
  return (
    <SelectField
      id="user-team"
      label={t('organisation.userTeam')}
      hint={hint}
      value={value}
      onChange={onChange}
      error={error}
      width="long"
      options={options}
    />
  );
}
