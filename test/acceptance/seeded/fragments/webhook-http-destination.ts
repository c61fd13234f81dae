import { seededId, type Fragment } from '../fragment.js';
import { seededWebhook } from './key-and-webhook-items.js';

const remote = seededId(34, 1);
const loopback = seededId(34, 2);

/** A webhook sending over plain http to a remote host, beside one to a loopback relay. */
export const webhookHttpDestination: Fragment = {
  rule: 'webhook-http-destination',
  bad: { type: 'subscription', id: remote },
  good: [{ type: 'subscription', id: loopback }],
  seed: {
    subscriptions: [
      seededWebhook(remote, 'Relay over http', { httpEndpoint: { url: 'http://relay.example.com:8080/events' } }),
      seededWebhook(loopback, 'Local relay', { httpEndpoint: { url: 'http://127.0.0.1:8080/events' } }),
    ],
  },
};
