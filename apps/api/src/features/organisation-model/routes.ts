import {
  ageGroupParams,
  applyReassignmentRequest,
  organisationModelList,
  organisationModelSchema,
  reassignmentPreviewSchema,
  reassignmentResultSchema,
  updateOrganisationModelRequest,
} from '@lotse/contracts';
import { ORGANISATION_MODEL_ADMINS, ORGANISATION_MODEL_READERS } from '@lotse/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authOf } from '../../http/access';
import { requireIfMatch, setEtag } from '../../http/conditional';
import type { OrganisationModelService } from './service';

/** The organisation model of customer care (IAW type) and the bulk reassignment of open cases (docs/organisation-model.md). */
export function organisationModelRoutes(app: FastifyInstance, service: OrganisationModelService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Organisationsmodell'];
  const read = { access: ORGANISATION_MODEL_READERS };
  const admin = { access: ORGANISATION_MODEL_ADMINS };

  r.get(
    '/api/organisation-model',
    {
      config: read,
      schema: {
        tags,
        summary: 'Organisationsmodell der Kundenbetreuung für U25 und Ü25 mit abgeleitetem IAW-Typ (z. B. „Iba“) und seiner Bedeutung',
        response: { 200: organisationModelList },
      },
    },
    async (request) => service.list(authOf(request)),
  );
  r.put(
    '/api/organisation-model/:ageGroup',
    {
      config: admin,
      schema: {
        tags,
        summary:
          'Organisationsmodell einer Altersgruppe setzen (alle vier Merkmale); If-Match erforderlich. Gilt für neue Arbeit – offene Fälle behalten ihre Zuständigen bis zur Umverteilung',
        params: ageGroupParams,
        body: updateOrganisationModelRequest,
        response: { 200: organisationModelSchema },
      },
    },
    async (request, reply) => {
      const body = await service.update(authOf(request), request.params.ageGroup, requireIfMatch(request), request.body);
      setEtag(reply, body.version);
      return body;
    },
  );
  r.get(
    '/api/organisation-model/reassignment-preview',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Vorschau der Umverteilung offener Fälle nach dem aktuellen Modell: was sich je Fall ändert (bisher → künftig), mit Token',
        response: { 200: reassignmentPreviewSchema },
      },
    },
    async (request) => service.preview(authOf(request)),
  );
  r.post(
    '/api/organisation-model/reassignment',
    {
      config: admin,
      schema: {
        tags,
        summary:
          'Umverteilung anwenden – genau die Vorschau mit diesem Token, in einer Transaktion (409, wenn sich seither etwas geändert hat)',
        body: applyReassignmentRequest,
        response: { 200: reassignmentResultSchema },
      },
    },
    async (request) => service.apply(authOf(request), request.body.token),
  );
}
