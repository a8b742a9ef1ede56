import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { TellerApi } from '../../../domain/contract/client';
import type { JournalStatus } from '../../../domain/contract/journal';
import { formatReceiptDateTime } from '../../../domain/calendar/bogota-time';
import { JOURNAL_ENTRY_TYPES, type JournalEntryType } from '../../../domain/journal/entry';
import { JOURNAL_ENTRY_LABEL, journalEntryTitle } from '../../../domain/journal/entry-labels';
import { JOURNAL_STATE_OPTIONS, journalStateLabel } from '../../../domain/journal/state-labels';
import { formatPesos } from '../../../domain/money/pesos';
import { ErrorBanner } from '../../components/ErrorBanner';
import { pesosOf, readTypedPesos } from '../../components/typed-pesos';
import { RowActionsDialog } from '../../components/RowActionsDialog';
import { copySentNotice, PrintStatus, type Paper, type PrintJobRef } from '../../components/PrintStatus';
import { ReversalPanel } from '../reversal/ReversalPanel';
import { BiometricConsents } from './BiometricConsents';

type Entry = Extract<Awaited<ReturnType<TellerApi['journal']['search']>>, { ok: true }>['data']['entries'][number];

/** What the copied paper is, for what PrintStatus tells the teller to do with it. */
const paperOf = (type: string): Paper =>
  type === 'till_close' ? 'el reporte de fin de día' : type === 'account_reactivation' || type === 'security_code_request' ? 'la constancia' : 'el recibo';

