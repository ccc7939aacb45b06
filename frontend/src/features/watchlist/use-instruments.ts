import { useEffect, useState } from 'react';
import { closeReason } from '../../lib/stream/close-reason';

export interface Instrument {
  symbol: string;
  name: string;
  sector: string;
  exchange: string;
  currency: string;
  price: number;
}

/** `GET /api/symbols`, again whenever `epoch` changes (a restarted server may list others, or a first try may have failed). */
export function useInstruments(baseUrl: string, epoch: string | undefined): { instruments: Instrument[]; error: string | null } {
  const [instruments, setInstruments] = useState<Instrument[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetch(new URL('/api/symbols', baseUrl), { signal: controller.signal, headers: { Accept: 'application/json' } })
      .then((response) => {
        if (!response.ok) throw new Error(`symbols answered HTTP ${response.status}`);
        return response.json() as Promise<Instrument[]>;
      })
      .then((list) => {
        setInstruments(list);
        setError(null);
      })
      .catch((e: Error) => {
        if (!controller.signal.aborted) setError(closeReason(e.message));
      });
    return () => controller.abort();
  }, [baseUrl, epoch]);
  return { instruments, error };
}
