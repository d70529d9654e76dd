import type { FastifyInstance } from 'fastify';
import { playbookCandidateRoutes } from '../routes/playbook-candidates.js';
import { playbookRetrospectiveRoutes } from '../routes/playbook-retrospectives.js';
import { playbookRiskRoutes } from '../routes/playbook-risks.js';
import { playbookRunbookRoutes } from '../routes/playbook-runbook.js';
import { playbookStatusRoutes } from '../routes/playbook-status.js';

/** The pilot playbook's API (scoping, risks, runbook, weekly status, retrospectives and backlog). */
export async function playbookRoutes(app: FastifyInstance): Promise<void> {
  await app.register(playbookCandidateRoutes);
  await app.register(playbookRiskRoutes);
  await app.register(playbookRunbookRoutes);
  await app.register(playbookStatusRoutes);
  await app.register(playbookRetrospectiveRoutes);
}
