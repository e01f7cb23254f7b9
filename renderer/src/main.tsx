// Renderer entry: builds the service client for this build's transport and mounts the app (or explains why it cannot).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createRendererClient } from './service/createRendererClient';
import { ServiceProvider } from './service/ServiceContext';
import './styles/theme.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/tables.css';
import './styles/orgs.css';

function StartupProblem({ problem }: { problem: string }) {
  return (
    <main id="main" className="app-main">
      <h1>Okta Prep cannot start</h1>
      <p role="alert">{problem}</p>
    </main>
  );
}

// A file dropped outside the Validate screen must not make the window navigate to it.
window.addEventListener('dragover', (event) => event.preventDefault());
window.addEventListener('drop', (event) => event.preventDefault());

const container = document.getElementById('root');
if (!container) throw new Error('Okta Prep: #root is missing from index.html');
const setup = createRendererClient();
createRoot(container).render(
  <StrictMode>
    {setup.ok ? (
      <ServiceProvider client={setup.client}>
        <App />
      </ServiceProvider>
    ) : (
      <StartupProblem problem={setup.problem} />
    )}
  </StrictMode>,
);
