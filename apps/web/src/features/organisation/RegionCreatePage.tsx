import { PageHeader, usePageTitle } from '../../components/Page';
import { t } from '../../i18n';
import { bind, CoopFormFrame, useCreateForm } from '../cooperation/kit';
import * as api from './api';
import { EMPTY_REGION, RegionFields, regionCreateBody, regionFieldMap } from './RegionForm';

export function RegionCreatePage() {
  usePageTitle(t('organisation.regionCreateTitle'));
  const { form, navigate, frame } = useCreateForm({
    initial: EMPTY_REGION,
    createBody: regionCreateBody,
    create: api.createRegion,
    created: (region) => ({ to: '/verwaltung/sozialraeume', flash: t('organisation.regionCreated', { name: region.name }) }),
  });
  return (
    <>
      <PageHeader title={t('organisation.regionCreateTitle')}>
        <p className="page-subtitle">{t('organisation.regionCreateIntro')}</p>
      </PageHeader>
      <CoopFormFrame {...frame} fields={regionFieldMap(form.problems)} onCancel={() => navigate('/verwaltung/sozialraeume')}>
        <RegionFields form={bind(form)} problems={form.problems} />
      </CoopFormFrame>
    </>
  );
}
