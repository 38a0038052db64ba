import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { LotseDatabase } from '@lotse/db';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { type AppConfig, DEFAULT_CONFIG } from './config';
import { auditRoutes } from './features/audit/routes';
import { AuditService } from './features/audit/service';
import { authRoutes, registerAuthentication } from './features/auth/routes';
import { AuthService } from './features/auth/service';
import { caseloadRoutes } from './features/caseloads/routes';
import { CaseloadService } from './features/caseloads/service';
import { caseRoutes } from './features/cases/routes';
import { CaseService } from './features/cases/service';
import { catalogueRoutes } from './features/catalogue/routes';
import { CatalogueService } from './features/catalogue/service';
import { conferenceRoutes } from './features/conferences/routes';
import { ConferenceService } from './features/conferences/service';
import { costRoutes } from './features/costs/routes';
import { CostService } from './features/costs/service';
import { healthRoutes } from './features/health/routes';
import { householdRoutes } from './features/households/routes';
import { HouseholdService } from './features/households/service';
import { organisationRoutes } from './features/organisation/routes';
import { OrganisationService } from './features/organisation/service';
import { organisationModelRoutes } from './features/organisation-model/routes';
import { OrganisationModelService } from './features/organisation-model/service';
import { personRoutes } from './features/persons/routes';
import { PersonService } from './features/persons/service';
import { planningRoutes } from './features/planning/routes';
import { PlanningService } from './features/planning/service';
import { portalRoutes } from './features/portal/routes';
import { PortalService } from './features/portal/service';
import { providerRoutes } from './features/providers/routes';
import { ProviderService } from './features/providers/service';
import { qualityRoutes } from './features/quality/routes';
import { QualityService } from './features/quality/service';
import { referralRoutes } from './features/referrals/routes';
import { ReferralService } from './features/referrals/service';
import { reportRoutes } from './features/reports/routes';
import { ReportService } from './features/reports/service';
import { sanctionRoutes } from './features/sanctions/routes';
import { SanctionService } from './features/sanctions/service';
import { statisticsRoutes } from './features/statistics/routes';
import { StatisticsService } from './features/statistics/service';
import { unmetNeedRoutes } from './features/unmet-needs/routes';
import { UnmetNeedService } from './features/unmet-needs/service';
import { userRoutes } from './features/users/routes';
import { UserService } from './features/users/service';
import { workRoutes } from './features/work/routes';
import { WorkService } from './features/work/service';
import type { Access } from './http/access';
import { errorHandler, notFoundHandler } from './http/problem';
import { registerSecurityHeaders } from './http/security-headers';

export interface RouteEntry {
  method: string;
  url: string;
  access: Access | undefined;
  hasBody: boolean;
  hasParams: boolean;
  hasQuery: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its declared access, for the generated role tests and the docs. */
    routeTable: RouteEntry[];
  }
}

export interface BuildAppOptions {
  database: LotseDatabase;
  config?: Partial<AppConfig>;
  /** Trust X-Forwarded-For from a reverse proxy (needed for per-address login throttling behind one). */
  trustProxy?: boolean;
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const config: AppConfig = { ...DEFAULT_CONFIG, ...options.config };
  const { db } = options.database;
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: 256 * 1024,
    trustProxy: options.trustProxy ?? false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // JSON only: a text/plain body (which a cross-site form can send without preflight) is refused with 415.
  app.removeContentTypeParser('text/plain');

  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routeTable.push({
        method,
        url: route.url,
        access: route.config?.access,
        hasBody: Boolean(route.schema?.body),
        hasParams: Boolean(route.schema?.params),
        hasQuery: Boolean(route.schema?.querystring),
      });
    }
  });

  await app.register(fastifyCookie);
  registerSecurityHeaders(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Lotse API',
        version: '0.1.0',
        description:
          'Fallmanagement und kommunale Eingliederungsleistungen (§ 16a SGB II). Fehler als RFC 9457 problem+json mit stabilem `code`; ' +
          'Änderungen mit If-Match (ETag), anlegende POSTs mit Idempotency-Key, schreibende Anfragen mit X-CSRF-Token.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: '__Host-lotse_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  const auth = new AuthService(db, config);
  registerAuthentication(app, auth);
  healthRoutes(app, db, options.database.kind);
  authRoutes(app, auth, config.sessionAbsoluteHours);
  personRoutes(app, new PersonService(db));
  householdRoutes(app, new HouseholdService(db));
  userRoutes(app, new UserService(db, config));
  auditRoutes(app, new AuditService(db));
  caseRoutes(app, new CaseService(db));
  catalogueRoutes(app, new CatalogueService(db));
  workRoutes(app, new WorkService(db, config));
  providerRoutes(app, new ProviderService(db, config));
  referralRoutes(app, new ReferralService(db, config));
  portalRoutes(app, new PortalService(db, config));
  conferenceRoutes(app, new ConferenceService(db, config));
  const planning = new PlanningService(db, config, (error) => app.log.warn({ err: error }, 'Sperrmuster nicht gespeichert'));
  app.addHook('onClose', () => planning.close());
  if (config.planningWarmOnStart) {
    app.addHook('onReady', async () => {
      planning.warm().catch((error: unknown) => app.log.warn({ err: error }, 'Planungszahlen nicht vorberechnet'));
    });
  }
  planningRoutes(app, planning);
  organisationRoutes(app, new OrganisationService(db, config));
  organisationModelRoutes(app, new OrganisationModelService(db));
  unmetNeedRoutes(app, new UnmetNeedService(db, config));
  costRoutes(app, new CostService(db, config));
  statisticsRoutes(app, new StatisticsService(db, config));
  qualityRoutes(app, new QualityService(db, config));
  reportRoutes(app, new ReportService(db, config));
  sanctionRoutes(app, new SanctionService(db, config));
  caseloadRoutes(app, new CaseloadService(db, config));

  const webRoot = config.webRoot && existsSync(config.webRoot) ? config.webRoot : undefined;
  if (webRoot) await app.register(fastifyStatic, { root: webRoot, wildcard: true, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: any other GET page gets its index.html.
    if (webRoot && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.type('text/html').sendFile('index.html');
    return notFoundHandler(request, reply);
  });

  return app;
}
