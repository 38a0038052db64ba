import { hasAnyRole, PERSON_WRITERS } from '@lotse/domain';
import { Link, useNavigate } from 'react-router';
import { PageHeader, usePageTitle } from '../../components/Page';
import { t } from '../../i18n';
import { listName } from '../../lib/format';
import { useSession } from '../auth/session';
import { PersonSearch } from './PersonSearch';

export const PERSON_SEARCH_STORAGE_KEY = 'lotse.personSearch';

export function PersonSearchPage() {
  usePageTitle(t('persons.searchTitle'));
  const { roles } = useSession();
  const navigate = useNavigate();
  const canWrite = hasAnyRole(roles, PERSON_WRITERS);
  return (
    <>
      <PageHeader
        title={t('persons.searchTitle')}
        actions={
          canWrite ? (
            <button type="button" className="button button--secondary" onClick={() => navigate('/personen/neu')}>
              {t('persons.create')}
            </button>
          ) : null
        }
      />
      <PersonSearch persistKey={PERSON_SEARCH_STORAGE_KEY} renderName={(p) => <Link to={`/personen/${p.id}`}>{listName(p)}</Link>} />
    </>
  );
}
