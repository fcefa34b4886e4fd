import { setup } from '@sa11y/jest';

// Registers `expect(element).toBeAccessible()` (axe-core rules, as in Salesforce's sample apps).
setup();
