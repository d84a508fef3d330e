import type { DestinationPlugin } from '@intake/core';
import { fileDestination } from './file/index.js';
import { webhookDestination } from './webhook/index.js';

/** Every destination type Intake can deliver to: a new CRM adapter is a folder here and one line in this list. */
export const destinationPlugins: DestinationPlugin[] = [fileDestination, webhookDestination];
