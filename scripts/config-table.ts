// Prints the settings table for the README (npm run config-table).
import { configTable } from '../server/config.ts';

console.log(configTable());
