import { Link } from 'react-router';
import { t } from '../../i18n';
import { ProviderReportsScreen } from '../reports/ProviderReportsScreen';

/** Träger-Portal: the Jobcenter's yearly reports on the provider's own offers (seed 000 §9). */
export function PortalReportsPage() {
  return (
    <ProviderReportsScreen
      side="portal"
      title={t('reports.portalTitle')}
      intro={t('reports.portalIntro')}
      actions={
        <Link to="/portal" className="button button--secondary">
          {t('reports.portalBack')}
        </Link>
      }
    />
  );
}
