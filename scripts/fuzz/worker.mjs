// Worker entry: a worker thread does not pick up tsx from the parent, so it registers it itself.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
