// Arranging the ward's review path in a test database: people with roles, nominations forwarded
// by a leader, and calls to the effects and lookups through the allow-list (bot_dispatch), as a
// chat turn makes them.
import type { TestDatabase } from './databases.js';

export const WARD = '20000000-0000-4000-8000-000000000001';
export const CAMPAIGN = '30000000-0000-4000-8000-000000000001';
export const PHASE_1 = '30000000-0000-4000-8001-000000000001';
export const PHASE_2 = '30000000-0000-4000-8001-000000000002';
export const GOOD_DEEDS = '10000000-0000-4000-8001-000000000004';
export const TDP1 = '20000000-0000-4000-8001-000000000001';
export const TDP2 = '20000000-0000-4000-8001-000000000002';

/** One nomination as a test refers to it. */
export interface Nominated {
  id: string;
  code: string;
}

/** A person of the ward: a member with a Zalo identity (so notices can reach them) and maybe a role. */
export type Role = { role: 'leader' | 'officer' | 'council'; unit?: string; holderName?: string };

/** Helpers over one test database. */
export function wardFixture(db: TestDatabase, prefix: string) {
  let people = 0;
  let nominations = 0;

  async function member(role?: Role, ward: string = WARD): Promise<string> {
    const [m] = await db.query<{ id: string }>('insert into members (ward_id) values ($1) returning id', [ward]);
    const external = `${prefix}-${++people}`;
    await db.query(`insert into member_identities (channel, external_id, member_id, chat_id) values ('zalo', $1, $2, $1)`, [external, m!.id]);
    if (role) {
      await db.query('insert into member_roles (member_id, ward_id, role, unit_id, holder_name) values ($1, $2, $3, $4, $5)', [
        m!.id,
        ward,
        role.role,
        role.unit ?? null,
        role.holderName ?? null,
      ]);
    }
    return m!.id;
  }

  /** A nomination of a good-deeds individual, submitted by `by` (status 'submitted'). */
  async function nominate(by: string, o: { unit?: string; campaign?: string; claimed?: number } = {}): Promise<Nominated> {
    nominations += 1;
    const code = `${prefix.toUpperCase().slice(0, 2)}-${String(nominations).padStart(4, '0')}`;
    const [row] = await db.query<{ id: string }>(
      `insert into nominations (ward_id, campaign_id, category_id, kind, unit_id, nominee_name, deeds, nominator_id, form_id, receipt_code)
       values ($1, $2, $3, 'individual', $4, $5, 'Giúp bà con sửa đường làng suốt năm 2025 và dọn mương thoát nước.', $6, gen_random_uuid(), $7)
       returning id`,
      [WARD, o.campaign ?? CAMPAIGN, GOOD_DEEDS, o.unit ?? TDP1, `Người ${prefix} ${nominations}`, by, code],
    );
    await db.query(`insert into nomination_status_history (nomination_id, status, actor_member_id) values ($1, 'submitted', $2)`, [row!.id, by]);
    const claimed = (await criteria()).slice(0, o.claimed ?? 2);
    for (const c of claimed) await db.query('insert into nomination_criteria (nomination_id, criterion_id) values ($1, $2)', [row!.id, c]);
    return { id: row!.id, code };
  }

  /** The leader forwards it to the ward with a comment. */
  async function forward(n: Nominated, leader: string, note: string | null = 'Tổ đã họp bình xét, nhất trí đề nghị.'): Promise<void> {
    const [r] = await db.query<{ id: string | null }>(`select (nomination_transition($1, array['submitted'], 'forwarded', $2, $3)).id as id`, [n.id, leader, note]);
    if (!r?.id) throw new Error(`could not forward ${n.code}`);
  }

  /** The criteria of the good-deeds category, in the order the dossier lists them. */
  async function criteria(): Promise<string[]> {
    const rows = await db.query<{ id: string }>(
      `select r.id from criteria r join categories k on k.id = $1
        where r.template_id = k.template_id and (r.category_id is null or r.category_id = k.id)
        order by (r.category_id is not null), r.seq, r.id`,
      [GOOD_DEEDS],
    );
    return rows.map((r) => r.id);
  }

  /** Marks for every criterion: the first `met` are met. */
  async function marks(met: number, note?: string): Promise<{ criterionId: string; met: boolean; note?: string }[]> {
    return (await criteria()).map((criterionId, i) => ({ criterionId, met: i < met, ...(i === 0 && note ? { note } : {}) }));
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function effect<T = any>(who: string, effect: Record<string, unknown>): Promise<T> {
    const [r] = await db.query<{ r: T }>(`select bot_dispatch('effect', $3, m, $2::jsonb, '{}'::jsonb) as r from members m where m.id = $1`, [
      who,
      JSON.stringify(effect),
      effect.type,
    ]);
    return r!.r;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function lookup<T = any>(who: string, request: Record<string, unknown>): Promise<T> {
    const [r] = await db.query<{ r: T }>(`select bot_dispatch('lookup', $3, m, $2::jsonb, '{}'::jsonb) as r from members m where m.id = $1`, [
      who,
      JSON.stringify(request),
      request.kind,
    ]);
    return r!.r;
  }

  async function status(n: Nominated): Promise<{ status: string; posting_until: string | null }> {
    const [r] = await db.query<{ status: string; posting_until: string | null }>('select status, posting_until::text from nominations where id = $1', [n.id]);
    return r!;
  }

  /** What was queued for a member, oldest first. */
  async function queued(who: string): Promise<{ notice: string; args: Record<string, unknown> }[]> {
    const rows = await db.query<{ payload: { notice: string; args: Record<string, unknown> } }>('select payload from outbox where member_id = $1 order by id', [who]);
    return rows.map((r) => r.payload);
  }

  /** Revokes every council role of the ward (each test arranges its own council). */
  async function clearCouncil(): Promise<void> {
    await db.query(`update member_roles set revoked_at = now() where role = 'council' and revoked_at is null`);
  }

  /** Sets the campaign's review settings. */
  async function settings(s: { usesCouncil?: boolean; postingDays?: number; quorum?: number; threshold?: number }): Promise<void> {
    await db.query(
      `update campaigns set uses_council = coalesce($2, uses_council), posting_days = coalesce($3, posting_days),
              council_quorum = coalesce($4, council_quorum), council_threshold = coalesce($5, council_threshold) where id = $1`,
      [CAMPAIGN, s.usesCouncil ?? null, s.postingDays ?? null, s.quorum ?? null, s.threshold ?? null],
    );
  }

  /** Shifts the bot's clock (as CLOCK_OFFSET does at start). */
  async function clock(offset: string): Promise<void> {
    await db.query('select bot_set_clock_offset($1::interval)', [offset]);
  }

  return { member, nominate, forward, criteria, marks, effect, lookup, status, queued, clearCouncil, settings, clock };
}
