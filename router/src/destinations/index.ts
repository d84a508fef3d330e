import type { DestinationPlugin } from '@intake/core';
import { emailDestination } from './email/index.js';
import { fileDestination } from './file/index.js';
import { open311Destination } from './open311/index.js';
import { webhookDestination } from './webhook/index.js';

/** Every destination type Intake can deliver to: a new CRM adapter is a folder here and one line in this list. */
export const destinationPlugins: DestinationPlugin[] = [fileDestination, webhookDestination, emailDestination, open311Destination];
