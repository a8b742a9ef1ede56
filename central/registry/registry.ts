import type { DocumentType, FingerprintMatchRequest } from '../../domain/central-api';

/**
 * The registry operator (RNEC through a certified operator, domain-co §7) as central sees it: a 1:1 match of
 * a template against a document. The real operator is an HTTP client behind this interface; the demo one
 * derives templates from the demo citizens.
 */
export interface MatchOutcome {
  result: 'match' | 'no_match' | 'poor_quality';
  /** 0..100 */
  score: number;
}

export interface CitizenRegistry {
  match(req: FingerprintMatchRequest): MatchOutcome;
  /** Whether the registry knows the document at all (for demo customer seeding and tests). */
  knows(documentType: DocumentType, documentNumber: string): boolean;
}
