import { Link } from 'react-router';
import { t } from '../../i18n';
import { ProviderReportsScreen } from './ProviderReportsScreen';

/** Trägerberichte for the Jobcenter (quality readers and planners): every offer. */
export function ProviderReportsPage() {
  return (
    <ProviderReportsScreen
      side="jobcenter"
      title={t('reports.providerTitle')}
      intro={t('reports.providerIntro')}
      actions={
        <Link to="/berichte" className="button button--secondary">
          {t('reports.backToHub')}
        </Link>
      }
    />
  );
}
