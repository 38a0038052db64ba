import type { ReassignmentItem } from '@lotse/contracts';
import { useEffect, useRef, useState } from 'react';
import { type ApiError, toApiError } from '../../api/client';
import { ProblemAlert } from '../../components/Page';
import { useAnnounce } from '../../components/Status';
import { type MessageKey, t } from '../../i18n';
import * as api from './api';

type Move = ReassignmentItem['owner'];

/** "bisher → künftig" of one part; null people are the case manager doing it (integrated). */
function MoveCell({ move }: { move: Move }) {
  if (!move) return <span className="muted">{t('orgModel.unchanged')}</span>;
  const from = move.from?.displayName ?? t('orgModel.ownerDoes');
  const to = move.to?.displayName ?? t('orgModel.ownerDoes');
  return (
    <>
      <span aria-hidden="true">{t('orgModel.fromTo', { from, to })}</span>
      <span className="visually-hidden">{t('orgModel.fromToSr', { from, to })}</span>
    </>
  );
}

/**
 * "Bestand umverteilen": the preview of what a bulk reassignment under the current model would move,
 * and applying exactly that preview after a confirmation. A stale preview (409) is computed again.
 */
export function ReassignmentSection({ refreshTick }: { refreshTick: number }) {
  const announce = useAnnounce();
  const [preview, setPreview] = useState<api.ReassignmentPreview | null>(null);
  const [loading, setLoading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // Each notice is new (n), so the same text twice is still focused and read.
  const [notice, setNoticeState] = useState<{ text: string; n: number } | null>(null);
  const setNotice = (text: string | null) => setNoticeState((old) => (text === null ? null : { text, n: (old?.n ?? 0) + 1 }));
  const confirmRef = useRef<HTMLDivElement>(null);
  const applyRef = useRef<HTMLButtonElement>(null);
  const resultRef = useRef<HTMLParagraphElement>(null);

  const loadPreview = async () => {
    setLoading(true);
    setError(null);
    try {
      setPreview(await api.reassignmentPreview());
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setLoading(false);
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: a save (refreshTick) asks for a fresh preview; loadPreview is recreated each render
  useEffect(() => {
    if (refreshTick > 0) {
      setNotice(null);
      setConfirming(false);
      void loadPreview();
    }
  }, [refreshTick]);

  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    // Cancelled: back to the button that opened the confirmation.
    else if (wasConfirming.current) applyRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  useEffect(() => {
    if (notice) resultRef.current?.focus();
  }, [notice]);

  const apply = async () => {
    if (!preview || busy) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.applyReassignment(preview.token);
      const text = t('orgModel.applied', { cases: result.moved });
      setConfirming(false);
      setNotice(text);
      announce(text);
      setPreview(await api.reassignmentPreview());
    } catch (err) {
      const apiError = toApiError(err);
      setConfirming(false);
      if (apiError.status === 409) {
        setNotice(t('orgModel.stale'));
        await loadPreview();
      } else setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  const counts = preview?.counts;
  return (
    <section className="card org-model__reassign" aria-labelledby="reassign-heading">
      <h2 id="reassign-heading">{t('orgModel.reassignHeading')}</h2>
      <p>{t('orgModel.reassignIntro')}</p>
      {notice ? (
        <p ref={resultRef} tabIndex={-1} className="banner banner--info">
          {notice.text}
        </p>
      ) : null}
      <ProblemAlert error={error} />
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => void loadPreview()} disabled={loading || busy}>
          {preview ? t('orgModel.previewReload') : t('orgModel.previewLoad')}
        </button>
      </div>
      <div aria-live="polite" aria-busy={loading || undefined}>
        {loading ? <p className="muted">{t('orgModel.previewLoading')}</p> : null}
        {preview && counts && !loading ? (
          counts.cases === 0 ? (
            <p>{t('orgModel.previewNothing', { open: preview.openCases })}</p>
          ) : (
            <p>
              {t('orgModel.previewSummary', {
                cases: counts.cases,
                open: preview.openCases,
                owner: counts.owner,
                placement: counts.placement,
                benefits: counts.benefits,
              })}
            </p>
          )
        ) : null}
      </div>
      {preview && counts && counts.cases > 0 && !loading ? (
        <>
          {preview.truncated ? (
            <p className="muted">{t('orgModel.previewTruncated', { shown: preview.items.length, cases: counts.cases })}</p>
          ) : null}
          <div className="table-wrap">
            <table className="data-table">
              <caption>{t('orgModel.previewCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('orgModel.colCase')}</th>
                  <th scope="col">{t('orgModel.colOwner')}</th>
                  <th scope="col">{t('orgModel.colPlacement')}</th>
                  <th scope="col">{t('orgModel.colBenefits')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.items.map((item) => (
                  <tr key={item.caseId}>
                    <th scope="row">
                      {item.reference}{' '}
                      <span className="muted">
                        ({t(`orgModel.ageGroup.${item.ageGroup}` as MessageKey)}, {item.statusLabel})
                      </span>
                    </th>
                    <td>
                      <MoveCell move={item.owner} />
                    </td>
                    <td>
                      <MoveCell move={item.placement} />
                    </td>
                    <td>
                      <MoveCell move={item.benefits} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {confirming ? (
            <div
              className="banner banner--warning"
              role="alertdialog"
              aria-labelledby="reassign-confirm-title"
              aria-describedby="reassign-confirm-text"
              tabIndex={-1}
              ref={confirmRef}
            >
              <h3 id="reassign-confirm-title" className="banner__title">
                {t('orgModel.confirmTitle')}
              </h3>
              <p id="reassign-confirm-text">{t('orgModel.confirmText', { cases: counts.cases })}</p>
              <div className="button-row">
                <button type="button" className="button button--primary" onClick={() => void apply()} disabled={busy}>
                  {busy ? t('common.saving') : t('orgModel.confirmYes', { cases: counts.cases })}
                </button>
                <button type="button" className="button button--secondary" onClick={() => setConfirming(false)} disabled={busy}>
                  {t('orgModel.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <div className="button-row">
              <button type="button" ref={applyRef} className="button button--primary" onClick={() => setConfirming(true)}>
                {t('orgModel.apply')}
              </button>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}
