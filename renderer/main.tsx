import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectTeller } from './api/teller';
import { App } from './app/App';
import { OneWindow } from './app/OneWindow';
import './styles.css';

const root = createRoot(document.getElementById('root') as HTMLElement);
const teller = connectTeller();
root.render(
  <StrictMode>
    {teller ? (
      <OneWindow>
        <App teller={teller} />
      </OneWindow>
    ) : (
      <main className="center-card">
        <div className="card" role="alert">
          <h1>Enlace incompleto</h1>
          <p>Abra Caja con la dirección que muestra el programa al iniciar (incluye la clave de esta sesión).</p>
        </div>
      </main>
    )}
  </StrictMode>,
);
