/**
 * Stable error codes of the API. Each has an HTTP status and a German and English title;
 * the detail can be specific to the case. Clients switch on `code`, never on text.
 */
export const ERROR_CATALOG = {
  VALIDATION_FAILED: { status: 400, de: 'Die Eingaben sind nicht gültig.', en: 'The input is not valid.' },
  MALFORMED_JSON: { status: 400, de: 'Der Inhalt ist kein gültiges JSON.', en: 'The body is not valid JSON.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, de: 'Dieses Inhaltsformat wird nicht unterstützt.', en: 'This content type is not supported.' },
  PAYLOAD_TOO_LARGE: { status: 413, de: 'Der Inhalt ist zu groß.', en: 'The body is too large.' },
  UNAUTHENTICATED: { status: 401, de: 'Bitte melden Sie sich an.', en: 'Please log in.' },
  INVALID_CREDENTIALS: { status: 401, de: 'Benutzername oder Passwort ist falsch.', en: 'User name or password is wrong.' },
  SESSION_EXPIRED: {
    status: 401,
    de: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
    en: 'Your session has expired. Please log in again.',
  },
  CSRF_INVALID: {
    status: 403,
    de: 'Die Anfrage konnte nicht bestätigt werden (CSRF-Schutz). Bitte laden Sie die Seite neu.',
    en: 'The request could not be verified (CSRF protection). Please reload the page.',
  },
  FORBIDDEN: { status: 403, de: 'Für diese Aktion fehlt Ihnen die Berechtigung.', en: 'You are not allowed to do this.' },
  NOT_FOUND: { status: 404, de: 'Der Eintrag wurde nicht gefunden.', en: 'The record was not found.' },
  ROUTE_NOT_FOUND: { status: 404, de: 'Diese Adresse gibt es nicht.', en: 'This address does not exist.' },
  METHOD_NOT_ALLOWED: { status: 405, de: 'Diese Methode ist hier nicht erlaubt.', en: 'This method is not allowed here.' },
  CONFLICT: { status: 409, de: 'Der Eintrag steht im Widerspruch zu vorhandenen Daten.', en: 'The record conflicts with existing data.' },
  DUPLICATE_CUSTOMER_NUMBER: { status: 409, de: 'Diese Kundennummer ist bereits vergeben.', en: 'This customer number is already in use.' },
  DUPLICATE_USERNAME: { status: 409, de: 'Dieser Benutzername ist bereits vergeben.', en: 'This user name is already in use.' },
  PERSON_IN_OTHER_HOUSEHOLD: {
    status: 409,
    de: 'Die Person gehört bereits zu einer anderen Bedarfsgemeinschaft.',
    en: 'The person already belongs to another household.',
  },
  PRECONDITION_REQUIRED: {
    status: 428,
    de: 'Die Änderung braucht den Versionsstand (If-Match).',
    en: 'The change needs the version (If-Match).',
  },
  PRECONDITION_FAILED: {
    status: 412,
    de: 'Jemand anderes hat den Eintrag inzwischen geändert. Bitte laden Sie ihn neu.',
    en: 'Someone else changed the record in the meantime. Please reload it.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    de: 'Dieser Idempotency-Key wurde bereits für eine andere Anfrage verwendet.',
    en: 'This Idempotency-Key was already used for a different request.',
  },
  INVALID_IDEMPOTENCY_KEY: {
    status: 400,
    de: 'Der Idempotency-Key ist ungültig (1–100 Zeichen, Buchstaben, Ziffern, - und _).',
    en: 'The Idempotency-Key is invalid (1–100 characters: letters, digits, - and _).',
  },
  INVALID_CURSOR: { status: 400, de: 'Der Blätter-Cursor ist ungültig.', en: 'The pagination cursor is invalid.' },
  TOO_MANY_LOGIN_ATTEMPTS: {
    status: 429,
    de: 'Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie kurz.',
    en: 'Too many failed login attempts. Please wait a moment.',
  },
  ACCOUNT_DISABLED: { status: 403, de: 'Dieses Konto ist gesperrt.', en: 'This account is disabled.' },
  CANNOT_REMOVE_OWN_ADMIN: {
    status: 409,
    de: 'Sie können sich selbst die Administrationsrolle nicht entziehen.',
    en: 'You cannot remove your own administrator role.',
  },
  CANNOT_DISABLE_SELF: { status: 409, de: 'Sie können Ihr eigenes Konto nicht sperren.', en: 'You cannot disable your own account.' },
  CASE_GATE_FAILED: {
    status: 409,
    de: 'Der Fall kann diesen Schritt noch nicht gehen: Es fehlen Voraussetzungen.',
    en: 'The case cannot take this step yet: prerequisites are missing.',
  },
  CASE_ALREADY_OPEN: {
    status: 409,
    de: 'Für diese Person gibt es bereits einen offenen Fall.',
    en: 'This person already has an open case.',
  },
  NOT_RESPONSIBLE: {
    status: 403,
    de: 'Nur die zuständige Fachkraft des Falls kann diese Änderung vornehmen.',
    en: "Only the case's responsible case manager can make this change.",
  },
  SPECIAL_CATEGORY_RESTRICTED: {
    status: 403,
    de: 'Gesundheits- und Suchtangaben sind nur für die zuständige Fachkraft des Falls sichtbar.',
    en: "Health and addiction entries are visible only to the case's responsible staff.",
  },
  CASE_READ_ONLY: {
    status: 409,
    de: 'Im aktuellen Fallstatus ist diese Änderung nicht möglich.',
    en: 'This change is not possible in the current case status.',
  },
  AGREEMENT_CONSENT_DUTY: {
    status: 422,
    de: 'Eine Schweigepflichtentbindung ist freiwillig und darf keine Pflicht der Vereinbarung sein.',
    en: 'A consent to share data is voluntary and must not be a duty of the agreement.',
  },
  AGREEMENT_NO_RULE: {
    status: 422,
    de: 'Für dieses Datum ist keine Rechtsgrundlage für Vereinbarungen hinterlegt.',
    en: 'No legal rule for agreements is on record for this date.',
  },
  AGREEMENT_NOT_REACHED_NO_FALLBACK: {
    status: 422,
    de: 'Nach dem Recht dieses Datums ersetzt kein Verwaltungsakt den Kooperationsplan; bei Uneinigkeit ist das Schlichtungsverfahren vorgesehen.',
    en: 'Under the law of this date no administrative act replaces the cooperation plan; disputes go to conciliation.',
  },
  DUPLICATE_BARRIER_TYPE_CODE: {
    status: 409,
    de: 'Diesen Kurzschlüssel gibt es im Katalog bereits.',
    en: 'This code already exists in the catalogue.',
  },
  CONSENT_REQUIRED: {
    status: 409,
    de: 'Für diesen Träger liegt keine gültige Einwilligung (Schweigepflichtentbindung) der Person vor. Ohne sie fließen keine Daten.',
    en: 'There is no valid consent of the person for this provider. Without it no data flows.',
  },
  CONSENT_NOT_VALID: {
    status: 409,
    de: 'Die Einwilligung der Person ist widerrufen oder nicht mehr gültig. Es dürfen keine Daten mehr übermittelt werden.',
    en: "The person's consent is revoked or no longer valid. No more data may be exchanged.",
  },
  CONSENT_CATEGORY_NOT_COVERED: {
    status: 422,
    de: 'Die Einwilligung der Person deckt diese Angaben nicht ab.',
    en: "The person's consent does not cover this information.",
  },
  CONSENT_ALREADY_REVOKED: { status: 409, de: 'Diese Einwilligung ist bereits widerrufen.', en: 'This consent is already revoked.' },
  REFERRAL_STEP_NOT_ALLOWED: {
    status: 409,
    de: 'Dieser Schritt ist im aktuellen Stand der Zuweisung nicht möglich.',
    en: 'This step is not possible in the current state of the referral.',
  },
  OFFER_INACTIVE: { status: 409, de: 'Dieses Angebot ist nicht mehr aktiv.', en: 'This offer is no longer active.' },
  CHARGES_NOT_FOR_INSTITUTIONAL: {
    status: 409,
    de: 'Dieses Angebot wird institutionell gefördert: Es werden keine Einzelfallkosten abgerechnet. Tragen Sie das verausgabte Budget in der Jahresplanung ein.',
    en: 'This offer is institutionally funded: no per-case charges are recorded. Enter the spent budget in the year plan.',
  },
  OFFER_PRICE_MISSING: {
    status: 409,
    de: 'Preis fehlt: Für dieses Angebot ist kein Preis je Einheit hinterlegt. Bitte ergänzen Sie ihn im Angebot.',
    en: 'Price missing: this offer has no price per unit on record. Please add it to the offer.',
  },
  CHARGE_ALREADY_REVERSED: {
    status: 409,
    de: 'Diese Abrechnung ist bereits storniert. Erfassen Sie die richtige Abrechnung als neue Abrechnung.',
    en: 'This charge has already been reversed. Record the correct charge as a new one.',
  },
  CHARGE_IS_REVERSAL: {
    status: 409,
    de: 'Ein Storno kann nicht storniert werden. Erfassen Sie die Abrechnung stattdessen neu.',
    en: 'A reversal cannot be reversed. Record the charge anew instead.',
  },
  NOT_A_CHILDCARE_REFERRAL: {
    status: 409,
    de: 'Betreuungsarrangements gibt es nur bei Zuweisungen zu einem Angebot der Kinderbetreuung.',
    en: 'Childcare arrangements exist only for referrals to a childcare offer.',
  },
  PROPOSAL_ALREADY_DECIDED: {
    status: 409,
    de: 'Über diesen Vorschlag wurde bereits entschieden.',
    en: 'This proposal has already been decided.',
  },
  PROVIDER_REQUIRED: {
    status: 422,
    de: 'Mitarbeitende eines Trägers brauchen die Angabe, zu welchem Träger sie gehören.',
    en: 'Provider staff need the provider they belong to.',
  },
  POSTAL_CODE_IN_OTHER_REGION: {
    status: 409,
    de: 'Eine Postleitzahl gehört bereits zu einem anderen Sozialraum. Jede Postleitzahl kann nur einem Sozialraum angehören.',
    en: 'A postal code already belongs to another planning region. Each postal code can belong to one region only.',
  },
  UNKNOWN_TEAM: { status: 422, de: 'Dieses Team gibt es in diesem Jobcenter nicht.', en: 'This team does not exist in this Jobcenter.' },
  TEAM_INACTIVE: {
    status: 422,
    de: 'Dieses Team ist deaktiviert und kann niemandem mehr zugeordnet werden.',
    en: 'This team is deactivated and cannot be assigned to anyone any more.',
  },
  TEAM_HAS_ACTIVE_MEMBERS: {
    status: 409,
    de: 'Dem Team sind noch aktive Benutzerkonten zugeordnet; es kann erst danach deaktiviert werden.',
    en: 'Active user accounts still belong to this team; it can be deactivated only after that.',
  },
  REGION_WITHOUT_POSTAL_CODES: {
    status: 409,
    de: 'Der Sozialraum hat keine Postleitzahl mehr; er kann nur mit mindestens einer Postleitzahl reaktiviert werden.',
    en: 'The planning region has no postal code left; it can be reactivated only with at least one postal code.',
  },
  UNKNOWN_REGION: {
    status: 422,
    de: 'Diesen Sozialraum gibt es in diesem Jobcenter nicht.',
    en: 'This planning region does not exist in this Jobcenter.',
  },
  PLANNING_YEAR_OUT_OF_RANGE: {
    status: 422,
    de: 'Für dieses Jahr gibt es keine Planungszahlen (möglich: 2000 bis zum nächsten Jahr).',
    en: 'There are no planning figures for this year (possible: 2000 up to next year).',
  },
  UNMET_NEED_ALREADY_RESOLVED: {
    status: 409,
    de: 'Dieser ungedeckte Bedarf ist bereits als erledigt vermerkt.',
    en: 'This unmet need is already marked as resolved.',
  },
  REPORT_MONTH_INVALID: {
    status: 422,
    de: 'Der Berichtsmonat ist ungültig (Format JJJJ-MM, z. B. 2026-10).',
    en: 'The report month is invalid (format YYYY-MM, e.g. 2026-10).',
  },
  REPORT_MONTH_IN_FUTURE: {
    status: 422,
    de: 'Der Berichtsmonat liegt in der Zukunft.',
    en: 'The report month lies in the future.',
  },
  STATISTICS_DATA_CHANGED: {
    status: 409,
    de: 'Die Daten haben sich seit dem Herunterladen der Datei geändert. Bitte laden Sie die Datei erneut herunter und verbuchen Sie dann.',
    en: 'The data changed since the file was downloaded. Please download the file again, then record the delivery.',
  },
  REASSIGNMENT_PREVIEW_STALE: {
    status: 409,
    de: 'Seit der Vorschau haben sich Fälle, Zuständigkeiten oder das Organisationsmodell geändert. Bitte rufen Sie die Vorschau neu auf und prüfen Sie sie erneut.',
    en: 'Cases, responsibilities or the organisation model changed since the preview. Please load the preview again and check it.',
  },
  SANCTION_RULE_OVERLAP: {
    status: 409,
    de: 'Der Gültigkeitszeitraum überschneidet sich mit einer anderen Regel der Regeltabelle: Für jeden Tag darf genau eine Regel gelten.',
    en: 'The period overlaps another rule of the table: exactly one rule may apply on any day.',
  },
  DUPLICATE_SANCTION_RULE_CODE: {
    status: 409,
    de: 'Dieses Kürzel ist in der Regeltabelle bereits vergeben.',
    en: 'This code is already used in the rule table.',
  },
  SANCTION_NO_RULE: {
    status: 422,
    de: 'Für das Datum der Pflichtverletzung enthält die Regeltabelle keine Regel: Eine Leistungsminderung kann nicht geprüft werden.',
    en: 'The rule table has no rule for the date of the breach: no reduction can be assessed.',
  },
  SANCTION_FORM_NOT_ALLOWED: {
    status: 422,
    de: 'Eine Pflicht in dieser Form kann für das Datum der Pflichtverletzung nicht zu einer Leistungsminderung führen.',
    en: 'A duty set in this form cannot lead to a reduction on the date of the breach.',
  },
  SANCTION_NO_LEGAL_NOTICE: {
    status: 422,
    de: 'Die Pflicht wurde ohne Rechtsfolgenbelehrung festgelegt: Ihre Verletzung kann nicht zu einer Leistungsminderung führen.',
    en: 'The duty was set without notice of the legal consequences: its breach cannot lead to a reduction.',
  },
  SANCTION_BREACH_DATE_INVALID: {
    status: 422,
    de: 'Das Datum der Pflichtverletzung passt nicht zur Pflicht: Es darf nicht vor ihrer Festlegung und nicht in der Zukunft liegen.',
    en: 'The breach date does not fit the duty: it may be neither before the duty was set nor in the future.',
  },
  SANCTION_STEP_NOT_ALLOWED: {
    status: 409,
    de: 'Dieser Schritt ist im aktuellen Stand der Leistungsminderung nicht möglich.',
    en: 'This step is not possible in the current state of the sanction.',
  },
  SANCTION_HEARING_PENDING: {
    status: 409,
    de: 'Die Anhörungsfrist läuft noch: Vor ihrem Ablauf kann nur entschieden werden, wenn die Person geantwortet hat.',
    en: 'The hearing deadline has not passed: before it, a decision is possible only once the person answered.',
  },
  SANCTION_REDUCTION_NOT_POSSIBLE: {
    status: 422,
    de: 'Eine Leistungsminderung ist so nicht möglich.',
    en: 'A reduction is not possible like this.',
  },
  SANCTION_CARE_JUSTIFICATION_REQUIRED: {
    status: 422,
    de: 'Die Person ist in Suchtberatung oder psychosozialer Betreuung: Eine Leistungsminderung braucht eine ausdrückliche Begründung, warum sie trotzdem erfolgt.',
    en: 'The person is in addiction counselling or psychosocial care: a reduction needs an explicit justification.',
  },
  INTERNAL: { status: 500, de: 'Ein interner Fehler ist aufgetreten.', en: 'An internal error occurred.' },
  SERVICE_UNAVAILABLE: { status: 503, de: 'Der Dienst ist gerade nicht verfügbar.', en: 'The service is currently unavailable.' },
} as const satisfies Record<string, { status: number; de: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOG;
export type Language = 'de' | 'en';

export interface FieldError {
  /** Dotted path of the field, e.g. `address.postalCode`. */
  field: string;
  /** Stable machine code, e.g. `too_long`. */
  code: string;
  message: string;
}

export interface LocalizedText {
  de: string;
  en: string;
}

/** An expected failure of a use case. The API turns it into problem+json. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail?: LocalizedText;
  readonly fields?: FieldError[];
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, options: { detail?: LocalizedText; fields?: FieldError[]; headers?: Record<string, string> } = {}) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CATALOG[code].status;
    this.detail = options.detail;
    this.fields = options.fields;
    this.headers = options.headers;
  }
}

/** A 400 with one field error, the most common failure of a use case's own checks. */
export function fieldError(field: string, code: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', { fields: [{ field, code, message }] });
}

export function errorTitle(code: ErrorCode, lang: Language): string {
  return ERROR_CATALOG[code][lang];
}
