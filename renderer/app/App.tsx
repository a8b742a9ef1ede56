import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { TellerApi } from '../../domain/contract/client';
import { tillFromEarlierDayMessage } from '../../domain/till/business-day';
import type { TillSession } from '../../domain/contract/till';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { StatusBar } from '../components/StatusBar';
import { HomeScreen, type MenuItem } from '../features/home/HomeScreen';
import { UnprintedReceipts } from '../features/till/UnprintedReceipts';
import { ChargeDifferences } from '../features/deposit/ChargeDifferences';
import { UnconfirmedDebits } from '../features/withdrawal/UnconfirmedDebits';
import { ApprovedReversals } from '../features/reversal/ApprovedReversals';
import { ReversalScreen } from '../features/reversal/ReversalScreen';
import { RejectedReversals } from '../features/reversal/RejectedReversals';
import { LapsedRequests } from '../features/supervisor/LapsedRequests';
import { RejectedReactivations } from '../features/reactivation/RejectedReactivations';
import { LockScreen } from '../features/session/LockScreen';
import { LoginScreen } from '../features/session/LoginScreen';
import { SCREENS } from './registry';
import { onIncoming } from '../features/vault/incoming';
import { onPending } from '../features/supervisor/pending';
import type { ScreenContext } from './screens';
import { useActivity, useCore } from './useCore';
import { useWindowKeyDown } from '../components/useWindowKeyDown';
import { useTypeAhead } from './useTypeAhead';

/**
 * Inicio's letter keys work with Caps Lock or Shift too (README writes them T, R, A, C, S): no binding on Inicio
 * takes a Shift+letter, and F-keys keep their names (Shift+F2 is the deposit's, never lowercased).
 */
const menuKeyOf = (key: string): string => ([...key].length === 1 ? key.toLowerCase() : key);

