import { describe, expect, it } from 'vitest';
import { remesaMoveQuestion, remesaMovedText } from './remesa';

const remesa = { chequeNumber: '4455', bank: '13', amount: 1_000_000, accountNumber: '240000000086', expectedOn: '2026-12-15' };

describe('asking before a remesa moves (seed 003 cl. 3.9: paid makes its value withdrawable)', () => {
  it('P names the cheque, bank, value and masked account, and says the value becomes available', () => {
    expect(remesaMoveQuestion(remesa, 'pagar')).toEqual([
      '¿Confirma que el banco girado pagó la remesa 4455 de BBVA Colombia por $ 1.000.000 a la cuenta ****0086? Su valor queda disponible para retirar.',
      'Enter confirma, Esc cancela.',
    ]);
    expect(remesaMovedText(remesa, 'pagar')).toBe('Remesa 4455 marcada pagada: $ 1.000.000 quedan disponibles en la cuenta ****0086.');
  });

  it('P before the expected date says so plainly; E has no such line', () => {
    expect(remesaMoveQuestion({ ...remesa, beforeExpected: true }, 'pagar')[1]).toBe(
      'Atención: se esperaba pagada el 15/12/2026; la marca antes de esa fecha. Hágalo solo con la confirmación del banco girado.',
    );
    expect(remesaMoveQuestion({ ...remesa, beforeExpected: true }, 'enviar')).toEqual([
      '¿Confirma que la remesa 4455 de BBVA Colombia por $ 1.000.000 de la cuenta ****0086 se envió al banco girado?',
      'Enter confirma, Esc cancela.',
    ]);
  });
});
