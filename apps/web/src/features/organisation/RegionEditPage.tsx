import type { PlanningRegion } from '@lotse/contracts';
import { useCallback } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader, usePageTitle } from '../../components/Page';
import type { FlashState } from '../../components/Status';
import { t } from '../../i18n';
import { useLoadedResource } from '../../lib/useLoadedResource';
import { bind, CoopFormFrame, notLoaded, useEditForm } from '../cooperation/kit';
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
  return <RegionEditForm key={loaded.id} region={loaded} />;
}

function RegionEditForm({ region }: { region: PlanningRegion }) {
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
    </>
  );
}