export const App = ({ teller }: { teller: TellerApi }) => {
  const { session, status, coreUp } = useCore(teller);
  const [screen, setScreen] = useState<string>('home');
  const [till, setTill] = useState<TillSession | null>(null);
  // Whether `till` is the signed-in user's, read since the sign-in. Until then Inicio is not shown (it said "La caja
  // no está abierta" and disabled F3/F4 for a teller whose till was open, and an F4 typed as soon as it appeared was
  // lost): 'Consultando la caja…' stands in, and a menu key pressed meanwhile (or during the sign-in's
  // 'Verificando…'), with what is typed after it, is held (useTypeAhead) and acted on once the till is read.
  const [tillKnown, setTillKnown] = useState(false);
  // Bumped at each sign-out or change of user, and when a screen hands over the till it got: a till read started
  // before answers into nothing.
  const tillEpoch = useRef(0);
  // A transfer from another till arriving re-renders the start menu with its count (features/vault/incoming.ts).
  const [, setIncoming] = useState(0);
  const [leavingOpenTill, setLeavingOpenTill] = useState(false);
  // A line for Inicio from the screen that sent the teller there (goHomeTelling); gone once they leave it.
  const [homeLine, setHomeLine] = useState<string | null>(null);
  // The comprobante whose approved reversal Inicio opened (screen 'reversal').
  const [reversal, setReversal] = useState<string | null>(null);
  useEffect(() => onIncoming((n) => setIncoming(n)), []);
  // The start menu's "(n pendientes)" is read at render: a new count re-renders it now, not at the next status push.
  const [, setPending] = useState(0);
  useEffect(() => onPending((n) => setPending(n)), []);
  const active = session?.state === 'active';
  // Someone else signed in without this window seeing the sign-out (another tab served the workstation, then
  // "Usar aquí" brought this one back): the screen and what was typed on it were the previous user's, so they go
  // before the first paint under the new name.
  const userId = session && session.state !== 'signed_out' ? session.user.id : null;
  const [screenUser, setScreenUser] = useState(userId);
  if (userId !== null && userId !== screenUser) {
    setScreenUser(userId);
    if (screenUser !== null) setScreen('home');
    setHomeLine(null);
    setTillKnown(false);
    tillEpoch.current += 1;
  }
  useActivity(teller, session?.state === 'active' ? session.idleLockSeconds : null);

  const refreshTill = useCallback(async () => {
    const epoch = tillEpoch.current;
    const r = await teller.till.current({});
    if (epoch !== tillEpoch.current) return;
    if (r.ok) setTill(r.data.till);
    // Unanswered, the menu goes by the till it has (none after a sign-in), as it always did, rather than hold keys.
    setTillKnown(true);
  }, [teller]);

  useEffect(() => {
    if (session?.state === 'active') void refreshTill();
    if (session?.state === 'signed_out') {
      setScreen('home');
      setTill(null);
      setTillKnown(false);
      tillEpoch.current += 1;
      setHomeLine(null);
    }
    // Per user: another user signed in without this window seeing the sign-out reads their own till too.
  }, [session?.state, userId, refreshTill]);

  // The menu comes back at once and the till refreshes behind it: any screen may have moved cash (a posting
  // left with Esc from its receipt, a remittance returned), and the menu shows the till's holding prompt (and,
  // to a supervisor or without blind close, its total).
  const goHome = useCallback(() => {
    setScreen('home');
    setHomeLine(null);
    void refreshTill();
  }, [refreshTill]);
  const goHomeWithTill = useCallback((opened: TillSession) => {
    tillEpoch.current += 1;
    setTill(opened);
    setTillKnown(true);
    setScreen('home');
    setHomeLine(null);
  }, []);
  const goHomeTelling = useCallback(
    (line: string) => {
      goHome();
      setHomeLine(line);
    },
    [goHome],
  );

  const ctx: ScreenContext | null =
    session && session.state !== 'signed_out'
      ? {
          teller,
          user: session.user,
          till,
          goHome,
          goHomeTelling,
          goHomeWithTill,
          refreshTill,
        }
      : null;

  // Leaving with the till open is allowed (a break, a shift change counted later) but never unnoticed: F12 and
  // the lock screen's "Cerrar sesión" both ask first. Resolves to the core's refusal, if any.
  const signOut = async (): Promise<string | null> => {
    if (till?.state === 'abierta' && session && session.state !== 'signed_out' && till.tellerId === session.user.id) {
      setLeavingOpenTill(true);
      return null;
    }
    const r = await teller.session.logout({});
    return r.ok ? null : r.error.message;
  };

  const items: MenuItem[] = [
    ...SCREENS.map((s) => ({ key: s.key, label: s.label, enabled: ctx && tillKnown ? s.enabled(ctx) : false, onSelect: () => setScreen(s.id) })),
    { key: 'F11', label: 'Bloquear sesión', enabled: true, onSelect: () => void teller.session.lock({}) },
    { key: 'F12', label: 'Cerrar sesión', enabled: true, onSelect: () => void signOut() },
  ];

  const typeAhead = useTypeAhead({
    reading: active && screen === 'home' && !tillKnown,
    sessionState: session?.state ?? null,
    username: session && session.state !== 'signed_out' ? session.user.username : null,
    isMenuKey: (key) => items.some((i) => i.key === menuKeyOf(key)),
  });
  // A line about keys typed ahead belongs to the screen it was said on.
  const { clearLine } = typeAhead;
  useEffect(() => clearLine(), [screen, clearLine]);

  // Every F-key belongs to Caja: the browser's own (F5 reload, F1 help, F11 full screen…) must never fire,
  // or a teller pressing F5 for the journal would reload the page mid-transaction.
  useEffect(() => {
    const swallow = (e: KeyboardEvent) => {
      if (/^F([1-9]|1[0-2])$/.test(e.key)) e.preventDefault();
    };
    window.addEventListener('keydown', swallow, true);
    return () => window.removeEventListener('keydown', swallow, true);
  }, []);

  // F11 locks from any screen, a field or a dialog in focus (the lock overlays them and keeps what they hold), so
  // it is taken on the way down, before a screen's own keys can swallow it.
  useWindowKeyDown(
    (e) => {
      if (e.key !== 'F11' || !active) return;
      e.preventDefault();
      e.stopPropagation();
      void teller.session.lock({});
    },
    { capture: true },
  );

  // The handler that knows the new screen listens from the same commit that shows it (useWindowKeyDown): an
  // F-key typed right after "Nueva operación" (whose home switch lands after an await) must reach the menu.
  useWindowKeyDown((e) => {
    if (!active) return;
    if (e.key === 'Escape' && screen !== 'home' && !document.querySelector('dialog[open]')) {
      e.preventDefault();
      goHome();
      return;
    }
    if (screen !== 'home') return;
    const item = items.find((i) => i.key === menuKeyOf(e.key));
    if (item?.enabled) {
      e.preventDefault();
      item.onSelect();
    }
  });

  // The key held while the sign-in was verified or the till read, acted on in the commit that shows the menu as
  // that till makes it; one it cannot act on is said on Inicio, with what was typed after it let go.
  useLayoutEffect(() => {
    // Not on Inicio: the screen the key opened, its keys still on their way to its first field.
    if (!tillKnown || !active || screen !== 'home') return;
    typeAhead.release((key) => {
      const item = items.find((i) => i.key === menuKeyOf(key));
      if (!item) return 'Esa tecla no abre nada en Inicio.';
      if (item.enabled) {
        item.onSelect();
        return null;
      }
      const why =
        till === null
          ? 'la caja no está abierta'
          : ctx && till.tellerId !== ctx.user.id
            ? `la caja está abierta por ${till.tellerName}`
            : till.fromEarlierDay
              ? tillFromEarlierDayMessage(till.businessDate).replace(/\.$/, '')
              : 'no está disponible para su usuario';
      return `${item.label} (${key.length === 1 ? key.toUpperCase() : key}) no se abrió: ${why}.`;
    });
  });

  const current = SCREENS.find((s) => s.id === screen);
  let body;
  if (!session) body = <main className="center-card">Cargando…</main>;
  else if (session.state === 'signed_out' || !ctx) body = <LoginScreen teller={teller} typeAhead={typeAhead.signIn} />;
  else if (current) body = current.render(ctx);
  else if (screen === 'reversal' && reversal) body = <ReversalScreen teller={teller} sequence={reversal} onCancel={goHome} />;
  // A held menu key is acted on in the layout effect above before this paints: Inicio, which would take the focus
  // from the screen the key opens, is not rendered meanwhile.
  else if (!tillKnown || typeAhead.releasing())
    body = (
      <main className="center-card" role="status" data-testid="till-reading">
        Consultando la caja…
      </main>
    );
  else
    body = (
      <HomeScreen
        till={till}
        userId={session.user.id}
        role={session.user.role}
        items={items}
        notices={
          <>
            {homeLine ? (
              <p className="notice" role="status" data-testid="home-line">
                {homeLine}
              </p>
            ) : null}
            <ApprovedReversals
              teller={teller}
              onRegister={(sequence) => {
                setReversal(sequence);
                setScreen('reversal');
              }}
            />
            <RejectedReversals teller={teller} />
            <LapsedRequests teller={teller} />
            <RejectedReactivations teller={teller} />
            <UnconfirmedDebits teller={teller} />
            <UnprintedReceipts teller={teller} />
            <ChargeDifferences teller={teller} syncedAt={status?.central.lastSyncAt ?? null} />
          </>
        }
      />
    );

  return (
    <div className="app">
      <div className="app-body" inert={session?.state === 'locked' ? true : undefined}>
        {typeAhead.line ? (
          <p className="notice" role="status" data-testid="type-ahead-line">
            {typeAhead.line}
          </p>
        ) : null}
        {body}
      </div>
      {session?.state === 'locked' ? <LockScreen teller={teller} user={session.user} onSignOut={signOut} /> : null}
      {leavingOpenTill && till ? (
        <ConfirmDialog
          title="Su caja sigue abierta"
          confirmLabel="Cerrar sesión"
          onCancel={() => setLeavingOpenTill(false)}
          onConfirm={() => {
            setLeavingOpenTill(false);
            void teller.session.logout({});
          }}
        >
          <p>
            La caja {till.tillCode} queda abierta, con su efectivo a su cargo. Para entregar el turno, ciérrela con el arqueo (F6) antes de salir.
          </p>
        </ConfirmDialog>
      ) : null}
      <StatusBar status={status} coreUp={coreUp} />
    </div>
  );
};
