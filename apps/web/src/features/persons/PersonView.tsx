import type { Person } from '@lotse/contracts';
import { ageOn, HOUSEHOLD_ROLE_LABELS_DE, SEX_LABELS_DE, TARGET_GROUP_LABELS_DE } from '@lotse/domain';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Badge } from '../../components/Badge';
import { t } from '../../i18n';
import { formatDate, formatDateTime, languageName, todayIso } from '../../lib/format';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="dl-item">
      <dt>{label}</dt>
      <dd>
        {children === null || children === undefined || children === '' ? <span className="muted">{t('common.none')}</span> : children}
      </dd>
    </div>
  );
}

function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** Read-only view of a person, grouped like the paper file. */
export function PersonView({ person, actions }: { person: Person; actions?: ReactNode }) {
  const age = ageOn(person.birthDate, todayIso());
  return (
    <div className="card-grid">
      <Section title={t('person.sectionMaster')} id="sec-master">
        <dl className="dl">
          <Item label={t('person.customerNumber')}>{person.customerNumber}</Item>
          <Item label={t('person.lastName')}>{person.lastName}</Item>
          <Item label={t('person.firstName')}>{person.firstName}</Item>
          <Item label={t('person.birthDate')}>
            {formatDate(person.birthDate)} <span className="muted">({t('person.ageYears', { age })})</span>
          </Item>
          <Item label={t('person.sex')}>{SEX_LABELS_DE[person.sex]}</Item>
        </dl>
      </Section>

      <Section title={t('person.sectionContact')} id="sec-contact">
        <dl className="dl">
          <Item label={t('person.phone')}>{person.phone}</Item>
          <Item label={t('person.email')}>{person.email}</Item>
        </dl>
      </Section>

      <Section title={t('person.sectionAddress')} id="sec-address">
        <dl className="dl">
          <Item label={t('person.street')}>{[person.street, person.houseNumber].filter(Boolean).join(' ')}</Item>
          <Item label={t('person.city')}>{[person.postalCode, person.city].filter(Boolean).join(' ')}</Item>
        </dl>
      </Section>

      <Section title={t('person.sectionLanguage')} id="sec-language">
        <dl className="dl">
          <Item label={t('person.preferredLanguage')}>
            {person.preferredLanguage ? `${languageName(person.preferredLanguage)} (${person.preferredLanguage})` : null}
          </Item>
          <Item label={t('person.interpreterNeeded')}>{person.interpreterNeeded ? t('common.yes') : t('common.no')}</Item>
        </dl>
      </Section>

      <Section title={t('person.sectionTargetGroups')} id="sec-groups">
        {person.targetGroups.length ? (
          <ul className="badge-list" aria-label={t('person.targetGroups')}>
            {person.targetGroups.map((g) => (
              <li key={g}>
                <Badge>{TARGET_GROUP_LABELS_DE[g]}</Badge>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('person.noTargetGroups')}</p>
        )}
      </Section>

      <Section title={t('person.sectionPersonalContact')} id="sec-contact-person">
        {person.personalContact ? <p>{person.personalContact.displayName}</p> : <p className="muted">{t('person.noPersonalContact')}</p>}
      </Section>

      <Section title={t('person.sectionHousehold')} id="sec-household">
        {person.household ? (
          <dl className="dl">
            <Item label={t('person.householdNumber')}>
              <Link
                to={`/bedarfsgemeinschaften/${person.household.id}`}
                aria-label={t('person.householdLink', { number: person.household.number })}
              >
                {person.household.number}
              </Link>
            </Item>
            <Item label={t('person.householdRole')}>{HOUSEHOLD_ROLE_LABELS_DE[person.household.role]}</Item>
          </dl>
        ) : (
          <p className="muted">{t('person.noHousehold')}</p>
        )}
        {actions}
      </Section>

      <p className="meta muted">{t('person.lastChanged', { date: formatDateTime(person.updatedAt) })}</p>
    </div>
  );
}
