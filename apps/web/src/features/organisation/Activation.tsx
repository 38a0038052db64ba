import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { type ApiError, toApiError } from '../../api/client';
import { Badge } from '../../components/Badge';
import { CheckboxField } from '../../components/FormField';
import { ProblemAlert } from '../../components/Page';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';

/** The list's address parameter that shows the deactivated entries too (kept when coming back from an entry). */
export const SHOW_INACTIVE_PARAM = 'deaktivierte';

/** Whether the list shows deactivated entries (after the active ones), kept in the address. */
export function useShowInactive(): [boolean, (show: boolean) => void] {
  const [params, setParams] = useSearchParams();
  const show = params.get(SHOW_INACTIVE_PARAM) === '1';
  const setShow = (next: boolean) =>
    setParams(
      (p) => {
        const copy = new URLSearchParams(p);
        if (next) copy.set(SHOW_INACTIVE_PARAM, '1');
        else copy.delete(SHOW_INACTIVE_PARAM);
        return copy;
      },
      { replace: true },
    );
  return [show, setShow];
}

/** „Auch deaktivierte anzeigen (n)“ above a list of regions or teams. */
export function ShowInactiveField({
  id,
  show,
  onChange,
  count,
}: {
  id: string;
  show: boolean;
  onChange: (show: boolean) => void;
  count: number;
}) {
  return (
    <div className="filter-form">
      <CheckboxField id={id} label={t('organisation.showInactive', { count })} checked={show} onChange={onChange} />
    </div>
  );
}

/** The name of a region or team in a list, marked when it is deactivated. */
export function InactiveBadge({ active }: { active: boolean }) {
  return active ? null : (
    <>
      {' '}
      <Badge tone="neutral">{t('organisation.inactive')}</Badge>
    </>
  );
}

/**
 * The „Status“ card of a region's or team's page: whether it is active, what that means, and the action
 * that deactivates or reactivates it (`toggle` sends the change and goes on; it throws the API's problem).
 * A 412 offers to load the current version; any other problem (e.g. the team's active members) is shown.
 */
export function ActivationCard(props: {
  idPrefix: string;
  active: boolean;
  /** Name of the entry, for the button's accessible name. */
  name: string;
  text: string;
  hint: string;
  toggle: () => Promise<void>;
  onReload: () => Promise<unknown>;
}) {
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState(false);
  const headingId = `${props.idPrefix}-status-heading`;

  const run = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setConflict(false);
    try {
      await props.toggle();
    } catch (e) {
      const problem = toApiError(e);
      if (problem.status === 412) setConflict(true);
      else setError(problem);
      setBusy(false);
    }
  };
  const reload = async () => {
    await props.onReload();
    announce(t('organisation.statusReloaded'));
    // The page is rebuilt from the current version: the focus goes back to this card.
    requestAnimationFrame(() => document.getElementById(headingId)?.focus());
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {t('organisation.statusHeading')}
      </h2>
      <p>
        <Badge tone={props.active ? 'success' : 'neutral'}>{props.active ? t('organisation.active') : t('organisation.inactive')}</Badge>{' '}
        {props.text}
      </p>
      <p className="field-hint">{props.hint}</p>
      {conflict ? (
        <div className="banner banner--warning" role="alert">
          <p className="banner__title">{t('conflict.title')}</p>
          <p>{t('organisation.statusConflict')}</p>
          <button type="button" className="button button--secondary" onClick={() => void reload()}>
            {t('organisation.statusReload')}
          </button>
        </div>
      ) : null}
      <ProblemAlert error={error} />
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void run()}
          // Not disabled while busy (the focus would fall to the page): run ignores a second click.
          aria-busy={busy || undefined}
        >
          {props.active ? t('organisation.deactivate') : t('organisation.reactivate')}
          <span className="visually-hidden"> „{props.name}“</span>
        </button>
      </div>
    </section>
  );
}
