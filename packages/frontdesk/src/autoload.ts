import { startAutoloader } from './autoloader.js';
import { ELEMENT_LOADERS } from './elements.js';

/**
 * The autoloader for bundlers (`import 'frontdesk/autoload'`): defines each `fd-*` element the first time it appears
 * in the page, including elements added later, importing only that element's module. The script-tag build
 * (`cdn/frontdesk.js`) is the same autoloader with its chunks preloaded (see `cdn-loader.ts`).
 */
export const loadElement: (tag: string) => Promise<void> = startAutoloader({ loaders: ELEMENT_LOADERS });
