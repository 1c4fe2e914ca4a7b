import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions, type UserConfig } from 'vite';

// No telemetry, from the first command on (the `core` setting below only applies once this file is read).
process.env.STORYBOOK_DISABLE_TELEMETRY = '1';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true, disableProjectJson: true },
  // Stories and packages load from TypeScript source through the `source` export condition, like the tests do, so
  // Storybook never needs a prior `tsc -b` and always shows the code being edited.
  viteFinal(viteConfig: UserConfig): UserConfig {
    return {
      ...viteConfig,
      resolve: { ...viteConfig.resolve, conditions: ['source', ...defaultClientConditions] },
      // Relative asset URLs, so `storybook-static/` works from any static server and any sub-path.
      base: './',
      build: { ...viteConfig.build, target: 'es2022', chunkSizeWarningLimit: 2000 },
    };
  },
};

export default config;
