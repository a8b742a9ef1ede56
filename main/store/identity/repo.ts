import type { ContactField } from '../../../domain/identity/contact';
import type { Db } from '../db';

export type ContactBasis = 'previous_number_confirmed' | 'biometric_match';

export interface ContactUpdateRecord {
  key: string;
  /** Which datum changed; `previousCellphone`/`newCellphone` hold its values (named for the first field kept here). */
  field: ContactField;
  flowId: string | null;
  documentType: string;
  documentNumber: string;
  previousCellphone: string | null;
  newCellphone: string;
  basis: ContactBasis;
  status: 'sent' | 'applied' | 'rejected';
  centralReference: string | null;
  tellerId: string;
  at: string;
}

interface Row {
  key: string;
  field: ContactField;
  flow_id: string | null;
  document_type: string;
  document_number: string;
  previous_cellphone: string | null;
  new_cellphone: string;
  basis: ContactBasis;
  status: 'sent' | 'applied' | 'rejected';
  central_reference: string | null;
  teller_id: string;
  at: string;
}

const toRecord = (r: Row): ContactUpdateRecord => ({
  key: r.key,
  field: r.field,
  flowId: r.flow_id,
  documentType: r.document_type,
  documentNumber: r.document_number,
  previousCellphone: r.previous_cellphone,
  newCellphone: r.new_cellphone,
  basis: r.basis,
  status: r.status,
  centralReference: r.central_reference,
  tellerId: r.teller_id,
  at: r.at,
});

export const identityRepo = (db: Db) => {
  const upsert = db.prepare(
    `INSERT INTO identity_contact_updates (key, field, flow_id, document_type, document_number, previous_cellphone, new_cellphone,
       basis, status, central_reference, teller_id, at)
     VALUES (@key, @field, @flowId, @documentType, @documentNumber, @previousCellphone, @newCellphone, @basis, @status,
       @centralReference, @tellerId, @at)
     ON CONFLICT(key) DO UPDATE SET status = excluded.status, central_reference = excluded.central_reference`,
  );
  const latestApplied = db.prepare<[string, string, string], Row>(
    `SELECT * FROM identity_contact_updates WHERE document_type = ? AND document_number = ? AND field = ? AND status = 'applied'
     ORDER BY at DESC, rowid DESC LIMIT 1`,
  );
  const byKey = db.prepare<[string], Row>('SELECT * FROM identity_contact_updates WHERE key = ?');
  return {
    record: (r: ContactUpdateRecord): void => {
      upsert.run(r);
    },
    get: (key: string): ContactUpdateRecord | undefined => {
      const r = byKey.get(key);
      return r ? toRecord(r) : undefined;
    },
    latestApplied: (documentType: string, documentNumber: string, field: ContactField = 'cellphone'): ContactUpdateRecord | undefined => {
      const r = latestApplied.get(documentType, documentNumber, field);
      return r ? toRecord(r) : undefined;
    },
  };
};
export type IdentityRepo = ReturnType<typeof identityRepo>;
