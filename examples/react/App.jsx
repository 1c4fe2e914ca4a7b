// React 19: custom elements need no wrapper. React sets a prop as a property when the element has one (else as an
// attribute) and listens to a custom event through an `on` + event name prop, with the name's case as written:
// `onfd-provider-select`. Build with any React setup (Vite: `npm create vite@latest -- --template react`).
import 'frontdesk/define-all';
import { useState } from 'react';

export function App() {
  const [provider, setProvider] = useState('maria-hernandez');
  const [chosen, setChosen] = useState(null);
  const [estimate, setEstimate] = useState(null);
  return (
    <fd-clinic adapter="rest" api="/api">
      <fd-provider-list
        onfd-provider-select={(event) => {
          setProvider(event.detail.providerId);
          setChosen(null);
        }}
      />
      <div className="columns">
        <section aria-labelledby="times-heading">
          <h2 id="times-heading">Choose a time</h2>
          <fd-slot-picker id="picker" provider={provider} onfd-slot-select={(event) => setChosen(event.detail)} />
          <p role="status" id="chosen">
            {chosen ? `You chose ${when(chosen)} (${chosen.timeZone}) with ${chosen.providerId}.` : ''}
          </p>
        </section>
        <section aria-labelledby="cost-heading">
          <h2 id="cost-heading">What it will likely cost</h2>
          <fd-cost-estimate
            for="picker"
            service="99213"
            interactive
            onfd-estimate={(event) => setEstimate(event.detail)}
          />
          <p role="status" id="estimate">
            {estimate ? `Likely total: ${money(estimate)}.` : ''}
          </p>
        </section>
      </div>
    </fd-clinic>
  );
}

const when = (detail) =>
  new Date(detail.start).toLocaleString('en-US', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: detail.timeZone,
  });
const money = (detail) =>
  (detail.patientTotal / 100).toLocaleString('en-US', { style: 'currency', currency: detail.currency });
