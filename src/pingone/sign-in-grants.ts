import type { Application, GrantType } from '../snapshot/model.js';
import { USER_GRANTS, unknownGrantsOf } from './applications.js';
import { answer, type Answer } from './unknown-answers.js';

/**
 * Every grant whose token acts for a user: the user grants plus CIBA, where the user approves on
 * another device. `USER_GRANTS` leaves CIBA out because whose roles PingOne checks for a CIBA token
 * on a worker app is not documented; for who may sign in and how, CIBA counts like the others.
 */
const SIGN_IN_GRANTS: readonly GrantType[] = [...USER_GRANTS, 'CIBA'];

/** The sign-in grants an application allows, in its own order. */
export function signInGrantsOf(app: Application): GrantType[] {
  return (app.grantTypes ?? []).filter((grant) => SIGN_IN_GRANTS.includes(grant));
}

/** Whether the app allows a sign-in grant; "cannot tell" when it allows none but some grant this version does not know. */
export function whetherSignInGrant(app: Application): Answer {
  return answer(signInGrantsOf(app).length > 0, unknownGrantsOf(app));
}

/** RFC 6901 pointer to one grant in `grantTypes`, or to the array when the grant is absent. */
export function grantPointer(app: Application, grant: GrantType): string {
  const at = (app.grantTypes ?? []).indexOf(grant);
  return at < 0 ? '/grantTypes' : `/grantTypes/${at}`;
}
