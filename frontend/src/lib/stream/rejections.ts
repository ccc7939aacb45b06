import type { Rejection } from './protocol';

/** What a 400 problem says about the symbols asked for. */
export interface SymbolProblem {
  rejected: Rejection[];
  /** The most symbols one request may hold, when the problem says so. */
  maxSymbols: number | null;
}

interface ProblemBody {
  title?: unknown;
  detail?: unknown;
  symbols?: unknown;
  maxSymbols?: unknown;
  limit?: unknown;
}

/**
 * Reads a 400 problem (RFC 9457) about `wanted`: its `symbols` member names each bad symbol with
 * its reason, its `maxSymbols` member the limit, whose excess (the symbols listed last) is rejected
 * as "symbol limit". A server without those members is read from its text instead.
 */
export function readSymbolProblem(text: string, wanted: readonly string[]): SymbolProblem {
  let body: ProblemBody = {};
  try {
    body = (JSON.parse(text) as ProblemBody | null) ?? {};
  } catch {
    // not JSON: only the text can tell
  }
  const detail = typeof body.detail === 'string' ? body.detail : typeof body.title === 'string' ? body.title : text;
  const listed = Array.isArray(body.symbols) ? body.symbols.filter(isRejection).filter((r) => wanted.includes(r.symbol)) : [];
  const maxSymbols = limitOf(body, detail);
  if (listed.length > 0) return { rejected: listed, maxSymbols };
  if (maxSymbols !== null && wanted.length > maxSymbols)
    return { rejected: wanted.slice(maxSymbols).map((symbol) => ({ symbol, reason: `symbol limit (at most ${maxSymbols})` })), maxSymbols };
  return { rejected: rejectionsIn(detail, wanted), maxSymbols };
}

/** The wanted symbols a message names as words ("Unknown symbol BRK.B." names BRK.B), with the message as reason. */
export function rejectionsIn(message: string, wanted: readonly string[]): Rejection[] {
  const words = new Set(message.match(/[A-Z0-9][A-Z0-9.-]*/g)?.map((word) => word.replace(/[.-]+$/, '')));
  return wanted.filter((s) => words.has(s)).map((symbol) => ({ symbol, reason: message }));
}

function limitOf(body: ProblemBody, detail: string): number | null {
  for (const value of [body.maxSymbols, body.limit]) if (typeof value === 'number' && value >= 0) return value;
  const stated = /at most (\d+) symbols/i.exec(detail);
  return stated ? Number(stated[1]) : null;
}

function isRejection(value: unknown): value is Rejection {
  const r = value as Rejection | null;
  return typeof r?.symbol === 'string' && typeof r.reason === 'string';
}
