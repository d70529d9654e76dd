import type {
  BacklogItem,
  BacklogStatus,
  Candidate,
  CandidatePatch,
  NewCandidate,
  NewRetrospective,
  NewRisk,
  PlaybookRepository,
  Retrospective,
  Risk,
  RiskPatch,
  RunbookPin,
  RunbookRevision,
} from '../playbook-repository.js';
import { chunks, valuesList, type PgContext } from './pg-context.js';
import {
  type CandidateRow,
  type RiskRow,
  type RevisionRow,
  type RetroRow,
  type BacklogRow,
  CANDIDATE_COLUMNS,
  RISK_COLUMNS,
  BACKLOG_COLUMNS,
  BY_RISK_SCORE,
  BY_BACKLOG_SCORE,
  toCandidate,
  toRisk,
  toRevision,
  toBacklog,
} from '../rows/playbook-rows.js';

const REVISION_COLUMNS = 'flow_id, revision, body, author, created_at';

const RETRO_COLUMNS = 'id, flow_id, went_well, went_badly, author, created_at';

const toRetro = (r: RetroRow, items: BacklogItem[]): Retrospective => ({
  id: r.id,
  flowId: r.flow_id,
  wentWell: r.went_well,
  wentBadly: r.went_badly,
  author: r.author,
  createdAt: r.created_at,
  items: items.filter((i) => i.retrospectiveId === r.id),
});

export class PgPlaybook implements PlaybookRepository {
  constructor(private readonly sql: PgContext) {}

  async listCandidates(): Promise<Candidate[]> {
    return (
      await this.sql.rows<CandidateRow>(
        `SELECT ${CANDIDATE_COLUMNS} FROM playbook_candidates ORDER BY created_at, id`,
      )
    ).map(toCandidate);
  }

  async getCandidate(id: string): Promise<Candidate | null> {
    const row = await this.sql.one<CandidateRow>(
      `SELECT ${CANDIDATE_COLUMNS} FROM playbook_candidates WHERE id = $1`,
      [id],
    );
    return row ? toCandidate(row) : null;
  }

  async createCandidate(c: NewCandidate, now: string): Promise<Candidate> {
    const row = await this.sql.one<CandidateRow>(
      `INSERT INTO playbook_candidates (${CANDIDATE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, $9, $9)
       RETURNING ${CANDIDATE_COLUMNS}`,
      [c.id, c.name, c.systemFrom, c.systemTo, c.frequencyPerWeek, c.impact, c.notes, c.rationale, now],
    );
    return toCandidate(row!);
  }

