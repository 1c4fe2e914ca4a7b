// React 19: custom elements need no wrapper. React sets a prop as a property when the element has one (else as an
// attribute) and listens to a custom event through an `on` + event name prop, with the name's case as written:
// `onfd-provider-select`. Build with any React setup (Vite: `npm create vite@latest -- --template react`).
import 'frontdesk/define-all';
import { useEffect, useRef, useState } from 'react';
import { money, when } from '../say.js';
import { showTimes } from '../show-times.js';

export function App() {
  const [provider, setProvider] = useState({ id: 'maria-hernandez', name: 'María Hernández' });
  const [chosen, setChosen] = useState(null);
  const [estimate, setEstimate] = useState(null);
  const picker = useRef(null);
  const [booked, setBooked] = useState(0);
  // After each Book, once React has handed the picker its provider: scroll to the times and focus them.
  useEffect(() => {
    if (booked > 0) void showTimes(picker.current);
  }, [booked]);
  return (
    <fd-clinic adapter="rest" api="/api">
      <fd-provider-list
        onfd-provider-select={(event) => {
          event.preventDefault(); // this app's own picker shows the times: the card opens none
          setProvider({ id: event.detail.providerId, name: event.detail.displayName });
          setChosen(null);
          setBooked((count) => count + 1);
        }}
      />
      <div className="columns">
        <section aria-labelledby="times-heading">
          <h2 id="times-heading">Times with {provider.name}</h2>
          <fd-slot-picker
            id="picker"
            ref={picker}
            provider={provider.id}
            onfd-slot-select={(event) => setChosen(event.detail)}
          />
          <p role="status" id="chosen">
            {chosen ? `You chose ${when(chosen)} with ${provider.name}.` : ''}
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