/** Electronic journal: integrity (verify on demand), search by date, teller, type, account, printed number, amount and state; reprint. */
export const JournalScreen = ({ teller, onCancel }: { teller: TellerApi; onCancel: () => void }) => {
  const [status, setStatus] = useState<JournalStatus | null>(null);
  const [filters, setFilters] = useState({ from: '', to: '', teller: '', type: '', account: '', reference: '', amountMin: '', amountMax: '', state: '' });
  const [entries, setEntries] = useState<Entry[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [copy, setCopy] = useState<{ job: PrintJobRef; paper: Paper } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reversing, setReversing] = useState<string | null>(null);
  // Whether a search answered: an empty answer says so, rather than leaving the table as it was before searching.
  const [searched, setSearched] = useState(false);
  // The row opened with Enter: its facts and its actions (Reimprimir, Reversar) in a dialog.
  const [opened, setOpened] = useState<Entry | null>(null);
  // After a reversal the supervisor's form is gone and the focus with it: it goes to the new reversal's row, or,
  // when the filters leave that row out, to the reversed posting's. A row, not its Reimprimir: the Enter pressed
  // twice on "Registrar el reverso" must not print a copy nobody asked for.
  const [focusAfterReversal, setFocusAfterReversal] = useState<{ document: string; original: string } | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  useEffect(() => {
    if (!focusAfterReversal) return;
    const row = (type: string) => tableRef.current?.querySelector<HTMLTableRowElement>(`tr[data-type="${type}"][data-reference="${focusAfterReversal.original}"]`);
    const target = row('reversal') ?? row('comprobante');
    if (!target) return;
    target.focus();
    if (target === row('reversal')) setFocusAfterReversal(null);
  }, [entries, focusAfterReversal]);

  useEffect(() => {
    void teller.journal.status({}).then((r) => r.ok && setStatus(r.data));
  }, [teller]);

  const search = async () => {
    // The amounts are read as every amount field reads them: "1200000.00" is $ 1.200.000, "1e6" is refused, not 16.
    const amounts = { amountMin: readTypedPesos(filters.amountMin), amountMax: readTypedPesos(filters.amountMax) };
    const bad = (['amountMin', 'amountMax'] as const).find((k) => amounts[k].problem !== null);
    if (bad) return setError(`${bad === 'amountMin' ? 'Valor desde' : 'Valor hasta'}: ${amounts[bad].problem ?? ''}`);
    const n = (k: 'amountMin' | 'amountMax') => pesosOf(amounts[k], Number.MAX_SAFE_INTEGER) ?? undefined;
    const t = (s: string) => (s.trim() === '' ? undefined : s.trim());
    const r = await teller.journal.search({
      from: t(filters.from),
      to: t(filters.to),
      teller: t(filters.teller),
      type: (t(filters.type) as JournalEntryType | undefined) ?? undefined,
      account: t(filters.account),
      reference: t(filters.reference),
      amountMin: n('amountMin'),
      amountMax: n('amountMax'),
      state: t(filters.state),
      limit: 100,
    });
    if (r.ok) {
      setEntries(r.data.entries);
      setSearched(true);
      setOpened(null);
      setError(null);
    } else setError(r.error.message);
  };
  const verify = async () => {
    const r = await teller.journal.verify({});
    if (r.ok) setStatus(r.data);
    else setError(r.error.message);
  };
  const reprint = async (document: string, type: string, state: string | null) => {
    const r = await teller.devices.reprint({ target: document });
    if (r.ok) {
      // Said as sent, not as printed: PrintStatus below follows the copy until the paper is out or fails. A copy
      // of a reversed comprobante says so, with the mark it carries on paper.
      // A posting's row reads Reversado once reversed; the reversal's own entry reads so too, but its paper stands.
      const reversed = type === 'comprobante' && state === 'reversado';
      const marked = reversed && r.data.marks.length > 0 ? `, marcada «${r.data.marks.join(' · ')}»` : '';
      setNotice(`${copySentNotice(document, r.data.job.copyNumber, reversed ? ' del comprobante reversado' : '')}${marked}.`);
      setCopy({ job: { jobId: r.data.job.jobId, state: r.data.job.state }, paper: reversed ? 'la copia del comprobante reversado' : paperOf(type) });
    } else setError(r.error.message);
  };
  /** Enter in any filter, a select too, runs the search (the keyboard never has to reach Buscar). */
  const searchOnEnter = (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    void search();
  };
  /** Arrow keys move between rows, Enter on a row opens it (its buttons keep their own Enter). */
  const rowKeys = (e: KeyboardEvent<HTMLTableRowElement>, entry: Entry) => {
    if (e.target !== e.currentTarget) return;
    const next = e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.key === 'ArrowUp' ? e.currentTarget.previousElementSibling : null;
    if (next instanceof HTMLTableRowElement) {
      e.preventDefault();
      next.focus();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      setOpened(entry);
    }
  };
  const field = (k: keyof typeof filters, label: string) => (
    <div className="field">
      <label htmlFor={`jf-${k}`}>{label}</label>
      {/* F5 lands in the search, first field: the screen is used to find an entry. */}
      <input id={`jf-${k}`} autoFocus={k === 'from'} value={filters[k]} onChange={(e) => setFilters({ ...filters, [k]: e.target.value })} onKeyDown={searchOnEnter} />
    </div>
  );

  return (
    <main className="screen" aria-labelledby="journal-title">
      <h1 id="journal-title">Diario electrónico</h1>
      <p className={status?.ok === false ? 'error-banner' : 'notice'} role={status?.ok === false ? 'alert' : 'status'} data-testid="journal-status">
        {status?.message ?? '…'}
      </p>
      <div className="actions">
        <button type="button" onClick={() => void verify()}>
          Verificar integridad
        </button>
      </div>
      <form
        className="panel"
        aria-label="Buscar en el diario"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        {field('from', 'Desde (AAAA-MM-DD)')}
        {field('to', 'Hasta (AAAA-MM-DD)')}
        {field('teller', 'Usuario')}
        <div className="field">
          <label htmlFor="jf-type">Tipo de evento</label>
          <select id="jf-type" value={filters.type} onChange={(e) => setFilters({ ...filters, type: e.target.value })} onKeyDown={searchOnEnter}>
            <option value="">Todos</option>
            {JOURNAL_ENTRY_TYPES.map((t) => (
              <option key={t} value={t}>
                {JOURNAL_ENTRY_LABEL[t]}
              </option>
            ))}
          </select>
        </div>
        {field('account', 'Cuenta')}
        {field('reference', 'Número impreso (comprobante, RA, RAD)')}
        {field('amountMin', 'Valor desde')}
        {field('amountMax', 'Valor hasta')}
        <div className="field">
          <label htmlFor="jf-state">Estado</label>
          <select id="jf-state" value={filters.state} onChange={(e) => setFilters({ ...filters, state: e.target.value })} onKeyDown={searchOnEnter}>
            <option value="">Todos</option>
            {JOURNAL_STATE_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            Buscar
          </button>
        </div>
      </form>
      {notice ? <p className="notice" role="status">{notice}</p> : null}
      {copy ? <PrintStatus teller={teller} job={copy.job} paper={copy.paper} /> : null}
      <table className="grid-table" aria-label="Registros del diario" ref={tableRef}>
        <thead>
          <tr>
            <th>No.</th>
            <th>Fecha y hora</th>
            <th>Usuario</th>
            <th>Tipo</th>
            <th>Cuenta</th>
            <th>Valor</th>
            <th>Estado</th>
            <th>Referencia</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {searched && entries.length === 0 ? (
            <tr>
              <td colSpan={9} role="status">
                Sin registros con esos filtros.
              </td>
            </tr>
          ) : null}
          {entries.map((e, i) => (
            // The first row is in the Tab order; the arrows take the focus from row to row.
            <tr key={e.sequence} tabIndex={i === 0 ? 0 : -1} data-type={e.type} data-reference={e.reference ?? ''} onKeyDown={(k) => rowKeys(k, e)} aria-label={`Registro ${e.sequence}`}>
              <td>{e.sequence}</td>
              <td>{formatReceiptDateTime(e.at)}</td>
              <td>{e.actorName}</td>
              <td>{journalEntryTitle(e.type, e.payload)}</td>
              <td>{e.account ?? ''}</td>
              <td className="num">{e.amount === null ? '' : formatPesos(e.amount)}</td>
              <td>{e.state === null ? '' : journalStateLabel(e.state)}</td>
              <td>{e.reference ?? ''}</td>
              <td>
                {e.document ? (
                  <button type="button" onClick={() => void reprint(e.document ?? '', e.type, e.state)} aria-label={`Reimprimir ${e.document}`}>
                    Reimprimir
                  </button>
                ) : e.printNote ? (
                  <span className="hint">{e.printNote}</span>
                ) : null}{' '}
                {e.comprobante ? (
                  <button type="button" onClick={() => setReversing(e.comprobante)} aria-label={`Reversar ${e.comprobante}`}>
                    Reversar
                  </button>
                ) : e.reversalNote ? (
                  <span className="hint">{e.reversalNote}</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {opened ? (
        <RowActionsDialog
          title={`Registro No. ${opened.sequence}`}
          onCancel={() => setOpened(null)}
          actions={[
            ...(opened.document ? [{ key: 'R', label: 'Reimprimir', run: () => (setOpened(null), void reprint(opened.document ?? '', opened.type, opened.state)) }] : []),
            ...(opened.comprobante ? [{ key: 'V', label: 'Reversar', run: () => (setOpened(null), setReversing(opened.comprobante)) }] : []),
          ]}
        >
          <dl>
            <dt>Fecha y hora</dt>
            <dd>{formatReceiptDateTime(opened.at)}</dd>
            <dt>Usuario</dt>
            <dd>{opened.actorName}</dd>
            <dt>Tipo</dt>
            <dd>{journalEntryTitle(opened.type, opened.payload)}</dd>
            {opened.account ? (
              <>
                <dt>Cuenta</dt>
                <dd>{opened.account}</dd>
              </>
            ) : null}
            {opened.amount === null ? null : (
              <>
                <dt>Valor</dt>
                <dd>{formatPesos(opened.amount)}</dd>
              </>
            )}
            {opened.state === null ? null : (
              <>
                <dt>Estado</dt>
                <dd>{journalStateLabel(opened.state)}</dd>
              </>
            )}
            {opened.reference ? (
              <>
                <dt>Referencia</dt>
                <dd>{opened.reference}</dd>
              </>
            ) : null}
            <BiometricConsents payload={opened.payload} actor={opened.actor} actorName={opened.actorName} />
            {opened.printNote ?? opened.reversalNote ? <dd>{opened.printNote ?? opened.reversalNote}</dd> : null}
          </dl>
        </RowActionsDialog>
      ) : null}
      {reversing ? (
        <ReversalPanel
          key={reversing}
          teller={teller}
          sequence={reversing}
          onDone={(document) => {
            setFocusAfterReversal({ document, original: reversing });
            void search();
          }}
        />
      ) : null}
      <ErrorBanner message={error} />
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel}>
          Volver <kbd>Esc</kbd>
        </button>
      </div>
    </main>
  );
};
