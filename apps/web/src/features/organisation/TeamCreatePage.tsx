import { PageHeader, usePageTitle } from '../../components/Page';
import { t } from '../../i18n';
import { bind, CoopFormFrame, useCreateForm } from '../cooperation/kit';
import * as api from './api';
import { EMPTY_TEAM, TeamFields, teamCreateBody, teamFieldMap } from './TeamForm';

export function TeamCreatePage() {
  usePageTitle(t('organisation.teamCreateTitle'));
  const { form, navigate, frame } = useCreateForm({
    initial: EMPTY_TEAM,
    createBody: teamCreateBody,
    create: api.createTeam,
    created: (team) => ({ to: '/verwaltung/teams', flash: t('organisation.teamCreated', { name: team.name }) }),
  });
  return (
    <>
      <PageHeader title={t('organisation.teamCreateTitle')}>
        <p className="page-subtitle">{t('organisation.teamCreateIntro')}</p>
      </PageHeader>
      <CoopFormFrame {...frame} fields={teamFieldMap()} onCancel={() => navigate('/verwaltung/teams')}>
        <TeamFields form={bind(form)} />
      </CoopFormFrame>
    </>
  );
}
