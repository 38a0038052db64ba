/** Carrier model of a Jobcenter: gemeinsame Einrichtung (BA + Kommune) or zugelassener kommunaler Träger. */
export const CARRIER_MODELS = ['gE', 'zkT'] as const;
export type CarrierModel = (typeof CARRIER_MODELS)[number];

export const CARRIER_MODEL_LABELS_DE: Record<CarrierModel, string> = {
  gE: 'gemeinsame Einrichtung',
  zkT: 'zugelassener kommunaler Träger',
};
