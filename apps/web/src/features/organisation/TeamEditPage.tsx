import type { Team, User } from '@lotse/contracts';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { etagFromVersion } from '../../api/client';
import * as usersApi from '../../api/endpoints';
import { PageHeader, usePageTitle } from '../../components/Page';
import type { FlashState } from '../../components/Status';
import { t } from '../../i18n';
import { useLoadedResource } from '../../lib/useLoadedResource';
import { bind, CoopFormFrame, notLoaded, useEditForm } from '../cooperation/kit';
import { ActivationCard, SHOW_INACTIVE_PARAM } from './Activation';
import * as api from './api';
import { TeamFields, teamFieldMap, teamLabels, teamUpdateBody, teamValues } from './TeamForm';

export function TeamEditPage() {
  usePageTitle(t('organisation.teamEditTitle'));
  const { id = '' } = useParams();
  const fetchTeam = useCallback(async (signal?: AbortSignal) => (await api.getTeam(id, signal)).data, [id]);
  const { loaded, loadError, load } = useLoadedResource(fetchTeam);
  if (!loaded) {
    return notLoaded({
      title: t('organisation.teamEditTitle'),
      error: loadError,
      onRetry: load,
      backTo: '/verwaltung/teams',
      backLabel: t('organisation.toTeams'),
    });
  }
  // A new version (after loading the current one) starts the page over.
  return <TeamEditForm key={`${loaded.id}:${loaded.version}`} team={loaded} reload={load} />;
}

function TeamEditForm({ team, reload }: { team: Team; reload: () => Promise<unknown> }) {
  const navigate = useNavigate();
  const { form, frame } = useEditForm({
    record: team,
    toValues: teamValues,
    labels: teamLabels(),
    fetchCurrent: async () => (await api.getTeam(team.id)).data,
    updateBody: teamUpdateBody,
    save: async (body, ifMatch) => {
      const res = await api.updateTeam(team.id, ifMatch, body);
      const state: FlashState = { flash: t('organisation.teamSaved', { name: res.data.name }) };
      navigate('/verwaltung/teams', { state });
    },
    conflictText: t('organisation.conflictTeam'),
  });
  return (
    <>
      <PageHeader title={t('organisation.teamEditHeading', { name: team.name })}>
        <p className="page-subtitle">
          <Link to="/verwaltung/teams">{t('organisation.toTeams')}</Link>
        </p>
      </PageHeader>
      <CoopFormFrame {...frame} fields={teamFieldMap()} onCancel={() => navigate('/verwaltung/teams')}>
        <TeamFields form={bind(form)} />
      </CoopFormFrame>
      <ActivationCard
        idPrefix="team"
        active={team.active}
        name={team.name}
        text={team.active ? t('organisation.teamActiveText') : t('organisation.teamInactiveText')}
        hint={team.active ? t('organisation.teamActiveHint', { count: team.memberCount }) : t('organisation.teamInactiveHint')}
        toggle={async () => {
          const res = await api.updateTeam(team.id, etagFromVersion(team.version), { active: !team.active });
          const flash = res.data.active ? 'organisation.teamReactivated' : 'organisation.teamDeactivated';
          const state: FlashState = { flash: t(flash, { name: res.data.name }) };
          // A deactivated team is listed only with the deactivated ones: the list shows them, so it can be seen.
          navigate(res.data.active ? '/verwaltung/teams' : `/verwaltung/teams?${SHOW_INACTIVE_PARAM}=1`, { state });
        }}
        onReload={reload}
      />
      <TeamMembers teamId={team.id} />
    </>
  );
}

/** Who is in the team (from the user administration, where membership is set). */
function TeamMembers({ teamId }: { teamId: string }) {
  const [members, setMembers] = useState<User[] | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    usersApi
      .listUsers(controller.signal)
      .then((list) => setMembers(list.items.filter((u) => u.teamId === teamId)))
      // The rename form works without the list; it is an aid, not the page's purpose.
      .catch(() => setMembers(null));
    return () => controller.abort();
  }, [teamId]);
  if (!members) return null;
  return (
    <section className="card" aria-labelledby="team-members-heading">
      <h2 id="team-members-heading">{t('organisation.teamMembers')}</h2>
      <p className="field-hint">{t('organisation.teamMembersHint')}</p>
      {members.length === 0 ? (
        <p>{t('organisation.teamMembersNone')}</p>
      ) : (
        <ul>
          {members.map((u) => (
            <li key={u.id}>
              <Link to={`/verwaltung/benutzer/${u.id}`}>
                {u.disabled ? t('organisation.teamMemberDisabled', { name: u.displayName }) : u.displayName}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
