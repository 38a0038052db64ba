/**
 * API calls of the § 51b statistics page (XSozial Modul 13): the validation report of a month, the
 * file, recording a delivery and the list of deliveries. Routes and rules: docs/statistics.md.
 */
import type { Modul13Delivery, Modul13DeliveryList, Modul13Report } from '@lotse/contracts';
import { ApiError, apiRequest } from '../../api/client';
import { t } from '../../i18n';

export type { Modul13Delivery, Modul13Report };
export type ByMeasureType = Modul13Report['byMeasureType'][number];
export type Correction = Modul13Report['corrections'][number];
export type Rejected = Modul13Report['rejected'][number];
export type Warned = Modul13Report['warnings'][number];
export type Modul8ByReason = Modul13Report['modul8']['byReason'][number];
export type Modul8Rejected = Modul13Report['modul8']['rejected'][number];
export type Modul8Correction = Modul13Report['modul8']['corrections'][number];

const enc = encodeURIComponent;

export async function getReport(month: string, signal?: AbortSignal): Promise<Modul13Report> {
  return (await apiRequest<Modul13Report>(`/statistics/modul13/${enc(month)}/report`, { signal })).data;
}

export async function listDeliveries(signal?: AbortSignal): Promise<Modul13Delivery[]> {
  return (await apiRequest<Modul13DeliveryList>('/statistics/modul13/deliveries', { signal })).data.items;
}

export async function deliver(month: string, expectedSha256: string | null, idempotencyKey: string): Promise<Modul13Delivery> {
  const body = expectedSha256 ? { expectedSha256 } : {};
  return (await apiRequest<Modul13Delivery>(`/statistics/modul13/${enc(month)}/deliveries`, { method: 'POST', body, idempotencyKey })).data;
}

export interface DownloadedFile {
  month: string;
  filename: string;
  text: string;
  /** SHA-256 of the file as hex, or null where the browser offers no hashing (not a secure context). */
  sha256: string | null;
}

/**
 * Fetches the file (not a plain link): the page needs its checksum, so that the delivery recorded
 * afterwards is provably this file.
 */
export async function fetchXml(month: string): Promise<DownloadedFile> {
  let response: Response;
  try {
    response = await fetch(`/api/statistics/modul13/${enc(month)}/xml`, { credentials: 'same-origin', cache: 'no-store' });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', title: t('error.network') });
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as { code?: string; title?: string; detail?: string } | null;
    throw new ApiError({
      status: response.status,
      code: problem?.code ?? `HTTP_${response.status}`,
      title: problem?.title ?? t('error.http', { status: response.status }),
      detail: problem?.detail,
    });
  }
  const text = await response.text();
  const filename = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? `Modul13_${month}.xml`;
  return { month, filename, text, sha256: await sha256Hex(text) };
}

async function sha256Hex(text: string): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Hands the fetched file to the browser's download. */
export function saveFile(file: DownloadedFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: 'application/xml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
