// Real key presses in the browser tests: @web/test-runner's send-keys command drives Chromium's own keyboard through
// its automation protocol, so focus, default actions and key repeat behave as for a patient at a keyboard.
import { sendKeys } from '@web/test-runner-commands';

export { sendKeys };

export const press = (key: string): Promise<void> => sendKeys({ press: key });

export const typeText = (text: string): Promise<void> => sendKeys({ type: text });

/** Press `key` with Shift held. */
export async function pressShifted(key: string): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: key });
  await sendKeys({ up: 'Shift' });
}
