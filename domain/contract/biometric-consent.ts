/**
 * Ley 1581 de 2012 (art. 5, 6) and Decreto 1377 de 2013: before a fingerprint is captured the customer is told that
 * the data are sensitive, that they are not obliged to authorize, and the purpose of this treatment. The purpose
 * differs per use, so each use has its own text and version; the version is recorded with the answer so the exact
 * wording read can be retrieved later (domain-co.md §7). A text once used keeps its version: a change is a new one.
 */
export type ConsentPurpose = 'security_code' | 'contact_update' | 'withdrawal';

const VIA = 'verificar su identidad ante la Registraduría Nacional del Estado Civil, a través del operador biométrico autorizado,';

const PURPOSES: Record<ConsentPurpose, { version: string; finalidad: string }> = {
  security_code: { version: 'biometria-2026-01', finalidad: `${VIA} para actualizar su número celular y radicar la generación de su código de seguridad.` },
  contact_update: { version: 'biometria-datos-2026-01', finalidad: `${VIA} para actualizar los datos de contacto que usted tiene registrados en el banco.` },
  // Seed 003 cl. 4 c: a withdrawal at the office is paid "con validación y visación de la Entidad".
  withdrawal: { version: 'biometria-retiro-2026-01', finalidad: `${VIA} para pagar este retiro de su cuenta de ahorros a quien se presenta a recibirlo.` },
};

export interface BiometricConsentText {
  version: string;
  paragraphs: readonly string[];
}

export const biometricConsent = (purpose: ConsentPurpose): BiometricConsentText => ({
  version: PURPOSES[purpose].version,
  paragraphs: [
    'Autorización para el tratamiento de datos biométricos (Ley 1581 de 2012 y Decreto 1377 de 2013).',
    'Su huella dactilar es un dato sensible. Usted no está obligado a autorizar su tratamiento, y ningún servicio se condiciona a que lo haga.',
    `Finalidad: ${PURPOSES[purpose].finalidad}`,
    'El banco no guarda la imagen ni la plantilla de su huella; conserva solo el resultado de la validación y el número de la transacción del operador.',
    'Puede consultar, actualizar o suprimir sus datos según la política de tratamiento de datos del banco, disponible en la oficina y en el sitio web.',
  ],
});
