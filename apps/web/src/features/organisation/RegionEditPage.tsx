import type { PlanningRegion } from '@lotse/contracts';
import { useCallback } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { etagFromVersion } from '../../api/client';
import { PageHeader, usePageTitle } from '../../components/Page';
import type { FlashState } from '../../components/Status';
import { t } from '../../i18n';
import { useLoadedResource } from '../../lib/useLoadedResource';
import { bind, CoopFormFrame, notLoaded, useEditForm } from '../cooperation/kit';
import { ActivationCard, SHOW_INACTIVE_PARAM } from './Activation';
import * as api from './api';
import { RegionFields, regionFieldMap, regionLabels, regionUpdateBody, regionValues } from './RegionForm';

export function RegionEditPage() {
  usePageTitle(t('organisation.regionEditTitle'));
  const { id = '' } = useParams();
  const fetchRegion = useCallback(async (signal?: AbortSignal) => (await api.getRegion(id, signal)).data, [id]);
  const { loaded, loadError, load } = useLoadedResource(fetchRegion);
  if (!loaded) {
    return notLoaded({
      title: t('organisation.regionEditTitle'),
      error: loadError,
      onRetry: load,
      backTo: '/verwaltung/sozialraeume',
      backLabel: t('organisation.toRegions'),
    });
  }
  // A new version (after loading the current one) starts the page over.
  return <RegionEditForm key={`${loaded.id}:${loaded.version}`} region={loaded} reload={load} />;
}

/** What the status card says: active, deactivated, or deactivated with every postal code taken by other regions. */
function regionStatusHint(region: PlanningRegion): string {
  if (region.active) return t('organisation.regionActiveHint');
  return region.postalCodes.length === 0 ? t('organisation.regionInactiveNoCodes') : t('organisation.regionInactiveHint');
}

function RegionEditForm({ region, reload }: { region: PlanningRegion; reload: () => Promise<unknown> }) {
  const navigate = useNavigate();
  const { form, frame } = useEditForm({
    record: region,
    toValues: regionValues,
    labels: regionLabels(),
    fetchCurrent: async () => (await api.getRegion(region.id)).data,
    updateBody: regionUpdateBody,
    save: async (body, ifMatch) => {
      const res = await api.updateRegion(region.id, ifMatch, body);
      const state: FlashState = { flash: t('organisation.regionSaved', { name: res.data.name }) };
      navigate('/verwaltung/sozialraeume', { state });
    },
    conflictText: t('organisation.conflictRegion'),
  });
  return (
    <>
      <PageHeader title={t('organisation.regionEditHeading', { name: region.name })}>
        <p className="page-subtitle">
          <Link to="/verwaltung/sozialraeume">{t('organisation.toRegions')}</Link>
        </p>
      </PageHeader>
      <CoopFormFrame {...frame} fields={regionFieldMap(form.problems)} onCancel={() => navigate('/verwaltung/sozialraeume')}>
        <RegionFields form={bind(form)} problems={form.problems} />
      </CoopFormFrame>
      <ActivationCard
        idPrefix="region"
        active={region.active}
        name={region.name}
        text={region.active ? t('organisation.regionActiveText') : t('organisation.regionInactiveText')}
        hint={regionStatusHint(region)}
        toggle={async () => {
          const res = await api.updateRegion(region.id, etagFromVersion(region.version), { active: !region.active });
          const flash = res.data.active ? 'organisation.regionReactivated' : 'organisation.regionDeactivated';
          const state: FlashState = { flash: t(flash, { name: res.data.name }) };
          navigate(res.data.active ? '/verwaltung/sozialraeume' : `/verwaltung/sozialraeume?${SHOW_INACTIVE_PARAM}=1`, { state });
        }}
        onReload={reload}
      />
    </>
  );
}
