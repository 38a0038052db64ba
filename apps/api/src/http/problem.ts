import { AppError, ERROR_CATALOG, type ErrorCode, type FieldError, type Language } from '@lotse/domain';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { toFieldErrors } from './validation-messages';

export function requestLanguage(request: FastifyRequest): Language {
  const header = request.headers['accept-language'];
  if (!header) return 'de';
  // Highest-weighted language we support; German unless English is preferred.
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => x.tag.startsWith('de') || x.tag.startsWith('en'))
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.tag.startsWith('en') ? 'en' : 'de';
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const lang = requestLanguage(request);
  const entry = ERROR_CATALOG[error.code];
  const body: Record<string, unknown> = {
    type: `https://lotse.invalid/problems/${error.code.toLowerCase().replaceAll('_', '-')}`,
    title: entry[lang],
    status: error.status,
    code: error.code,
  };
  if (error.detail) body.detail = error.detail[lang];
  if (error.fields?.length) body.errors = error.fields;
  if (error.headers) reply.headers(error.headers);
  return reply.code(error.status).type('application/problem+json; charset=utf-8').send(body);
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
};

/** Every failure leaves as problem+json: no stack traces, no SQL. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) return sendProblem(request, reply, error);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const lang = requestLanguage(request);
    const part = error.validationContext;
    const fields: FieldError[] = toFieldErrors(error.validation, lang, part === 'body' ? undefined : part);
    return sendProblem(request, reply, new AppError('VALIDATION_FAILED', { fields }));
  }
  if (error instanceof SyntaxError && (error as { statusCode?: number }).statusCode === 400) {
    return sendProblem(request, reply, new AppError('MALFORMED_JSON'));
  }
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (mapped) return sendProblem(request, reply, new AppError(mapped));
  if (error.statusCode === 413) return sendProblem(request, reply, new AppError('PAYLOAD_TOO_LARGE'));
  if (error.statusCode === 415) return sendProblem(request, reply, new AppError('UNSUPPORTED_MEDIA_TYPE'));
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    request.log.info({ err: error }, 'client error');
    return sendProblem(
      request,
      reply,
      new AppError('VALIDATION_FAILED', { detail: { de: 'Die Anfrage ist fehlerhaft.', en: 'The request is malformed.' } }),
    );
  }
  request.log.error({ err: error }, 'unexpected error');
  return sendProblem(request, reply, new AppError('INTERNAL'));
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return sendProblem(request, reply, new AppError('ROUTE_NOT_FOUND'));
}
