// A small in-memory stand-in for the screening functions of the database, for the chat harness:
// the queue a page at a time, one nomination, a returned one, and the two effects, with the
// statuses moving as the SQL moves them (the SQL's own rules are proved in the integration tests).
import type { DataRequest, Effect, EffectResult } from '../../src/conversation/contract.js';
import type { Chat } from './chat-harness.js';

/** One nomination as the fake keeps it. */
export interface FakeNomination {
  code: string;
  nomineeName: string;
  status: string;
  unitName?: string;
  deeds?: string;
  photoRef?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  question?: string;
  /** What opening it answers instead of the nomination (not the screener's, say). */
  refusal?: { status: 'forbidden'; reason: 'no_role' | 'own' | 'head' | 'elsewhere' } | { status: 'not_found' };
}

/** The fake, wired into a chat. */
export class ScreeningFake {
  readonly decisions: Effect[] = [];
  readonly answers: Effect[] = [];
  /** Makes the next decision find the nomination moved by someone else. */
  movedBeforeDecision: string | null = null;

  constructor(readonly nominations: FakeNomination[]) {}

  /** Answers the chat's fetches and effects from this fake. */
  attach(chat: Chat): Chat {
    chat.fetchData = (request) => this.lookup(request);
    chat.database = (effect) => this.effect(effect);
    return chat;
  }

  private find(code: unknown): FakeNomination | undefined {
    return this.nominations.find((n) => n.code === code);
  }

  lookup(request: DataRequest): unknown {
    if (request.kind === 'screening_queue') {
      const waiting = this.nominations.filter((n) => n.status === 'submitted' && !n.refusal);
      const size = Number(request.pageSize ?? 5);
      const pages = Math.max(1, Math.ceil(waiting.length / size));
      const page = Math.min(Math.max(1, Number(request.page ?? 1)), pages);
      return {
        status: 'ok',
        total: waiting.length,
        page,
        pages,
        pageSize: size,
        items: waiting.slice((page - 1) * size, page * size).map((n, i) => ({
          code: n.code,
          nomineeName: n.nomineeName,
          unitName: n.unitName ?? 'Tổ dân phố 3',
          submittedAt: `2025-05-${String(10 + i).padStart(2, '0')}T03:00:00.000Z`,
          answered: false,
          endorsements: 2,
        })),
      };
    }
    if (request.kind === 'screening_nomination') {
      const n = this.find(request.code);
      if (!n) return { status: 'not_found', code: request.code };
      if (n.refusal) return { ...n.refusal, code: n.code };
      if (n.status !== 'submitted') return { status: 'moved', code: n.code, name: n.nomineeName, current: n.status, at: '2025-05-30T03:00:00.000Z', byYou: false };
      return {
        status: 'open',
        nomination: {
          code: n.code,
          nomineeName: n.nomineeName,
          kind: 'individual',
          category: { vi: 'Người lao động, người tốt việc tốt', en: 'Workers and good people, good deeds' },
          unitName: n.unitName ?? 'Tổ dân phố 3',
          deeds: n.deeds ?? 'Ông vận động bà con làm 500 m đường bê tông trong năm 2024.',
          criteria: [{ vi: 'Thành tích tiêu biểu, dẫn đầu phong trào', en: 'Outstanding, leading results' }],
          ledUnitName: null,
          photoRef: n.photoRef ?? null,
          contactName: n.contactName ?? null,
          contactPhone: n.contactPhone ?? null,
          endorsements: 2,
          submittedAt: '2025-05-10T03:00:00.000Z',
          history: [{ status: 'submitted', at: '2025-05-10T03:00:00.000Z', note: null, by: 'nominator' }],
        },
      };
    }
    if (request.kind === 'screening_returned') {
      const n = this.find(request.code);
      if (!n) return { status: 'not_found', code: request.code };
      if (n.status !== 'returned') return { status: 'moved', code: n.code, name: n.nomineeName, current: n.status, at: '2025-05-30T03:00:00.000Z', byYou: true };
      return { status: 'returned', code: n.code, name: n.nomineeName, question: n.question ?? null };
    }
    return null;
  }

  effect(effect: Effect): EffectResult | undefined {
    if (effect.type === 'screening_decide') {
      this.decisions.push(effect);
      const n = this.find(effect.code)!;
      if (this.movedBeforeDecision) {
        n.status = this.movedBeforeDecision;
        this.movedBeforeDecision = null;
      }
      if (n.status !== 'submitted') {
        return { type: 'screening_decide', status: 'moved', code: n.code, name: n.nomineeName, current: n.status, at: '2025-05-30T03:00:00.000Z', byYou: false };
      }
      n.status = ({ forward: 'forwarded', return: 'returned', decline: 'declined' } as Record<string, string>)[String(effect.action)]!;
      const remaining = this.nominations.filter((x) => x.status === 'submitted' && !x.refusal).length;
      return { type: 'screening_decide', status: 'done', code: n.code, name: n.nomineeName, action: effect.action, notified: 1, remaining };
    }
    if (effect.type === 'screening_answer') {
      this.answers.push(effect);
      const n = this.find(effect.code)!;
      n.status = 'submitted';
      return { type: 'screening_answer', status: 'done', code: n.code, name: n.nomineeName, notified: 1 };
    }
    return undefined;
  }
}

/** Nominations TL-0042, TL-0043... waiting in Tổ dân phố 3. */
export function waiting(count: number): FakeNomination[] {
  return Array.from({ length: count }, (_, i) => ({ code: `TL-${String(42 + i).padStart(4, '0')}`, nomineeName: `Người số ${i + 1}`, status: 'submitted' }));
}
