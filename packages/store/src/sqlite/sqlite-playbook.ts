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
import type { SqlContext } from './sql-context.js';
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

export class SqlitePlaybook implements PlaybookRepository {
  constructor(private readonly sql: SqlContext) {}

  private candidateRow(id: string): Candidate | null {
    const row = this.sql.stmt(`SELECT ${CANDIDATE_COLUMNS} FROM playbook_candidates WHERE id = ?`).get(id) as
      CandidateRow | undefined;
    return row ? toCandidate(row) : null;
  }

  private riskRow(id: string): Risk | null {
    const row = this.sql.stmt(`SELECT ${RISK_COLUMNS} FROM playbook_risks WHERE id = ?`).get(id) as
      RiskRow | undefined;
    return row ? toRisk(row) : null;
  }

  listCandidates(): Promise<Candidate[]> {
    return this.sql.gate(() =>
      (
        this.sql
          .stmt(`SELECT ${CANDIDATE_COLUMNS} FROM playbook_candidates ORDER BY created_at, id`)
          .all() as CandidateRow[]
      ).map(toCandidate),
    );
  }

  getCandidate(id: string): Promise<Candidate | null> {
    return this.sql.gate(() => this.candidateRow(id));
  }

  createCandidate(c: NewCandidate, now: string): Promise<Candidate> {
    return this.sql.gate(() => {
      this.sql
        .stmt(
          `INSERT INTO playbook_candidates (${CANDIDATE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
        )
        .run(
          c.id,
          c.name,
          c.systemFrom,
          c.systemTo,
          c.frequencyPerWeek,
          c.impact,
          c.notes,
          c.rationale,
          now,
          now,
        );
      return this.candidateRow(c.id)!;
    });
  }

  updateCandidate(id: string, patch: CandidatePatch, now: string): Promise<Candidate | null> {
    return this.sql.gate(() => {
      const current = this.candidateRow(id);
      if (!current) return null;
      const n = { ...current, ...patch };
      this.sql
        .stmt(
          `UPDATE playbook_candidates SET name = ?, system_from = ?, system_to = ?, frequency_per_week = ?,
             impact = ?, notes = ?, rationale = ?, updated_at = ? WHERE id = ?`,
        )
        .run(n.name, n.systemFrom, n.systemTo, n.frequencyPerWeek, n.impact, n.notes, n.rationale, now, id);
      return this.candidateRow(id);
    });
  }

  linkCandidate(id: string, flowId: string, now: string): Promise<Candidate | null> {
    return this.sql.gate(() => {
      this.sql
        .stmt('UPDATE playbook_candidates SET flow_id = ?, updated_at = ? WHERE id = ?')
        .run(flowId, now, id);
      return this.candidateRow(id);
    });
  }

  deleteCandidate(id: string): Promise<boolean> {
    return this.sql.gate(
      () => this.sql.stmt('DELETE FROM playbook_candidates WHERE id = ?').run(id).changes > 0,
    );
  }

  listRisks(flowId: string): Promise<Risk[]> {
    return this.sql.gate(() =>
      (
        this.sql
          .stmt(`SELECT ${RISK_COLUMNS} FROM playbook_risks WHERE flow_id = ? ${BY_RISK_SCORE}`)
          .all(flowId) as RiskRow[]
      ).map(toRisk),
    );
  }

  getRisk(id: string): Promise<Risk | null> {
    return this.sql.gate(() => this.riskRow(id));
  }

  createRisk(r: NewRisk, now: string): Promise<Risk> {
    return this.sql.gate(() => {
      this.sql
        .stmt(`INSERT INTO playbook_risks (${RISK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(r.id, r.flowId, r.risk, r.likelihood, r.impact, r.mitigation, r.ownerId, r.status, now, now);
      return this.riskRow(r.id)!;
    });
  }

  updateRisk(id: string, patch: RiskPatch, now: string): Promise<Risk | null> {
    return this.sql.gate(() => {
      const current = this.riskRow(id);
      if (!current) return null;
      const n = { ...current, ...patch };
      this.sql
        .stmt(
          `UPDATE playbook_risks SET risk = ?, likelihood = ?, impact = ?, mitigation = ?, owner_id = ?,
             status = ?, updated_at = ? WHERE id = ?`,
        )
        .run(n.risk, n.likelihood, n.impact, n.mitigation, n.ownerId, n.status, now, id);
      return this.riskRow(id);
    });
  }

  deleteRisk(id: string): Promise<boolean> {
    return this.sql.gate(() => this.sql.stmt('DELETE FROM playbook_risks WHERE id = ?').run(id).changes > 0);
  }

  runbook(flowId: string, revision?: number): Promise<RunbookRevision | null> {
    return this.sql.gate(() => {
      const row = (
        revision === undefined
          ? this.sql
              .stmt('SELECT * FROM runbook_revisions WHERE flow_id = ? ORDER BY revision DESC LIMIT 1')
              .get(flowId)
          : this.sql
              .stmt('SELECT * FROM runbook_revisions WHERE flow_id = ? AND revision = ?')
              .get(flowId, revision)
      ) as RevisionRow | undefined;
      return row ? toRevision(row) : null;
    });
  }

  runbookRevisions(flowId: string): Promise<RunbookRevision[]> {
    return this.sql.gate(() =>
      (
        this.sql
          .stmt('SELECT * FROM runbook_revisions WHERE flow_id = ? ORDER BY revision DESC')
          .all(flowId) as RevisionRow[]
      ).map(toRevision),
    );
  }

  saveRunbook(flowId: string, body: string, author: string | null, now: string): Promise<RunbookRevision> {
    return this.sql.gate(() => {
      // One statement picks the next number, so two saves cannot take the same one (the
      // primary key would refuse the second rather than overwrite).
      this.sql
        .stmt(
          `INSERT INTO runbook_revisions (flow_id, revision, body, author, created_at)
           SELECT ?, COALESCE(MAX(revision), 0) + 1, ?, ?, ? FROM runbook_revisions WHERE flow_id = ?`,
        )
        .run(flowId, body, author, now, flowId);
      const row = this.sql
        .stmt('SELECT * FROM runbook_revisions WHERE flow_id = ? ORDER BY revision DESC LIMIT 1')
        .get(flowId) as RevisionRow;
      return toRevision(row);
    });
  }

  pinRunbook(flowId: string, version: number, now: string): Promise<RunbookPin> {
    return this.sql.gate(() => {
      this.sql
        .stmt(
          `INSERT INTO runbook_version_pins (flow_id, version, revision, pinned_at)
           SELECT ?, ?, MAX(revision), ? FROM runbook_revisions WHERE flow_id = ?
           ON CONFLICT (flow_id, version) DO NOTHING`,
        )
        .run(flowId, version, now, flowId);
      return this.pinRow(flowId, version)!;
    });
  }

  runbookPin(flowId: string, version: number): Promise<RunbookPin | null> {
    return this.sql.gate(() => this.pinRow(flowId, version));
  }

  private pinRow(flowId: string, version: number): RunbookPin | null {
    const row = this.sql
      .stmt('SELECT revision, pinned_at FROM runbook_version_pins WHERE flow_id = ? AND version = ?')
      .get(flowId, version) as { revision: number | null; pinned_at: string } | undefined;
    return row ? { flowId, version, revision: row.revision, pinnedAt: row.pinned_at } : null;
  }

  listRetrospectives(flowId: string): Promise<Retrospective[]> {
    return this.sql.gate(() => {
      const retros = this.sql
        .stmt('SELECT * FROM retrospectives WHERE flow_id = ? ORDER BY created_at DESC, id')
        .all(flowId) as RetroRow[];
      const items = (
        this.sql
          .stmt(`SELECT ${BACKLOG_COLUMNS} FROM backlog_items WHERE flow_id = ? ${BY_BACKLOG_SCORE}`)
          .all(flowId) as BacklogRow[]
      ).map(toBacklog);
      return retros.map((r) => this.toRetro(r, items));
    });
  }

  private toRetro(r: RetroRow, items: BacklogItem[]): Retrospective {
    return {
      id: r.id,
      flowId: r.flow_id,
      wentWell: r.went_well,
      wentBadly: r.went_badly,
      author: r.author,
      createdAt: r.created_at,
      items: items.filter((i) => i.retrospectiveId === r.id),
    };
  }

  createRetrospective(retro: NewRetrospective, now: string): Promise<Retrospective> {
    return this.sql.gate(() => {
      // The retrospective and its backlog entries land together or not at all.
      this.sql.db.transaction(() => {
        this.sql
          .stmt(
            'INSERT INTO retrospectives (id, flow_id, went_well, went_badly, author, created_at) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(retro.id, retro.flowId, retro.wentWell, retro.wentBadly, retro.author, now);
        const insert = this.sql.stmt(
          `INSERT INTO backlog_items (${BACKLOG_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
        );
        for (const item of retro.items)
          insert.run(item.id, retro.id, retro.flowId, item.title, item.frequency, item.impact, now, now);
      })();
      const row = this.sql.stmt('SELECT * FROM retrospectives WHERE id = ?').get(retro.id) as RetroRow;
      const items = (
        this.sql
          .stmt(`SELECT ${BACKLOG_COLUMNS} FROM backlog_items WHERE retrospective_id = ? ${BY_BACKLOG_SCORE}`)
          .all(retro.id) as BacklogRow[]
      ).map(toBacklog);
      return this.toRetro(row, items);
    });
  }

  listBacklog(flowId?: string): Promise<BacklogItem[]> {
    return this.sql.gate(() =>
      (
        (flowId === undefined
          ? this.sql.stmt(`SELECT ${BACKLOG_COLUMNS} FROM backlog_items ${BY_BACKLOG_SCORE}`).all()
          : this.sql
              .stmt(`SELECT ${BACKLOG_COLUMNS} FROM backlog_items WHERE flow_id = ? ${BY_BACKLOG_SCORE}`)
              .all(flowId)) as BacklogRow[]
      ).map(toBacklog),
    );
  }

  setBacklogStatus(id: string, status: BacklogStatus, now: string): Promise<BacklogItem | null> {
    return this.sql.gate(() => {
      this.sql.stmt('UPDATE backlog_items SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id);
      const row = this.sql.stmt(`SELECT ${BACKLOG_COLUMNS} FROM backlog_items WHERE id = ?`).get(id) as
        BacklogRow | undefined;
      return row ? toBacklog(row) : null;
    });
  }
}
