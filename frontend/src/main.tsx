import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './app/app.css';

// The first render builds the whole page, every watched symbol's row included (50 at most). As a
// transition React builds it in slices of a few milliseconds, yielding in between, instead of in
// one long task; nothing is shown before it commits either way.
const root = createRoot(document.getElementById('root')!);
startTransition(() =>
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
