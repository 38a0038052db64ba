import type { CaseOverview } from '@lotse/contracts';
import {
  LIFE_AREA_LABELS_DE,
  LIFE_AREAS,
  type LifeArea,
  RATING_OCCASION_LABELS_DE,
  RATING_OCCASIONS,
  RATING_STEPS_DE,
  type RatingOccasion,
} from '@lotse/domain';
import { lazy, Suspense } from 'react';
import * as api from '../../api/endpoints';
import { CheckboxField } from '../../components/FormField';
import { Loading } from '../../components/Page';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useIdempotencyKey } from '../../lib/idempotency';
import { type CaseFileContext, TAB_HEADING_ID, useCaseFile, useDraftState } from './caseFileContext';
import { areaChanges, ratingsChronological, scoreOf, signed, visibleAreas } from './caseFileData';
import {
  CaseFormFrame,
  Checks,
  DateField,
  type FieldProblem,
  focusWhenReady,
  orNull,
  RadioGroupField,
  TextAreaField,
  todayGerman,
  useCaseForm,
} from './caseFormKit';

const RatingCharts = lazy(() => import('./RatingCharts'));

const TABLE_HEADING = 'ratings-table-heading';

/** Verlauf: ratings of the life areas as charts and as a table, and the rating form. */
export function ProgressTab() {
  const context = useCaseFile();
  const { overview, can } = context;
  const [adding, setAdding] = useDraftState(context.drafts, 'rating', false);
  const ratings = ratingsChronological(overview.ratings);
  const areas = visibleAreas(overview.ratings);
  const changes = new Map(areaChanges(overview.ratings).map((c) => [c.area, c]));

  return (
    <>
      <div className="section-header">
        <h2 id={TAB_HEADING_ID} tabIndex={-1}>
          {t('caseFile.tab.progress')}
        </h2>
        {can.work && !adding ? (
          <button
            type="button"
            id="rating-add-toggle"
            className="button button--primary"
            onClick={() => {
              setAdding(true);
              focusWhenReady('rating-occasion');
            }}
          >
            {t('caseFile.ratingAdd')}
          </button>
        ) : null}
      </div>
      <p className="muted">{t('caseFile.progressIntro')}</p>

      {adding && can.work ? (
        <RatingForm
          context={context}
          onClose={(saved) => {
            setAdding(false);
            focusWhenReady(saved ? TABLE_HEADING : 'rating-add-toggle');
          }}
        />
      ) : null}

      {ratings.length === 0 ? (
        <p className="empty-state">{t('caseFile.noRatings')}</p>
      ) : (
        <>
          <section className="case-section" aria-labelledby="progress-chart-heading">
            <h3 id="progress-chart-heading">{t('caseFile.chartTitle')}</h3>
            <Suspense fallback={<Loading text={t('caseFile.chartLoading')} />}>
              <RatingCharts ratings={ratings} areas={areas} />
            </Suspense>
          </section>

          <section className="case-section" aria-labelledby={TABLE_HEADING}>
            <h3 id={TABLE_HEADING} tabIndex={-1}>
              {t('caseFile.ratingsTableTitle')}
            </h3>
            <div className="table-wrap">
              <table className="data-table ratings-table">
                <caption className="visually-hidden">{t('caseFile.ratingsTableCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('caseFile.lifeArea')}</th>
                    {ratings.map((r) => (
                      <th scope="col" key={r.id} className="num">
                        {formatDate(r.ratedOn)}
                        <br />
                        <span className="ratings-table__occasion">{RATING_OCCASION_LABELS_DE[r.occasion]}</span>
                      </th>
                    ))}
                    {ratings.length > 1 ? (
                      <th scope="col" className="num">
                        {t('caseFile.changeColumn')}
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {areas.map((area) => {
                    const delta = changes.get(area)?.delta ?? null;
                    return (
                      <tr key={area}>
                        <th scope="row">{LIFE_AREA_LABELS_DE[area]}</th>
                        {ratings.map((r) => (
                          <td key={r.id} className="num">
                            {scoreOf(r, area) ?? t('common.none')}
                          </td>
                        ))}
                        {ratings.length > 1 ? <td className="num">{delta === null ? t('common.none') : signed(delta)}</td> : null}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>

          <RatingDetails overview={overview} />
        </>
      )}
    </>
  );
}

function RatingDetails({ overview }: { overview: CaseOverview }) {
  const ratings = ratingsChronological(overview.ratings).reverse();
  return (
    <section className="case-section" aria-labelledby="rating-details-heading">
      <h3 id="rating-details-heading">{t('caseFile.ratingDetailsTitle')}</h3>
      <ul className="plain-list rating-details">
        {ratings.map((r) => {
          const comments = r.scores.filter((s) => s.comment);
          return (
            <li key={r.id} className="card rating-detail">
              <h4>
                {RATING_OCCASION_LABELS_DE[r.occasion]} {t('caseFile.ofDate', { date: formatDate(r.ratedOn) })}
              </h4>
              <p className="muted">
                {t('caseFile.ratedBy', { name: r.ratedBy.displayName })} ·{' '}
                {r.withPerson ? t('caseFile.withPersonYes') : t('caseFile.withPersonNo')}
              </p>
              {comments.length > 0 ? (
                <dl className="dl dl--inline">
                  {comments.map((s) => (
                    <div className="dl-item" key={s.area}>
                      <dt>
                        {LIFE_AREA_LABELS_DE[s.area]} ({s.score})
                      </dt>
                      <dd className="pre-line">{s.comment}</dd>
                    </div>
                  ))}
                </dl>
              ) : (
                <p className="muted">{t('caseFile.noComments')}</p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

interface RatingValues {
  occasion: RatingOccasion;
  ratedOn: string;
  withPerson: boolean;
  scores: Record<LifeArea, string>;
  comments: Record<LifeArea, string>;
}

const emptyByArea = () => Object.fromEntries(LIFE_AREAS.map((a) => [a, ''])) as Record<LifeArea, string>;

function defaultOccasion(overview: CaseOverview): RatingOccasion {
  if (!overview.ratings.some((r) => r.occasion === 'baseline')) return 'baseline';
  if (overview.status === 'closing') return 'closing';
  return 'review';
}

function RatingForm({ context, onClose }: { context: CaseFileContext; onClose: (saved: boolean) => void }) {
  const { overview, refresh } = context;
  const announce = useAnnounce();
  const idempotencyKey = useIdempotencyKey();
  const form = useCaseForm<RatingValues>(
    () => ({
      occasion: defaultOccasion(overview),
      ratedOn: todayGerman(),
      withPerson: false,
      scores: emptyByArea(),
      comments: emptyByArea(),
    }),
    { draft: { store: context.drafts, key: 'rating' } },
  );
  const { values, err } = form;
  const headingId = 'rating-form-heading';

  const fields: Record<string, { id: string; label: string }> = {
    occasion: { id: 'rating-occasion', label: t('caseFile.occasion') },
    ratedOn: { id: 'rating-date', label: t('caseFile.ratedOn') },
    withPerson: { id: 'rating-with-person', label: t('caseFile.withPerson') },
    scores: { id: `rating-${LIFE_AREAS[0]}`, label: t('caseFile.lifeAreas') },
  };
  LIFE_AREAS.forEach((area, index) => {
    fields[`scores.${index}.score`] = { id: `rating-${area}`, label: LIFE_AREA_LABELS_DE[area] };
    fields[`scores.${index}.comment`] = {
      id: `rating-${area}-comment`,
      label: t('caseFile.commentFor', { area: LIFE_AREA_LABELS_DE[area] }),
    };
  });

  const setScore = (area: LifeArea, value: string) => form.setValues((v) => ({ ...v, scores: { ...v.scores, [area]: value } }));
  const setComment = (area: LifeArea, value: string) => form.setValues((v) => ({ ...v, comments: { ...v.comments, [area]: value } }));

  let ratedOn = '';
  const check = (): FieldProblem[] => {
    const c = new Checks();
    ratedOn = c.date('ratedOn', values.ratedOn, true) ?? '';
    LIFE_AREAS.forEach((area, index) => {
      if (!values.scores[area]) c.add(`scores.${index}.score`, t('caseFile.chooseStep'));
      c.maxLength(`scores.${index}.comment`, values.comments[area], 1000);
    });
    return c.problems;
  };

  const save = () =>
    void form.submit(check, async () => {
      const body: api.CreateRatingBody = {
        occasion: values.occasion,
        ratedOn,
        withPerson: values.withPerson,
        scores: LIFE_AREAS.map((area) => ({ area, score: Number(values.scores[area]), comment: orNull(values.comments[area]) })),
      };
      await api.createRating(overview.id, body, idempotencyKey(body));
      await refresh();
      announce(t('caseFile.ratingSaved', { occasion: RATING_OCCASION_LABELS_DE[values.occasion] }));
      onClose(true);
    });

  return (
    <div className="card rating-form">
      <h3 id={headingId}>{t('caseFile.ratingAdd')}</h3>
      <CaseFormFrame
        form={form}
        fields={fields}
        onSubmit={save}
        submitLabel={t('caseFile.ratingSubmit')}
        onCancel={() => onClose(false)}
        labelledBy={headingId}
      >
        <p className="muted">{t('form.requiredNote')}</p>
        <div className="field-row">
          <div className="field">
            <div className="field-label-row">
              <label className="field-label" htmlFor="rating-occasion">
                {t('caseFile.occasion')}
              </label>
            </div>
            <select
              id="rating-occasion"
              className="input input--medium"
              value={values.occasion}
              onChange={(e) => form.set('occasion')(e.target.value as RatingOccasion)}
            >
              {RATING_OCCASIONS.map((o) => (
                <option key={o} value={o}>
                  {RATING_OCCASION_LABELS_DE[o]}
                </option>
              ))}
            </select>
          </div>
          <DateField
            id="rating-date"
            label={t('caseFile.ratedOn')}
            required
            value={values.ratedOn}
            onChange={form.set('ratedOn')}
            error={err('ratedOn')}
          />
        </div>
        <CheckboxField
          id="rating-with-person"
          label={t('caseFile.withPerson')}
          hint={t('caseFile.withPersonHint')}
          checked={values.withPerson}
          onChange={form.set('withPerson')}
          error={err('withPerson')}
        />
        <p className="field-hint">{t('caseFile.scaleHint')}</p>
        {LIFE_AREAS.map((area, index) => {
          const chosen = values.scores[area];
          const steps = RATING_STEPS_DE[area];
          return (
            <div key={area} className="rating-area">
              <RadioGroupField
                id={`rating-${area}`}
                legend={LIFE_AREA_LABELS_DE[area]}
                required
                inline
                className="rating-scale"
                value={chosen}
                onChange={(v) => setScore(area, v)}
                error={err(`scores.${index}.score`)}
                options={steps.map((description, step) => ({ value: String(step + 1), label: String(step + 1), description }))}
              >
                <p className="rating-area__chosen">
                  {chosen ? (
                    <>
                      <strong>{t('caseFile.stepN', { n: chosen })}:</strong> {steps[Number(chosen) - 1]}
                    </>
                  ) : (
                    <span className="muted">{t('caseFile.noStepChosen')}</span>
                  )}
                </p>
              </RadioGroupField>
              <TextAreaField
                id={`rating-${area}-comment`}
                label={`${t('caseFile.commentFor', { area: LIFE_AREA_LABELS_DE[area] })} ${t('common.optional')}`}
                rows={1}
                maxLength={1000}
                value={values.comments[area]}
                onChange={(v) => setComment(area, v)}
                error={err(`scores.${index}.comment`)}
              />
            </div>
          );
        })}
      </CaseFormFrame>
    </div>
  );
}
