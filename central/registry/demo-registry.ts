import { Buffer } from 'node:buffer';
import type { DocumentType, FingerprintMatchRequest } from '../../domain/central-api';
import { DEMO_CITIZENS, DEMO_TEMPLATE_BYTES, DEMO_TEMPLATE_FORMAT, FingerSchema, demoTemplate, findDemoCitizen } from '../../domain/devices/demo-citizens';
import type { CitizenRegistry, MatchOutcome } from './registry';

/** Scores at or above this are a match (the operator decides in production). */
export const DEMO_MATCH_THRESHOLD = 80;
/** Fewer distinct byte values than this is a smudge or an empty capture, not a finger. */
const MIN_DISTINCT_BYTES = 32;

const sameBytes = (a: Uint8Array, b: Uint8Array): number => {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) n++;
  return n;
};

/**
 * Matches against the templates the demo reader derives (`demoTemplate(documentNumber, finger)`): the best of
 * the ten fingers, scored as the share of equal bytes. A template of the wrong size or with too little
 * variety is `poor_quality`, so the branch asks for another capture instead of reporting a mismatch.
 */
export const demoRegistry = (): CitizenRegistry => ({
  knows: (documentType: DocumentType, documentNumber: string) =>
    documentType === 'CC' && findDemoCitizen(documentNumber) !== undefined,
  match: (req: FingerprintMatchRequest): MatchOutcome => {
    const bytes = new Uint8Array(Buffer.from(req.template, 'base64'));
    if (req.format !== DEMO_TEMPLATE_FORMAT || bytes.length !== DEMO_TEMPLATE_BYTES || new Set(bytes).size < MIN_DISTINCT_BYTES) {
      return { result: 'poor_quality', score: 0 };
    }
    const citizen = req.documentType === 'CC' ? findDemoCitizen(req.documentNumber) : undefined;
    if (!citizen) return { result: 'no_match', score: 0 };
    const best = Math.max(...FingerSchema.options.map((f) => sameBytes(bytes, demoTemplate(citizen.documentNumber, f))));
    // Integer percentage, floor: 511/512 equal bytes is 99, not 100.
    const score = Math.floor((best * 100) / DEMO_TEMPLATE_BYTES);
    return { result: score >= DEMO_MATCH_THRESHOLD ? 'match' : 'no_match', score };
  },
});

export { DEMO_CITIZENS };
