// React 19: custom elements need no wrapper. React 19 sets properties for known element properties and listens to
// custom events through `on<event-name>` props. Build with any React setup (Vite: `npm create vite@latest -- --template react`).
import 'frontdesk/define-all';
import { useState } from 'react';

export function App() {
  const [provider, setProvider] = useState('maria-hernandez');
  const [booked, setBooked] = useState(null);
  return (
    <fd-clinic adapter="rest" api="/api">
      <fd-provider-list onfd-provider-select={(event) => setProvider(event.detail.providerId)} />
      <fd-slot-picker id="picker" provider={provider} onfd-booking-confirmed={(event) => setBooked(event.detail)} />
      <fd-cost-estimate for="picker" service="99213" interactive />
      {booked && <p role="status">Booked. See you then.</p>}
    </fd-clinic>
  );
}
