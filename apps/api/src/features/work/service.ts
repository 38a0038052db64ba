import type { WorkItem } from '@lotse/contracts';
import { type Database, withTenant } from '@lotse/db';
import {
  AGREEMENT_KIND_LABELS_DE,
  addDays,
  OVERDUE_KIND_LABELS_DE,
  type ReferralStatus,
  referralOverdue,
  todayInGermany,
} from '@lotse/domain';
import type { Kysely } from 'kysely';
import type { AppConfig } from '../../config';
import type { AuthContext } from '../../http/access';
import { AuditRepository } from '../audit/repository';
import { deadlinesOf } from '../referrals/mapping';
import { WorkRepository } from './repository';

const repo = new WorkRepository();
const audit = new AuditRepository();

/** Agreement reviews show up this many days ahead, so the appointment can still be made. */
const REVIEW_LOOKAHEAD_DAYS = 14;

const GERMAN_TIME = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' });

function formatDate(iso: string) {
  return iso.split('-').reverse().join('.');
}

/** "Meine Arbeit heute" (SPEC C11): what is due for the signed-in user, each item pointing to its case. */
export class WorkService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly config: AppConfig,
  ) {}

  today(auth: AuthContext): Promise<{ today: string; items: WorkItem[] }> {
    const today = todayInGermany(this.config.now());
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const [followUps, subGoals, reviews, contacts, referrals, proposals, conferences] = [
        await repo.openFollowUps(trx, auth.tenantId, auth.userId, today),
        await repo.dueSubGoals(trx, auth.tenantId, auth.userId, today),
        await repo.agreementReviews(trx, auth.tenantId, auth.userId, addDays(today, REVIEW_LOOKAHEAD_DAYS)),
        await repo.contactsOverdue(trx, auth.tenantId, auth.userId, today),
        await repo.openReferrals(trx, auth.tenantId, auth.userId),
        await repo.undecidedProposals(trx, auth.tenantId, auth.userId),
        await repo.conferencesOn(trx, auth.tenantId, auth.userId, today),
      ];
      // The provider's deadlines come from the offer's cooperation agreement (defaults without one).
      const overdueReferrals = referrals.flatMap((r) => {
        const overdue = referralOverdue({ ...r, status: r.status as ReferralStatus }, deadlinesOf(r), today);
        return overdue ? [{ ...r, overdue }] : [];
      });
      const person = (row: { personId: string; firstName: string; lastName: string; customerNumber: string }) => ({
        id: row.personId,
        firstName: row.firstName,
        lastName: row.lastName,
        customerNumber: row.customerNumber,
      });
      const items: WorkItem[] = [
        ...followUps.map((f) => ({
          kind: f.dueOn < today ? ('follow_up_overdue' as const) : ('follow_up_due' as const),
          caseId: f.caseId,
          person: person(f),
          dueOn: f.dueOn,
          title: f.title,
          refId: f.id,
        })),
        ...subGoals.map((s) => ({
          kind: 'subgoal_due' as const,
          caseId: s.caseId,
          person: person(s),
          dueOn: s.dueOn,
          title: s.title,
          refId: s.id,
        })),
        ...reviews.map((a) => ({
          kind: 'agreement_review_due' as const,
          caseId: a.caseId,
          person: person(a),
          dueOn: a.dueOn,
          title: `${AGREEMENT_KIND_LABELS_DE[a.kind]} (Fassung ${a.versionNo}) überprüfen`,
          refId: a.id,
        })),
        ...contacts.map((c) => ({
          kind: 'contact_overdue' as const,
          caseId: c.caseId,
          person: person(c),
          dueOn: c.dueOn,
          title: c.lastContactOn ? `Letzter Kontakt am ${formatDate(c.lastContactOn)}` : 'Noch kein Kontakt dokumentiert',
          refId: null,
        })),
        ...overdueReferrals.map((r) => ({
          kind: 'referral_overdue' as const,
          caseId: r.caseId,
          person: person(r),
          dueOn: r.overdue.dueOn,
          title: `${OVERDUE_KIND_LABELS_DE[r.overdue.kind]}: ${r.offerName}`,
          refId: r.id,
        })),
        ...proposals.map((b) => ({
          kind: 'barrier_proposal' as const,
          caseId: b.caseId,
          person: person(b),
          dueOn: b.reportedOn,
          title: `Vom Träger gemeldeter Handlungsbedarf prüfen: ${b.label}`,
          refId: b.id,
        })),
        ...conferences.map((k) => ({
          kind: 'conference_today' as const,
          caseId: k.caseId,
          person: person(k),
          dueOn: today,
          title: `Fallkonferenz um ${GERMAN_TIME.format(k.scheduledAt)} Uhr${k.location ? ` (${k.location})` : ''}`,
          refId: k.id,
        })),
      ];
      // The list names persons: a read of their case data, logged like the case list.
      await audit.appendReads(trx, auth, [...new Set(items.map((item) => item.person.id))], 'case');
      // A proposed health, addiction or psyche barrier names special-category data (the user is the responsible case manager).
      await audit.appendReads(
        trx,
        auth,
        [...new Set(proposals.filter((b) => b.specialCategory).map((b) => b.personId))],
        'special_category',
      );
      return { today, items };
    });
  }
}