  updateCandidate(id: string, patch: CandidatePatch, now: string): Promise<Candidate | null> {
    return this.sql.atomic(async (sql) => {
      const current = await sql.one<CandidateRow>(
        `SELECT ${CANDIDATE_COLUMNS} FROM playbook_candidates WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!current) return null;
      const n = { ...toCandidate(current), ...patch };
      const row = await sql.one<CandidateRow>(
        `UPDATE playbook_candidates SET name = $1, system_from = $2, system_to = $3, frequency_per_week = $4,
           impact = $5, notes = $6, rationale = $7, updated_at = $8 WHERE id = $9 RETURNING ${CANDIDATE_COLUMNS}`,
        [n.name, n.systemFrom, n.systemTo, n.frequencyPerWeek, n.impact, n.notes, n.rationale, now, id],
      );
      return row ? toCandidate(row) : null;
    });
  }

  async linkCandidate(id: string, flowId: string, now: string): Promise<Candidate | null> {
    const row = await this.sql.one<CandidateRow>(
      `UPDATE playbook_candidates SET flow_id = $1, updated_at = $2 WHERE id = $3 RETURNING ${CANDIDATE_COLUMNS}`,
      [flowId, now, id],
    );
    return row ? toCandidate(row) : null;
  }

  async deleteCandidate(id: string): Promise<boolean> {
    return (await this.sql.run('DELETE FROM playbook_candidates WHERE id = $1', [id])) > 0;
  }

  async listRisks(flowId: string): Promise<Risk[]> {
    return (
      await this.sql.rows<RiskRow>(
        `SELECT ${RISK_COLUMNS} FROM playbook_risks WHERE flow_id = $1 ${BY_RISK_SCORE}`,
        [flowId],
      )
    ).map(toRisk);
  }

  async getRisk(id: string): Promise<Risk | null> {
    const row = await this.sql.one<RiskRow>(`SELECT ${RISK_COLUMNS} FROM playbook_risks WHERE id = $1`, [id]);
    return row ? toRisk(row) : null;
  }

  async createRisk(r: NewRisk, now: string): Promise<Risk> {
    const row = await this.sql.one<RiskRow>(
      `INSERT INTO playbook_risks (${RISK_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
       RETURNING ${RISK_COLUMNS}`,
      [r.id, r.flowId, r.risk, r.likelihood, r.impact, r.mitigation, r.ownerId, r.status, now],
    );
    return toRisk(row!);
  }

  updateRisk(id: string, patch: RiskPatch, now: string): Promise<Risk | null> {
    return this.sql.atomic(async (sql) => {
      const current = await sql.one<RiskRow>(
        `SELECT ${RISK_COLUMNS} FROM playbook_risks WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!current) return null;
      const n = { ...toRisk(current), ...patch };
      const row = await sql.one<RiskRow>(
        `UPDATE playbook_risks SET risk = $1, likelihood = $2, impact = $3, mitigation = $4, owner_id = $5,
           status = $6, updated_at = $7 WHERE id = $8 RETURNING ${RISK_COLUMNS}`,
        [n.risk, n.likelihood, n.impact, n.mitigation, n.ownerId, n.status, now, id],
      );
      return row ? toRisk(row) : null;
    });
  }

  async deleteRisk(id: string): Promise<boolean> {
    return (await this.sql.run('DELETE FROM playbook_risks WHERE id = $1', [id])) > 0;
  }

  async runbook(flowId: string, revision?: number): Promise<RunbookRevision | null> {
    const row =
      revision === undefined
        ? await this.sql.one<RevisionRow>(
            `SELECT ${REVISION_COLUMNS} FROM runbook_revisions WHERE flow_id = $1 ORDER BY revision DESC LIMIT 1`,
            [flowId],
          )
        : await this.sql.one<RevisionRow>(
            `SELECT ${REVISION_COLUMNS} FROM runbook_revisions WHERE flow_id = $1 AND revision = $2`,
            [flowId, revision],
          );
    return row ? toRevision(row) : null;
  }

  async runbookRevisions(flowId: string): Promise<RunbookRevision[]> {
    return (
      await this.sql.rows<RevisionRow>(
        `SELECT ${REVISION_COLUMNS} FROM runbook_revisions WHERE flow_id = $1 ORDER BY revision DESC`,
        [flowId],
      )
    ).map(toRevision);
  }

  saveRunbook(flowId: string, body: string, author: string | null, now: string): Promise<RunbookRevision> {
    return this.sql.atomic(async (sql) => {
      // Two saves from two processes would read the same MAX: the flow's row lock orders them.
      await sql.one('SELECT id FROM flows WHERE id = $1 FOR UPDATE', [flowId]);
      const row = await sql.one<RevisionRow>(
        `INSERT INTO runbook_revisions (flow_id, revision, body, author, created_at)
         SELECT $1, COALESCE(MAX(revision), 0) + 1, $2, $3, $4 FROM runbook_revisions WHERE flow_id = $1
         RETURNING ${REVISION_COLUMNS}`,
        [flowId, body, author, now],
      );
      return toRevision(row!);
    });
  }

  async pinRunbook(flowId: string, version: number, now: string): Promise<RunbookPin> {
    await this.sql.run(
      `INSERT INTO runbook_version_pins (flow_id, version, revision, pinned_at)
       SELECT $1, $2, MAX(revision), $3 FROM runbook_revisions WHERE flow_id = $1
       ON CONFLICT (flow_id, version) DO NOTHING`,
      [flowId, version, now],
    );
    return (await this.runbookPin(flowId, version))!;
  }

  async runbookPin(flowId: string, version: number): Promise<RunbookPin | null> {
    const row = await this.sql.one<{ revision: number | null; pinned_at: string }>(
      'SELECT revision, pinned_at FROM runbook_version_pins WHERE flow_id = $1 AND version = $2',
      [flowId, version],
    );
    return row ? { flowId, version, revision: row.revision, pinnedAt: row.pinned_at } : null;
  }

  async listRetrospectives(flowId: string): Promise<Retrospective[]> {
    const retros = await this.sql.rows<RetroRow>(
      `SELECT ${RETRO_COLUMNS} FROM retrospectives WHERE flow_id = $1 ORDER BY created_at DESC, id`,
      [flowId],
    );
    const items = (
      await this.sql.rows<BacklogRow>(
        `SELECT ${BACKLOG_COLUMNS} FROM backlog_items WHERE flow_id = $1 ${BY_BACKLOG_SCORE}`,
        [flowId],
      )
    ).map(toBacklog);
    return retros.map((r) => toRetro(r, items));
  }

  createRetrospective(retro: NewRetrospective, now: string): Promise<Retrospective> {
    // The retrospective and its backlog entries land together or not at all.
    return this.sql.atomic(async (sql) => {
      const row = await sql.one<RetroRow>(
        `INSERT INTO retrospectives (${RETRO_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${RETRO_COLUMNS}`,
        [retro.id, retro.flowId, retro.wentWell, retro.wentBadly, retro.author, now],
      );
      for (const part of chunks(retro.items)) {
        await sql.run(
          `INSERT INTO backlog_items (${BACKLOG_COLUMNS}) VALUES ${valuesList(part.length, 9)}`,
          part.flatMap((item) => [
            item.id,
            retro.id,
            retro.flowId,
            item.title,
            item.frequency,
            item.impact,
            'open',
            now,
            now,
          ]),
        );
      }
      const items = (
        await sql.rows<BacklogRow>(
          `SELECT ${BACKLOG_COLUMNS} FROM backlog_items WHERE retrospective_id = $1 ${BY_BACKLOG_SCORE}`,
          [retro.id],
        )
      ).map(toBacklog);
      return toRetro(row!, items);
    });
  }

  async listBacklog(flowId?: string): Promise<BacklogItem[]> {
    const rows =
      flowId === undefined
        ? await this.sql.rows<BacklogRow>(`SELECT ${BACKLOG_COLUMNS} FROM backlog_items ${BY_BACKLOG_SCORE}`)
        : await this.sql.rows<BacklogRow>(
            `SELECT ${BACKLOG_COLUMNS} FROM backlog_items WHERE flow_id = $1 ${BY_BACKLOG_SCORE}`,
            [flowId],
          );
    return rows.map(toBacklog);
  }

  async setBacklogStatus(id: string, status: BacklogStatus, now: string): Promise<BacklogItem | null> {
    const row = await this.sql.one<BacklogRow>(
      `UPDATE backlog_items SET status = $1, updated_at = $2 WHERE id = $3 RETURNING ${BACKLOG_COLUMNS}`,
      [status, now, id],
    );
    return row ? toBacklog(row) : null;
  }
}
